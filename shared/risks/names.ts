/** The names of this module's catalogue entries, as plain data for the preload's allow-list. */
export const RISK_NAMES: readonly string[] = []
