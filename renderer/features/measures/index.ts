// What other features use from Measures: the create dialog (incident detail "Create measure") and the detail path.
export { CreateMeasureDialog, type CreatedMeasure } from './CreateMeasureDialog'
export { measurePath } from './paths'
