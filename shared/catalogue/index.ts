import { catalogueOf } from './define'
import { sessionStatus, signIn, signOut } from '../auth/auth.commands'
import { createFirstAdmin } from '../users/user.commands'
import { listUsers } from '../users/user.queries'
import { createIncident } from '../incidents/incident.commands'
import { getIncident, listIncidents } from '../incidents/incident.queries'
import { submitIncident } from '../incidents/incident.submit'
import { auditForEntity, listAudit, verifyAudit } from '../audit/audit.queries'
import { incidentFormOptions, listBusinessUnits } from '../reference/reference.queries'
import { listInbox, markRead } from '../notifications/inbox'
import { housekeeping } from '../jobs/housekeeping'
import { measureEntries } from '../measures/catalogue'
import { fxRateEntries } from '../fx-rates/catalogue'
import { demoEntries } from '../demo/catalogue'
import { incidentConfigEntries } from '../incident-config/catalogue'
import { incidentMetricsEntries } from '../incident-metrics/catalogue'

/** The one catalogue: every command and query, run by IPC, the harness and the server. */
export const catalogue = catalogueOf([
  sessionStatus,
  signIn,
  signOut,
  createFirstAdmin,
  listUsers,
  listBusinessUnits,
  incidentFormOptions,
  createIncident,
  submitIncident,
  listIncidents,
  getIncident,
  listAudit,
  auditForEntity,
  verifyAudit,
  listInbox,
  markRead,
  housekeeping,
  ...incidentConfigEntries,
  ...incidentMetricsEntries,
  ...measureEntries,
  ...fxRateEntries,
  ...demoEntries,
] as const)

export type Catalogue = typeof catalogue
export type CommandName = keyof Catalogue
