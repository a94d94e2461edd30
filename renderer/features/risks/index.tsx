import { Page } from '#renderer/components/index'

// Placeholder screens, replaced by the screens of this feature folder.
export function RiskRegister() {
  return <Page title="Risk register">Coming soon.</Page>
}
export function NewRisk() {
  return <Page title="New risk">Coming soon.</Page>
}
export function RiskHeatMap() {
  return <Page title="Heat map">Coming soon.</Page>
}
export function AcceptanceInbox() {
  return <Page title="Acceptances awaiting my decision">Coming soon.</Page>
}
export function RiskDetail({ id }: { id: string }) {
  return <Page title="Risk">{id}</Page>
}
