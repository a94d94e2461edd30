import type { ReactNode } from 'react'
import type { Frequency } from '#shared/kris/kri.period.rules'
import type { Role } from '#shared/core/primitives'
import { useSession } from '#renderer/stores/session'
import { periodText, withUnit } from './kri-logic'

const NO_ROLES: readonly Role[] = []

/** The signed-in user's roles and id (stable empty list while signed out). */
export function useMe() {
  const id = useSession((s) => s.user?.id ?? null)
  const roles = useSession((s) => s.user?.roles ?? NO_ROLES)
  return { id, roles, isRiskOfficer: roles.includes('risk_officer'), isAuditor: roles.includes('auditor') }
}

/** "Overdue" beside a KRI whose oldest missing period is past its grace deadline (kris.md §6). */
export function KriOverdueBadge({ since, frequency }: { since: string | null; frequency: Frequency }) {
  if (!since) return null
  return (
    <span className="badge badge-danger" title={`No value for ${periodText(frequency, since)}, past its deadline.`}>
      Overdue
    </span>
  )
}

/** The latest value with its unit and the period it belongs to. */
export function LatestValue({
  value,
  unit,
  frequency,
  periodStart,
}: {
  value: string | null
  unit: string
  frequency: Frequency
  periodStart: string | null
}) {
  if (value == null || periodStart == null) return <span className="muted">No value yet</span>
  return (
    <span className="kri-latest">
      <strong className="num">{withUnit(value, unit)}</strong>{' '}
      <span className="muted nowrap">{periodText(frequency, periodStart)}</span>
    </span>
  )
}

export type TabDef<T extends string> = { id: T; label: string }

/** A tab list and the selected panel (the measure detail's pattern). */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  idPrefix,
  children,
}: {
  label: string
  tabs: readonly TabDef<T>[]
  selected: T
  onSelect: (t: T) => void
  idPrefix: string
  children: ReactNode
}) {
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.id}`}
            aria-selected={selected === t.id}
            aria-controls={`${idPrefix}-panel-${t.id}`}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel-${selected}`} aria-labelledby={`${idPrefix}-tab-${selected}`}>
        {children}
      </div>
    </>
  )
}
