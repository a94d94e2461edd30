import { Page } from '#renderer/components/index'

// Placeholder screens, replaced by the screens of this feature folder.
export function RiskMatrixSettings() {
  return <Page title="Risk matrix">Coming soon.</Page>
}
export function RiskWorkflowSettings() {
  return <Page title="Risk workflow settings">Coming soon.</Page>
}
export function FrameworkSettings() {
  return <Page title="Frameworks">Coming soon.</Page>
}
