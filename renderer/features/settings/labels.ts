import { FIELD_LABELS, type IncidentField } from '#shared/incidents/incident.constants'

const EXTRA: Record<string, string> = { recoveries: 'Recoveries', net_loss_amount: 'Net loss' }

/** The UI label of a configurable field (incidents §3.1), falling back to its code. */
export const fieldLabel = (field: string): string => FIELD_LABELS[field as IncidentField] ?? EXTRA[field] ?? field
