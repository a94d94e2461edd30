import { FX_RATE_NAMES } from '../fx-rates/names'
import { DEMO_NAMES } from '../demo/names'
import { INCIDENT_CONFIG_NAMES } from '../incident-config/names'
import { INCIDENT_METRICS_NAMES } from '../incident-metrics/names'
import { MEASURE_NAMES } from '../measures/names'
import { RISK_NAMES } from '../risks/names'
import { RISK_READ_NAMES } from '../risks/names.read'
import { RISK_MATRIX_NAMES } from '../risk-matrix/names'
import { RISK_ACCEPTANCE_NAMES } from '../risk-acceptance/names'
import { CONTROL_NAMES } from '../controls/names'
import { KRI_NAMES } from '../kris/names'

// The catalogue's names as plain data, for the preload's allow-list (no zod, no handlers in that bundle).
// A unit test keeps it equal to Object.keys(catalogue).
export const COMMAND_NAMES: readonly string[] = [
  'session.status',
  'auth.signIn',
  'auth.signOut',
  'user.createFirstAdmin',
  'user.list',
  'user.update',
  'businessUnit.list',
  'reference.incidentForm',
  'incident.create',
  'incident.submit',
  'incident.review',
  'incident.validate',
  'incident.close',
  'incident.returnToDraft',
  'incident.returnToReview',
  'incident.update',
  'incident.addRecovery',
  'incident.updateRecovery',
  'incident.removeRecovery',
  'incident.delete',
  'incident.lossPeriod',
  'incident.sweepOverdue',
  'incident.list',
  'incident.get',
  'audit.list',
  'audit.forEntity',
  'audit.verify',
  'notification.inbox',
  'notification.unreadCount',
  'notification.markRead',
  'notification.markUnread',
  'notification.markAllRead',
  'housekeeping.prune',
  ...INCIDENT_CONFIG_NAMES,
  ...INCIDENT_METRICS_NAMES,
  ...MEASURE_NAMES,
  ...FX_RATE_NAMES,
  ...DEMO_NAMES,
  ...RISK_NAMES,
  ...RISK_READ_NAMES,
  ...RISK_MATRIX_NAMES,
  ...RISK_ACCEPTANCE_NAMES,
  ...CONTROL_NAMES,
  ...KRI_NAMES,
  'rcsaSettings.get',
  'rcsaSettings.set',
]
