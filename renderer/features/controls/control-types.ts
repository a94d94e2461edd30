// The answers of the controls catalogue entries as the screens use them (controls.md §11, §12).
import type { InputOf, OutputOf } from '#shared/catalogue/types'

export type ControlListInput = InputOf<'control.list'>
export type ControlRow = OutputOf<'control.list'>['items'][number]
export type ControlData = OutputOf<'control.get'>
export type LinkedRisk = ControlData['linked_risks'][number]
export type FrameworkRef = ControlData['framework_refs'][number]
export type EvidenceItem = OutputOf<'evidence.list'>['items'][number]
export type RevisionItem = OutputOf<'evidence.history'>['items'][number]
export type AsOfAnswer = OutputOf<'evidence.asOf'>
export type TestItem = OutputOf<'control.tests'>['items'][number]
export type TemplateItem = OutputOf<'controlTemplate.list'>['items'][number]
export type Framework = OutputOf<'framework.list'>['items'][number]
export type MatrixAnswer = OutputOf<'control.riskControlMatrix'>
export type MatrixInput = InputOf<'control.riskControlMatrix'>
export type CoverageAnswer = OutputOf<'control.coverage'>
export type CoverageInput = InputOf<'control.coverage'>
export type FormOptions = OutputOf<'risk.formOptions'>
export type Person = { id: string; full_name: string; email: string }
