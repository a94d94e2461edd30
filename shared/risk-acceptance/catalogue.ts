import { ACCEPTANCE_COMMANDS } from './acceptance.commands'
import { listAcceptances } from './acceptance.list'
import { approverOptions } from './acceptance.approvers'
import { sweepAcceptanceExpiry } from './acceptance.sweep'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const riskAcceptanceEntries = [
  ...ACCEPTANCE_COMMANDS,
  sweepAcceptanceExpiry,
  listAcceptances,
  approverOptions,
] as const
