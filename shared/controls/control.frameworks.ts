import { z } from 'zod'
import { defineCommand, defineQuery } from '../catalogue/define'
import { assertFreshBase, changedKeys, changesSchema } from '../catalogue/update-shape'
import type { CommandCtx } from '../catalogue/context'
import { fail, type Issue } from '../core/errors'
import { Id } from '../core/primitives'
import { hasRole } from '../users/actor'
import { optText, reqText } from './control.schema'
import { loadControl, requireControlOfficer, rowChanges } from './control.store'

// Framework references (controls.md §3.2) and the admin-editable framework list (§2.2).

const ClauseCode = reqText('Clause code', 50)
const ClauseTitle = optText('Clause title', 255)

/** Whether a clause pattern compiles; patterns are written for JavaScript regular expressions. */
export function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern)
    return true
  } catch {
    return false
  }
}

export function clauseMatches(pattern: string | null, clause: string): boolean {
  return pattern === null || new RegExp(pattern).test(clause)
}

type Ctx = Pick<CommandCtx, 'db' | 'meta' | 'actor' | 'now' | 'newId' | 'audit'>

/**
 * Adds one reference row after the duplicate and pattern rules (shared with createFromTemplate, which calls it
 * with `check: false` because the installed templates are known to match).
 */
export async function insertFrameworkRef(
  ctx: Ctx,
  control: { id: string; ref: string },
  ref: { framework_id: string; clause_code: string; clause_title: string | null },
) {
  const row = {
    id: ctx.newId(),
    tenant_id: ctx.meta.tenantId,
    control_id: control.id,
    framework_id: ref.framework_id,
    clause_code: ref.clause_code,
    clause_title: ref.clause_title,
    created_by: ctx.actor.id,
    created_at: ctx.now,
  }
  await ctx.db.insertInto('control_framework_ref').values(row).execute()
  ctx.audit.record({
    entityType: 'control_framework_ref',
    entityId: row.id,
    entityRef: control.ref,
    changes: rowChanges(row),
  })
  return row
}

/**
 * controls.md §3.2 `control.addFrameworkRef`: visibility → gate as control.update → duplicate (WORKFLOW) →
 * framework active and clause pattern (VALIDATION). Clauses are stored trimmed, compared case-insensitively.
 */
export const addFrameworkRef = defineCommand({
  name: 'control.addFrameworkRef',
  summary: 'Reference a framework clause from a control.',
  input: z.strictObject({
    control_id: Id,
    framework_id: z.string().min(1).max(64),
    clause_code: ClauseCode,
    clause_title: ClauseTitle.optional(),
  }),
  sync: 'push',
  concurrency: 'none',
  touches: ['control_framework_ref'],
  async handler(ctx, input) {
    const control = await loadControl(ctx, input.control_id)
    requireControlOfficer(ctx.actor, control)
    const framework = await ctx.db
      .selectFrom('framework')
      .selectAll()
      .where('id', '=', input.framework_id)
      .executeTakeFirst()
    if (framework) {
      const dup = await ctx.db
        .selectFrom('control_framework_ref')
        .select('id')
        .where('control_id', '=', control.id)
        .where('framework_id', '=', framework.id)
        .where((eb) => eb(eb.fn('lower', ['clause_code']), '=', input.clause_code.toLowerCase()))
        .executeTakeFirst()
      if (dup) fail.workflow('This framework reference already exists on the control.')
    }
    if (!framework) fail.field('framework_id', 'Framework not found.')
    if (framework.is_active !== 1) fail.field('framework_id', 'Framework is inactive.')
    if (!clauseMatches(framework.clause_pattern, input.clause_code))
      fail.field(
        'clause_code',
        `Clause code does not match the format for ${framework.name} (e.g. ${framework.clause_example ?? ''}).`,
      )
    const row = await insertFrameworkRef(ctx, control, {
      framework_id: framework.id,
      clause_code: input.clause_code,
      clause_title: input.clause_title ?? null,
    })
    return { id: row.id, control_id: control.id }
  },
})

export const removeFrameworkRef = defineCommand({
  name: 'control.removeFrameworkRef',
  summary: 'Remove a framework reference from a control.',
  input: z.strictObject({ control_id: Id, ref_id: Id }),
  sync: 'push',
  concurrency: 'none',
  touches: ['control_framework_ref'],
  async handler(ctx, input) {
    const control = await loadControl(ctx, input.control_id)
    const row = await ctx.db
      .selectFrom('control_framework_ref')
      .selectAll()
      .where('id', '=', input.ref_id)
      .where('control_id', '=', control.id)
      .executeTakeFirst()
    if (!row) fail.notFound('Framework reference')
    requireControlOfficer(ctx.actor, control)
    await ctx.db.deleteFrom('control_framework_ref').where('id', '=', row.id).execute()
    ctx.audit.record({
      entityType: 'control_framework_ref',
      entityId: row.id,
      entityRef: control.ref,
      changes: rowChanges(row, true),
    })
    return { id: row.id, control_id: control.id, removed: true }
  },
})

// ---- frameworks (admin) ----

const FrameworkCode = z
  .string({ error: 'This field is required.' })
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,29}$/, 'Code must be 2–30 capital letters, digits or underscores, starting with a letter.')
const FrameworkName = reqText('Name', 255)
const Pattern = optText('Clause pattern', 500)
const Example = optText('Clause example', 50)

/** §3.2 pattern rules over the values the framework would have: compiles, and the example matches. */
function patternIssues(pattern: string | null, example: string | null, path: (f: string) => string[]): Issue[] {
  if (pattern === null) return []
  if (!compiles(pattern))
    return [{ path: path('clause_pattern'), message: 'Clause pattern is not a valid regular expression.' }]
  if (example !== null && !new RegExp(pattern).test(example))
    return [{ path: path('clause_example'), message: 'The example does not match the pattern.' }]
  return []
}

function requireAdmin(ctx: Pick<CommandCtx, 'actor'>) {
  if (!hasRole(ctx.actor, 'admin')) fail.forbidden('Only administrators can change frameworks.')
}

async function codeTaken(ctx: Ctx, code: string, selfId?: string) {
  let q = ctx.db.selectFrom('framework').select('id').where('code', '=', code)
  if (selfId) q = q.where('id', '!=', selfId)
  return (await q.executeTakeFirst()) !== undefined
}

export const createFramework = defineCommand({
  name: 'framework.create',
  summary: 'Add a framework that controls can reference (administrators).',
  input: z.strictObject({
    id: Id.optional(),
    code: FrameworkCode,
    name: FrameworkName,
    clause_pattern: Pattern.optional(),
    clause_example: Example.optional(),
    is_active: z.boolean().optional(),
  }),
  sync: 'push',
  concurrency: 'none',
  touches: ['framework'],
  creates: { prefix: null },
  async handler(ctx, input) {
    requireAdmin(ctx)
    const issues: Issue[] = []
    if (await codeTaken(ctx, input.code)) issues.push({ path: ['code'], message: 'Framework code already in use.' })
    issues.push(...patternIssues(input.clause_pattern ?? null, input.clause_example ?? null, (f) => [f]))
    if (issues.length > 0) fail.validation(issues)
    const row = {
      id: ctx.minted.id,
      code: input.code,
      name: input.name,
      clause_pattern: input.clause_pattern ?? null,
      clause_example: input.clause_example ?? null,
      is_active: input.is_active === false ? 0 : 1,
      updated_at: ctx.now,
    }
    await ctx.db.insertInto('framework').values(row).execute()
    ctx.audit.record({ entityType: 'framework', entityId: row.id, changes: rowChanges(row) })
    return { id: row.id, code: row.code }
  },
})

const FRAMEWORK_FIELDS = ['code', 'name', 'clause_pattern', 'clause_example', 'is_active'] as const
type FrameworkField = (typeof FRAMEWORK_FIELDS)[number]

/** `framework.update`, a `fields` command; deactivating keeps the references and blocks new ones. */
export const updateFramework = defineCommand({
  name: 'framework.update',
  summary: 'Change a framework’s code, name, pattern, example or active flag (administrators).',
  input: z.strictObject({
    id: z.string().min(1).max(64),
    changes: changesSchema(FRAMEWORK_FIELDS, {
      code: FrameworkCode,
      name: FrameworkName,
      clause_pattern: Pattern,
      clause_example: Example,
      is_active: z.boolean(),
    }),
  }),
  sync: 'push',
  concurrency: 'fields',
  touches: ['framework'],
  async handler(ctx, input) {
    const fw = await ctx.db.selectFrom('framework').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!fw) fail.notFound('Framework')
    requireAdmin(ctx)
    const stored: Record<FrameworkField, unknown> = {
      code: fw.code,
      name: fw.name,
      clause_pattern: fw.clause_pattern,
      clause_example: fw.clause_example,
      is_active: fw.is_active === 1,
    }
    const keys = changedKeys(FRAMEWORK_FIELDS, input.changes, stored)
    assertFreshBase(
      { entity: 'Framework', id: fw.id, message: 'This framework was changed by someone else. Reload and try again.' },
      keys,
      input.changes,
      stored,
    )
    const next = { ...stored }
    for (const k of keys) next[k] = input.changes[k]!.after
    const issues: Issue[] = []
    if (keys.includes('code') && (await codeTaken(ctx, next.code as string, fw.id)))
      issues.push({ path: ['changes', 'code', 'after'], message: 'Framework code already in use.' })
    if (keys.includes('clause_pattern') || keys.includes('clause_example'))
      issues.push(
        ...patternIssues(next.clause_pattern as string | null, next.clause_example as string | null, (f) => [
          'changes',
          f,
          'after',
        ]),
      )
    if (issues.length > 0) fail.validation(issues)
    const columns: Record<string, unknown> = {}
    for (const k of keys) columns[k] = k === 'is_active' ? (next[k] ? 1 : 0) : next[k]
    if (keys.length > 0)
      await ctx.db
        .updateTable('framework')
        .set({ ...columns, updated_at: ctx.now })
        .where('id', '=', fw.id)
        .execute()
    ctx.audit.record({
      entityType: 'framework',
      entityId: fw.id,
      changes: keys.map((f) => ({ field: f, before: stored[f] ?? null, after: next[f] ?? null })),
    })
    return { id: fw.id, changed: keys }
  },
})

export const listFrameworks = defineQuery({
  name: 'framework.list',
  summary: 'Frameworks controls can reference, by name.',
  input: z.strictObject({ is_active: z.boolean().optional() }),
  async handler(ctx, input) {
    let q = ctx.db.selectFrom('framework').selectAll()
    if (input.is_active !== undefined) q = q.where('is_active', '=', input.is_active ? 1 : 0)
    const rows = await q.orderBy('name').orderBy('id').execute()
    return {
      items: rows.map((f) => ({
        id: f.id,
        code: f.code,
        name: f.name,
        clause_pattern: f.clause_pattern,
        clause_example: f.clause_example,
        is_active: f.is_active === 1,
        updated_at: f.updated_at,
      })),
    }
  },
})
