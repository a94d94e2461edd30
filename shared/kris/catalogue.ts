import { kriDashboard } from './kri.dashboard'
import { createKri } from './kri.create'
import { getKri, listKrisForRisk, listValues, thresholdHistory, valueHistory } from './kri.get'
import { deactivateKri, deleteKri, reactivateKri } from './kri.lifecycle'
import { linkRisk, unlinkRisk } from './kri.links'
import { listKris, listOverdueKris } from './kri.list'
import { listBreaches } from './kri.breaches'
import { sweepOverdueKris } from './kri.sweep'
import { setThresholds } from './kri.thresholds'
import { kriTrend } from './kri.trend'
import { updateKri } from './kri.update'
import { correctValue, recordValue } from './kri.values'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const kriEntries = [
  createKri,
  updateKri,
  setThresholds,
  deactivateKri,
  reactivateKri,
  deleteKri,
  linkRisk,
  unlinkRisk,
  recordValue,
  correctValue,
  sweepOverdueKris,
  listKris,
  getKri,
  listValues,
  valueHistory,
  thresholdHistory,
  kriTrend,
  listBreaches,
  kriDashboard,
  listOverdueKris,
  listKrisForRisk,
] as const
