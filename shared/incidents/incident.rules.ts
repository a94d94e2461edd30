import type { Issue } from '../core/errors'
import type { Severity } from './incident.constants'
import { FIELD_LABELS } from './incident.constants'

const DAY_MS = 86_400_000

/** "+N days" = N × 86,400,000 ms on now: UTC calendar days, no business-day calendar (incidents §5.6). */
export function addDays(now: string, days: number): string {
  return new Date(Date.parse(now) + days * DAY_MS).toISOString()
}

/** Severity bands in major units of the reporting currency, compared in minor units (incidents §4). */
export function severityOf(grossReporting: number | null, reportingDigits: number): Severity {
  if (grossReporting === null) return 'unrated'
  const major = (n: number) => n * 10 ** reportingDigits
  if (grossReporting < major(10_000)) return 'low'
  if (grossReporting < major(100_000)) return 'medium'
  if (grossReporting < major(1_000_000)) return 'high'
  return 'critical'
}

export function netLoss(gross: number | null, recoveryTotal: number, override: number | null): number | null {
  if (override !== null) return override
  return gross === null ? null : gross - recoveryTotal
}

export type LossFacts = {
  near_miss: boolean
  gross_loss_amount: number | null
  currency_code: string | null
  occurred_at: string | null
  discovered_at: string | null
  resolved_at: string | null
  first_accounting_date: string | null
  recovery_count: number
}

/** Value rules of incidents §6.7, checked on the record as it would be after the change. */
export function lossAndDateIssues(r: LossFacts, now: string): Issue[] {
  const issues: Issue[] = []
  const today = now.slice(0, 10)
  for (const f of ['occurred_at', 'discovered_at', 'resolved_at'] as const) {
    const v = r[f]
    if (v !== null && v > now) issues.push({ path: [f], message: `${FIELD_LABELS[f]} cannot be in the future.` })
  }
  if (r.occurred_at && r.discovered_at && r.discovered_at < r.occurred_at)
    issues.push({ path: ['discovered_at'], message: 'The discovery time cannot be before the occurrence time.' })
  if (r.resolved_at && r.discovered_at && r.resolved_at < r.discovered_at)
    issues.push({ path: ['resolved_at'], message: 'The resolution time cannot be before the discovery time.' })
  else if (r.resolved_at && r.occurred_at && r.resolved_at < r.occurred_at)
    issues.push({ path: ['resolved_at'], message: 'The resolution time cannot be before the occurrence time.' })
  if (r.first_accounting_date) {
    if (r.first_accounting_date > today)
      issues.push({ path: ['first_accounting_date'], message: 'The first accounting date cannot be in the future.' })
    else if (r.occurred_at && r.first_accounting_date < r.occurred_at.slice(0, 10))
      issues.push({
        path: ['first_accounting_date'],
        message: 'The first accounting date cannot be before the occurrence date.',
      })
  }
  if (r.near_miss) {
    if (r.gross_loss_amount !== null && r.gross_loss_amount !== 0)
      issues.push({ path: ['gross_loss_amount'], message: 'A near miss has no loss amount.' })
    if (r.recovery_count > 0) issues.push({ path: ['recoveries'], message: 'A near miss has no recoveries.' })
    if (r.first_accounting_date !== null)
      issues.push({ path: ['first_accounting_date'], message: 'A near miss has no accounting date.' })
  }
  if (r.gross_loss_amount !== null && !r.currency_code)
    issues.push({ path: ['currency_code'], message: 'Choose the currency of the amount.' })
  return issues
}

export function currentDueAt(
  status: string,
  due: { draft_due_at: string | null; review_due_at: string | null; validation_due_at: string | null },
): string | null {
  if (status === 'DRAFT') return due.draft_due_at
  if (status === 'PENDING_REVIEW') return due.review_due_at
  if (status === 'PENDING_VALIDATION') return due.validation_due_at
  return null
}

export type OverdueStage = 'DRAFT' | 'REVIEW' | 'VALIDATION'
export function overdueStage(status: string, currentDue: string | null, now: string): OverdueStage | null {
  if (!currentDue || currentDue >= now) return null
  if (status === 'DRAFT') return 'DRAFT'
  if (status === 'PENDING_REVIEW') return 'REVIEW'
  if (status === 'PENDING_VALIDATION') return 'VALIDATION'
  return null
}
