/** This module's catalogue names as plain data (for the preload's allow-list); kept equal by names.test.ts. */
export const DEMO_NAMES: readonly string[] = ['demo.generateIncidents']
