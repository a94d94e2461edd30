import type { InputOf, OutputOf } from '#shared/catalogue/types'

// Shapes the screens use, named once from the catalogue's outputs (type-only: no handler code in the bundle).
export type SessionStatus = OutputOf<'session.status'>
export type Profile = NonNullable<SessionStatus['user']>
export type HomeScreen = NonNullable<SessionStatus['home']>
export type IncidentListInput = InputOf<'incident.list'>
export type IncidentRow = OutputOf<'incident.list'>['items'][number]
export type IncidentDetail = OutputOf<'incident.get'>
export type AuditEntry = OutputOf<'audit.list'>['items'][number]
export type AuditListInput = InputOf<'audit.list'>
export type VerifyResult = OutputOf<'audit.verify'>
export type InboxItem = OutputOf<'notification.inbox'>['items'][number]
export type IncidentForm = OutputOf<'reference.incidentForm'>
export type UserRow = OutputOf<'user.list'>['items'][number]
export type BusinessUnitRow = OutputOf<'businessUnit.list'>['items'][number]
export type Page<T, C> = { items: T[]; next_cursor: C | null }
