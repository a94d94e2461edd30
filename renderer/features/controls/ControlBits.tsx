import type { ReactNode } from 'react'
import { Badge } from '#renderer/components/index'
import { EvidenceBadge, InactiveBadge, TestResultBadge } from '#renderer/components/rcsa/index'
import type { EvidenceStatus, TestResult } from '#shared/controls/control.constants'
import { testResultLabel } from './labels'

type BadgeFacts = {
  is_active: boolean
  implementation_status: string
  group_wide: boolean
  evidence_status: string
  last_test_result: string | null
  last_test_date: string | null
}

/** controls.md §11 header badges: Inactive, Planned, Group-wide, evidence flag, last test. */
export function ControlBadges({ c, groupWide = true }: { c: BadgeFacts; groupWide?: boolean }) {
  return (
    <span className="control-badges">
      {!c.is_active && <InactiveBadge title="Deactivated: takes no new links, evidence or tests." />}
      {c.implementation_status === 'PLANNED' && <Badge tone="warning">Planned</Badge>}
      {groupWide && c.group_wide && <Badge tone="info">Group-wide</Badge>}
      <EvidenceBadge status={c.evidence_status as EvidenceStatus} />
      <LastTestBadge result={c.last_test_result} date={c.last_test_date} />
    </span>
  )
}

export function LastTestBadge({ result, date }: { result: string | null; date: string | null }) {
  return (
    <TestResultBadge
      result={result as TestResult | null}
      title={date ? `Last test ${date}: ${testResultLabel(result)}` : 'No test recorded'}
    />
  )
}

/** A definition list entry of the Details tab. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
