import { Page } from '#renderer/components/index'

// Placeholder screens, replaced by the screens of this feature folder.
export function KriDashboard() {
  return <Page title="KRI dashboard">Coming soon.</Page>
}
export function KriRegister() {
  return <Page title="KRI register">Coming soon.</Page>
}
export function KriBreaches() {
  return <Page title="KRI breaches">Coming soon.</Page>
}
export function KriDetail({ id }: { id: string }) {
  return <Page title="KRI">{id}</Page>
}
