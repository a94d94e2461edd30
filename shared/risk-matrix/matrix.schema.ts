import { z } from 'zod'
import { changesSchema } from '../catalogue/update-shape'
import { Id, text, Version } from '../core/primitives'
import { bandIssues, levelIssues } from './matrix.rules'

// zod only: the renderer's draft editor reuses these; the handler is still the judge.

const Level = z.strictObject({
  level: z.number().int(),
  label: z.string().max(200),
  description: z.string().max(2000).default(''),
})
const Band = z.strictObject({
  code: z.string().max(40),
  label: z.string().max(200),
  min_score: z.number().int(),
  max_score: z.number().int(),
  colour: z.string().max(20),
  text_colour: z.string().max(20),
})

/** One axis: the §3.2 level rules with their exact messages. */
export const MatrixLevels = z
  .array(Level)
  .max(20)
  .check((ctx) => {
    for (const message of levelIssues(ctx.value)) ctx.issues.push({ code: 'custom', message, input: ctx.value })
  })
/** The bands: the §3.2 band rules with their exact messages. */
export const MatrixBands = z
  .array(Band)
  .max(20)
  .check((ctx) => {
    for (const message of bandIssues(ctx.value)) ctx.issues.push({ code: 'custom', message, input: ctx.value })
  })
export const MatrixName = text('Name', 1, 100)

export const MATRIX_FIELDS = ['name', 'likelihood_levels', 'impact_levels', 'bands'] as const
export type MatrixField = (typeof MATRIX_FIELDS)[number]

export const CreateDraftInput = z.strictObject({ id: Id, based_on_version_id: z.string().min(1).max(64).optional() })
export const UpdateDraftInput = z.strictObject({
  id: z.string().min(1).max(64),
  changes: changesSchema(MATRIX_FIELDS, {
    name: MatrixName,
    likelihood_levels: MatrixLevels,
    impact_levels: MatrixLevels,
    bands: MatrixBands,
  }),
})
export const VersionedMatrixInput = z.strictObject({ id: z.string().min(1).max(64), expected_version: Version })
export const MatrixIdInput = z.strictObject({ id: z.string().min(1).max(64) })
