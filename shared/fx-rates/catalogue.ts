import { createFxRate, deleteFxRate, updateFxRate } from './fx-rate.commands'
import { listFxRates } from './fx-rate.queries'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const fxRateEntries = [createFxRate, updateFxRate, deleteFxRate, listFxRates] as const
