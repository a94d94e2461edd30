import { createControl } from './control.create'
import {
  addFrameworkRef,
  createFramework,
  listFrameworks,
  removeFrameworkRef,
  updateFramework,
} from './control.frameworks'
import { deactivateControl, deleteControl, reactivateControl } from './control.lifecycle'
import { controlOptions, listControls } from './control.list'
import { testerOptions } from './control.tester-options'
import { controlCoverage, riskControlMatrix } from './control.matrix'
import { getControl, listControlTests } from './control.queries'
import { createControlFromTemplate, listControlTemplates } from './control.templates'
import { recordControlTest, voidControlTest } from './control.tests'
import { updateControl } from './control.update'
import { evidenceFileInfo, evidenceUploadPolicy, openEvidenceFile, pickEvidenceFile } from './evidence.files'
import { addEvidenceRevision, archiveEvidence, createEvidence, reviewEvidenceRevision } from './evidence.commands'
import { evidenceAsOf, evidenceHistory, listEvidence, sweepEvidenceExpiry, verifyEvidence } from './evidence.queries'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const controlEntries = [
  createControl,
  updateControl,
  deactivateControl,
  reactivateControl,
  deleteControl,
  createControlFromTemplate,
  addFrameworkRef,
  removeFrameworkRef,
  createFramework,
  updateFramework,
  listControls,
  controlOptions,
  testerOptions,
  getControl,
  listControlTests,
  listControlTemplates,
  listFrameworks,
  createEvidence,
  addEvidenceRevision,
  reviewEvidenceRevision,
  archiveEvidence,
  listEvidence,
  evidenceHistory,
  evidenceAsOf,
  verifyEvidence,
  evidenceFileInfo,
  evidenceUploadPolicy,
  pickEvidenceFile,
  openEvidenceFile,
  sweepEvidenceExpiry,
  recordControlTest,
  voidControlTest,
  riskControlMatrix,
  controlCoverage,
] as const
