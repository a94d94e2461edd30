import canonicalize from 'canonicalize'
import type { Selectable } from 'kysely'
import type { AuditChange, CommandCtx } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import type { Db } from '../db/schema'
import type { RiskMatrixVersionTable } from '../db/schema.rcsa'
import { hasRole } from '../users/actor'
import { matrixOf, type Matrix } from './matrix.bands'
import { matrixIssues, MATRIX_MESSAGES, normaliseBands, normaliseLevels } from './matrix.rules'
import {
  CreateDraftInput,
  MATRIX_FIELDS,
  UpdateDraftInput,
  VersionedMatrixInput,
  type MatrixField,
} from './matrix.schema'

export type MatrixRow = Selectable<RiskMatrixVersionTable>

/** A matrix version as every query and command answers it; `row_version` is the base of version commands. */
export function matrixView(r: MatrixRow) {
  return {
    ...matrixOf(r),
    created_by: r.created_by,
    created_at: r.created_at,
    published_by: r.published_by,
    published_at: r.published_at,
    row_version: Number(r.row_version),
  }
}

type Ctx = Pick<CommandCtx, 'db' | 'actor'>

/** §1 step 2: any version exists (every signed-in user reads the matrix), else NOT_FOUND. */
export async function loadMatrixRow(ctx: { db: Db }, id: string): Promise<MatrixRow> {
  const row = await ctx.db.selectFrom('risk_matrix_version').selectAll().where('id', '=', id).executeTakeFirst()
  return row ?? fail.notFound('Matrix version')
}

/** §3.2: the matrix is admin configuration; everyone else is refused. */
function adminOnly(ctx: Ctx): void {
  if (!hasRole(ctx.actor, 'admin')) fail.forbidden(MATRIX_MESSAGES.forbidden)
}

function draftOnly(row: MatrixRow): void {
  if (row.status !== 'DRAFT') fail.workflow(MATRIX_MESSAGES.readOnly)
}

function expectRowVersion(row: MatrixRow, expected: number): void {
  if (Number(row.row_version) !== expected)
    fail.conflict({
      message: 'This matrix version changed after you saw it. Review the changes and try again.',
      entity: 'Matrix version',
      id: row.id,
      expectedVersion: expected,
      actualVersion: Number(row.row_version),
    })
}

/** The stored (JSON text) value of a content field, parsed, so before/after compare as data. */
function storedValue(row: MatrixRow, field: MatrixField): unknown {
  return field === 'name' ? row.name : (JSON.parse(row[field]) as unknown)
}
const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : canonicalize(a) === canonicalize(b)

const auditValue = (field: MatrixField, v: string) => (field === 'name' ? v : (JSON.parse(v) as unknown))

/** `riskMatrix.createDraft`: a new DRAFT copying the published version, or the named one. */
export const createMatrixDraft = defineCommand({
  name: 'riskMatrix.createDraft',
  summary: 'Start a draft matrix version from the published one (or a named version).',
  input: CreateDraftInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['risk_matrix_version'],
  creates: { prefix: null },
  async handler(ctx, input) {
    const base = input.based_on_version_id
      ? await loadMatrixRow(ctx, input.based_on_version_id)
      : await ctx.db
          .selectFrom('risk_matrix_version')
          .selectAll()
          .where('status', '=', 'PUBLISHED')
          .executeTakeFirstOrThrow()
    adminOnly(ctx)
    const draft = await ctx.db
      .selectFrom('risk_matrix_version')
      .select('id')
      .where('status', '=', 'DRAFT')
      .executeTakeFirst()
    if (draft) fail.workflow(MATRIX_MESSAGES.draftExists, { details: { draft_id: draft.id } })
    const top = await ctx.db
      .selectFrom('risk_matrix_version')
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst()
    const row = {
      id: ctx.minted.id,
      version: Number(top?.v ?? 0) + 1,
      name: base.name,
      status: 'DRAFT',
      likelihood_levels: base.likelihood_levels,
      impact_levels: base.impact_levels,
      bands: base.bands,
      created_by: ctx.actor.id,
      created_at: ctx.now,
      published_by: null,
      published_at: null,
      row_version: 1,
    }
    await ctx.db.insertInto('risk_matrix_version').values(row).execute()
    ctx.audit.record({
      entityType: 'risk_matrix_version',
      entityId: row.id,
      changes: [
        { field: 'version', before: null, after: row.version },
        { field: 'name', before: null, after: row.name },
        { field: 'status', before: null, after: 'DRAFT' },
        { field: 'based_on_version_id', before: null, after: base.id },
        ...(['likelihood_levels', 'impact_levels', 'bands'] as const).map((f) => ({
          field: f,
          before: null,
          after: JSON.parse(row[f]) as unknown,
        })),
      ],
    })
    return matrixView(row)
  },
})

/** `riskMatrix.updateDraft`: the shared `fields` update shape over name, the two axes and the bands. */
export const updateMatrixDraft = defineCommand({
  name: 'riskMatrix.updateDraft',
  summary: 'Change the labels, guidance, bands or colours of the draft matrix version.',
  input: UpdateDraftInput,
  sync: 'push',
  concurrency: 'fields',
  touches: ['risk_matrix_version'],
  async handler(ctx, input) {
    const row = await loadMatrixRow(ctx, input.id)
    adminOnly(ctx)
    draftOnly(row)
    ctx.touch('risk_matrix_version', row.id, Number(row.row_version))
    const sent = input.changes
    const keys = MATRIX_FIELDS.filter((f) => sent[f] !== undefined)
    const normal = (f: MatrixField, v: unknown): unknown =>
      f === 'name'
        ? v
        : f === 'bands'
          ? normaliseBands(v as Matrix['bands'])
          : normaliseLevels(v as Matrix['likelihood_levels'])
    const changed = keys.filter((f) => !same(normal(f, sent[f]!.after), storedValue(row, f)))
    const stale = changed.filter((f) => !same(sent[f]!.before, storedValue(row, f)))
    if (stale.length > 0)
      fail.conflict({
        message: 'This matrix version was changed by someone else. Reload and try again.',
        entity: 'Matrix version',
        id: row.id,
        fields: stale.map((f) => ({
          field: f,
          before: sent[f]!.before as never,
          mine: sent[f]!.after as never,
          theirs: storedValue(row, f) as never,
        })),
      })
    const after: Partial<Record<MatrixField, string>> = {}
    for (const f of changed) {
      const v = normal(f, sent[f]!.after)
      after[f] = f === 'name' ? (v as string) : JSON.stringify(v)
    }
    const rowVersion = Number(row.row_version) + 1
    await ctx.db
      .updateTable('risk_matrix_version')
      .set({ ...after, row_version: rowVersion })
      .where('id', '=', row.id)
      .execute()
    const changes: AuditChange[] = changed.map((f) => ({
      field: f,
      before: auditValue(f, row[f]),
      after: auditValue(f, after[f]!),
    }))
    ctx.audit.record({ entityType: 'risk_matrix_version', entityId: row.id, changes })
    return matrixView({ ...row, ...after, row_version: rowVersion })
  },
})

/** `riskMatrix.deleteDraft`: a DRAFT only (a `version` command). */
export const deleteMatrixDraft = defineCommand({
  name: 'riskMatrix.deleteDraft',
  summary: 'Discard the draft matrix version.',
  input: VersionedMatrixInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['risk_matrix_version'],
  async handler(ctx, input) {
    const row = await loadMatrixRow(ctx, input.id)
    adminOnly(ctx)
    draftOnly(row)
    ctx.touch('risk_matrix_version', row.id, Number(row.row_version))
    expectRowVersion(row, input.expected_version)
    await ctx.db.deleteFrom('risk_matrix_version').where('id', '=', row.id).execute()
    ctx.audit.record({
      entityType: 'risk_matrix_version',
      entityId: row.id,
      changes: [
        { field: 'version', before: Number(row.version), after: null },
        { field: 'name', before: row.name, after: null },
        { field: 'status', before: row.status, after: null },
      ],
    })
    return { id: row.id, deleted: true }
  },
})

/**
 * `riskMatrix.publish` (a `version` command): the draft becomes PUBLISHED and the previous PUBLISHED version
 * SUPERSEDED in the same transaction, so exactly one version is published at any time. Existing risks keep
 * their pinned version (§3.2 "Pinning").
 */
export const publishMatrix = defineCommand({
  name: 'riskMatrix.publish',
  summary: 'Publish the draft matrix version; new risks pin it from now on.',
  input: VersionedMatrixInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['risk_matrix_version'],
  async handler(ctx, input) {
    const row = await loadMatrixRow(ctx, input.id)
    adminOnly(ctx)
    draftOnly(row)
    ctx.touch('risk_matrix_version', row.id, Number(row.row_version))
    expectRowVersion(row, input.expected_version)
    // The draft was checked at every save; a row written around the commands is checked once more here.
    const issues = matrixIssues(matrixOf(row))
    if (issues.length > 0) fail.validation(issues)
    const previous = await ctx.db
      .selectFrom('risk_matrix_version')
      .selectAll()
      .where('status', '=', 'PUBLISHED')
      .execute()
    for (const p of previous) {
      await ctx.db
        .updateTable('risk_matrix_version')
        .set({ status: 'SUPERSEDED', row_version: Number(p.row_version) + 1 })
        .where('id', '=', p.id)
        .execute()
      ctx.audit.record({
        entityType: 'risk_matrix_version',
        entityId: p.id,
        changes: [{ field: 'status', before: 'PUBLISHED', after: 'SUPERSEDED' }],
      })
    }
    const after = {
      status: 'PUBLISHED',
      published_by: ctx.actor.id,
      published_at: ctx.now,
      row_version: Number(row.row_version) + 1,
    }
    await ctx.db.updateTable('risk_matrix_version').set(after).where('id', '=', row.id).execute()
    ctx.audit.record({
      entityType: 'risk_matrix_version',
      entityId: row.id,
      changes: [
        { field: 'status', before: 'DRAFT', after: 'PUBLISHED' },
        { field: 'published_by', before: null, after: ctx.actor.id },
        { field: 'published_at', before: null, after: ctx.now },
      ],
    })
    return { ...matrixView({ ...row, ...after }), superseded_ids: previous.map((p) => p.id) }
  },
})

export const MATRIX_COMMANDS = [createMatrixDraft, updateMatrixDraft, deleteMatrixDraft, publishMatrix] as const
