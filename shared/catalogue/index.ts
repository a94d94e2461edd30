import { catalogueOf } from './define'
import { sessionStatus, signIn, signOut } from '../auth/auth.commands'
import { createFirstAdmin } from '../users/user.commands'
import { listUsers } from '../users/user.queries'
import { updateUser } from '../users/user.update'
import { createIncident } from '../incidents/incident.commands'
import { listIncidents } from '../incidents/incident.queries'
import { getIncident } from '../incidents/incident.detail'
import { TRANSITION_ENTRIES } from '../incidents/incident.transitions'
import { auditForEntity, listAudit, verifyAudit } from '../audit/audit.queries'
import { incidentFormOptions, listBusinessUnits } from '../reference/reference.queries'
import { listInbox, markAllRead, markRead, markUnread, unreadCountQuery } from '../notifications/inbox'
import { updateIncident } from '../incidents/incident.update'
import { addRecovery, removeRecovery, updateRecovery } from '../incidents/incident.recoveries'
import { deleteIncident } from '../incidents/incident.delete'
import { lossPeriod } from '../incidents/incident.loss-period'
import { sweepOverdueIncidents } from '../incidents/incident.sweep'
import { housekeeping } from '../jobs/housekeeping'
import { measureEntries } from '../measures/catalogue'
import { fxRateEntries } from '../fx-rates/catalogue'
import { demoEntries } from '../demo/catalogue'
import { incidentConfigEntries } from '../incident-config/catalogue'
import { incidentMetricsEntries } from '../incident-metrics/catalogue'
import { riskEntries } from '../risks/catalogue'
import { riskReadEntries } from '../risks/catalogue.read'
import { riskMatrixEntries } from '../risk-matrix/catalogue'
import { riskAcceptanceEntries } from '../risk-acceptance/catalogue'
import { controlEntries } from '../controls/catalogue'
import { kriEntries } from '../kris/catalogue'
import { getRcsaSettings, setRcsaSettings } from '../settings/settings.commands'

/** The one catalogue: every command and query, run by IPC, the harness and the server. */
export const catalogue = catalogueOf([
  sessionStatus,
  signIn,
  signOut,
  createFirstAdmin,
  listUsers,
  updateUser,
  listBusinessUnits,
  incidentFormOptions,
  createIncident,
  ...TRANSITION_ENTRIES,
  updateIncident,
  addRecovery,
  updateRecovery,
  removeRecovery,
  deleteIncident,
  lossPeriod,
  sweepOverdueIncidents,
  listIncidents,
  getIncident,
  listAudit,
  auditForEntity,
  verifyAudit,
  listInbox,
  unreadCountQuery,
  markRead,
  markUnread,
  markAllRead,
  housekeeping,
  ...incidentConfigEntries,
  ...incidentMetricsEntries,
  ...measureEntries,
  ...fxRateEntries,
  ...demoEntries,
  ...riskEntries,
  ...riskReadEntries,
  ...riskMatrixEntries,
  ...riskAcceptanceEntries,
  ...controlEntries,
  ...kriEntries,
  getRcsaSettings,
  setRcsaSettings,
] as const)

export type Catalogue = typeof catalogue
export type CommandName = keyof Catalogue
