import { setEditableFields, getMeasureConfig } from './measure.config'
import { createMeasure } from './measure.create'
import { deleteMeasure } from './measure.delete'
import { linkIncident, unlinkIncident } from './measure.links'
import { listMeasures } from './measure.list'
import { linkRisk, unlinkRisk } from './measure.risk-links'
import { addMeasureComment } from './measure.notes'
import { responsibleOptions } from './measure.options'
import { getMeasure } from './measure.queries'
import { sweepOverdueMeasures } from './measure.sweep'
import { MEASURE_TRANSITIONS } from './measure.transitions'
import { updateMeasure } from './measure.update'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const measureEntries = [
  createMeasure,
  updateMeasure,
  ...MEASURE_TRANSITIONS,
  addMeasureComment,
  deleteMeasure,
  linkIncident,
  unlinkIncident,
  linkRisk,
  unlinkRisk,
  setEditableFields,
  sweepOverdueMeasures,
  getMeasure,
  listMeasures,
  getMeasureConfig,
  responsibleOptions,
] as const
