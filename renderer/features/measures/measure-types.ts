import type { InputOf, OutputOf } from '#shared/catalogue/types'

// The shapes the measure screens use, named once from the catalogue's outputs (type-only: no handler code).
export type MeasureDetail = OutputOf<'measure.get'>
export type MeasureAction = MeasureDetail['available_actions'][number]
export type MeasureListInput = InputOf<'measure.list'>
export type MeasureRow = OutputOf<'measure.list'>['items'][number]
export type MeasureConfig = OutputOf<'measureConfig.get'>
export type Person = OutputOf<'measure.responsibleOptions'>['items'][number]
