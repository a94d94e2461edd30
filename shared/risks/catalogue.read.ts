/** This module's catalogue entries, in the order the catalogue lists them. */
export const riskReadEntries = [] as const
