import { ROLE_NAMES, type Role } from '#shared/core/primitives'

export const roleNames = (roles: readonly string[]) =>
  roles.map((r) => (r in ROLE_NAMES ? ROLE_NAMES[r as Role] : r)).join(', ')

/** An audit before/after value as stored (money in minor units, timestamps in UTC): shown, never reinterpreted. */
export function auditValue(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value === '' ? '(empty)' : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

// audit-security §2.8 "action in words (with the command name)"; unknown actions show the name alone.
const ACTION_WORDS: Record<string, string> = {
  'auth.signIn': 'Signed in',
  'auth.signInFailed': 'Sign-in failed',
  'auth.signOut': 'Signed out',
  'user.createFirstAdmin': 'Administrator created',
  'incident.create': 'Incident reported',
  'incident.update': 'Incident edited',
  'incident.submit': 'Submitted for review',
  'incident.review': 'Approved and sent to Risk',
  'incident.validate': 'Validated',
  'incident.close': 'Closed',
  'incident.returnToDraft': 'Returned to draft',
  'incident.returnToReview': 'Returned to manager',
  'incident.delete': 'Incident deleted',
  'incident.addRecovery': 'Recovery added',
  'incident.updateRecovery': 'Recovery corrected',
  'incident.removeRecovery': 'Recovery removed',
  'audit.verify': 'Audit trail verified',
  'notification.markRead': 'Notification read',
  'notification.markUnread': 'Notification marked unread',
  'notification.markAllRead': 'All notifications read',
}

export const actionWords = (action: string) => ACTION_WORDS[action] ?? null
