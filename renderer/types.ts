import type { InputOf, OutputOf } from '#shared/catalogue/types'

// Shapes the screens use, named once from the catalogue's outputs (type-only: no handler code in the bundle).
export type SessionStatus = OutputOf<'session.status'>
export type Profile = NonNullable<SessionStatus['user']>
export type HomeScreen = NonNullable<SessionStatus['home']>
export type IncidentListInput = InputOf<'incident.list'>
export type IncidentRow = OutputOf<'incident.list'>['items'][number]
export type IncidentDetail = OutputOf<'incident.get'>
// shared/audit/audit.queries.ts `toOutput` spreads the row typed as `Record<string, unknown>`, so the output type
// keeps only `seq` and `changes`; every audit_entry column is still in the value (selectAll). Until that type is
// fixed in shared/, the renderer names the columns it reads here, and only here.
type AuditColumns = {
  id: string
  at: string
  actor_id: string | null
  actor_label: string
  action: string
  entity_type: string
  entity_id: string
  entity_ref: string | null
  reason: string | null
  correlation_id: string
}
export type AuditEntry = OutputOf<'audit.list'>['items'][number] & AuditColumns
export type AuditPage = { items: AuditEntry[]; next_cursor: number | null }
export type AuditListInput = InputOf<'audit.list'>
export type VerifyResult = OutputOf<'audit.verify'>
export type InboxItem = OutputOf<'notification.list'>['items'][number]
export type IncidentForm = OutputOf<'reference.incidentForm'>
export type UserRow = OutputOf<'user.list'>['items'][number]
export type BusinessUnitRow = OutputOf<'businessUnit.list'>['items'][number]
export type Page<T, C> = { items: T[]; next_cursor: C | null }
