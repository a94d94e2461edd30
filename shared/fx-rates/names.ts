/** This module's catalogue names as plain data (for the preload's allow-list); kept equal by names.test.ts. */
export const FX_RATE_NAMES: readonly string[] = ['fxRate.create', 'fxRate.update', 'fxRate.delete', 'fxRate.list']
