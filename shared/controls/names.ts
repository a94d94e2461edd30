/** The names of this module's catalogue entries, as plain data for the preload's allow-list. */
export const CONTROL_NAMES: readonly string[] = []
