import { Page } from '#renderer/components/index'

// Placeholder screens, replaced by the screens of this feature folder.
export function ControlsLibrary() {
  return <Page title="Controls library">Coming soon.</Page>
}
export function RiskControlMatrix() {
  return <Page title="Risk–control matrix">Coming soon.</Page>
}
export function ControlCoverage() {
  return <Page title="Control coverage">Coming soon.</Page>
}
export function StarterLibrary() {
  return <Page title="Starter library">Coming soon.</Page>
}
export function ControlDetail({ id }: { id: string }) {
  return <Page title="Control">{id}</Page>
}
