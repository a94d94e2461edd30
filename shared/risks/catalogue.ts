import { listRiskCategories, createRiskCategory, updateRiskCategory } from './risk.categories'
import { getRiskConfig, RISK_CONFIG } from './risk.config'
import { RISK_CONTROL_LINKS } from './risk.control-links'
import { createRisk } from './risk.create'
import { deleteRisk } from './risk.delete'
import { riskFormOptions } from './risk.form-options'
import { sweepReviewDue } from './risk.sweep'
import { RISK_TRANSITIONS } from './risk.transitions'
import { updateRisk } from './risk.update'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const riskEntries = [
  createRisk,
  updateRisk,
  ...RISK_TRANSITIONS,
  deleteRisk,
  ...RISK_CONTROL_LINKS,
  ...RISK_CONFIG,
  createRiskCategory,
  updateRiskCategory,
  sweepReviewDue,
  getRiskConfig,
  listRiskCategories,
  riskFormOptions,
] as const
