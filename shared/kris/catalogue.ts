/** This module's catalogue entries, in the order the catalogue lists them. */
export const kriEntries = [] as const
