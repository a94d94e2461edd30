import { generateDemoIncidents } from './demo.commands'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const demoEntries = [generateDemoIncidents] as const
