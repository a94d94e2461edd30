import { z } from 'zod'
import type { CommandCtx } from '../catalogue/context'
import { defineCommand, defineQuery } from '../catalogue/define'
import { fail } from '../core/errors'
import type { Db } from '../db/schema'
import { getSetting } from '../settings/app-settings'
import { categoriesWithTypes, requireAdmin } from './risk.categories'
import { RISK_EDGES, RISK_FIELDS, RISK_STATUSES } from './risk.constants'

// risks.md §2.6: the admin edits the workflow tables and the numeric settings; every row written is audited.

const CONFIG_ROLES = ['manager', 'risk_officer'] as const
const Status = z.enum(RISK_STATUSES, { error: (i) => `Unknown status '${String(i.input)}'.` })
const ConfigRole = z.enum(CONFIG_ROLES, { error: 'Only the Manager and Risk Officer roles can change risks.' })
const Field = z.string().refine((f) => (RISK_FIELDS as readonly string[]).includes(f), {
  error: (i) => `Unknown or protected field: ${String(i.input)}.`,
})
const Fields = z.array(Field).max(RISK_FIELDS.length * 2)

type Row = Record<string, string>

/**
 * Makes the rows of `table` matching `where` exactly `want` (compared on `key`), deleting and inserting only the
 * difference, each row with its own audit entry.
 */
async function replaceRows(
  ctx: CommandCtx,
  table: 'risk_allowed_transition' | 'risk_editable_field' | 'risk_required_field',
  where: Row,
  key: string,
  want: readonly string[],
) {
  let q = ctx.db.selectFrom(table).selectAll()
  for (const [k, v] of Object.entries(where)) q = q.where(k as never, '=', v as never)
  const have = ((await q.execute()) as Row[]).map((r) => r[key]!)
  const target = [...new Set(want)]
  const removed = have.filter((h) => !target.includes(h)).sort()
  const added = target.filter((w) => !have.includes(w))
  const idOf = (row: Row) => Object.values(row).join(':')
  for (const value of removed) {
    const row = { ...where, [key]: value }
    let d = ctx.db.deleteFrom(table)
    for (const [k, v] of Object.entries(row)) d = d.where(k as never, '=', v as never)
    await d.execute()
    ctx.audit.record({
      entityType: table,
      entityId: idOf(row),
      changes: Object.entries(row).map(([field, v]) => ({ field, before: v, after: null })),
    })
  }
  for (const value of added) {
    const row = { ...where, [key]: value }
    await ctx.db.insertInto(table).values(row).execute()
    ctx.audit.record({
      entityType: table,
      entityId: idOf(row),
      changes: Object.entries(row).map(([field, v]) => ({ field, before: null, after: v })),
    })
  }
  return { added, removed }
}

export const setTransitionRoles = defineCommand({
  name: 'riskConfig.setTransitionRoles',
  summary: 'Replace the roles allowed to run one transition of the risk workflow.',
  input: z.strictObject({ from_status: Status, to_status: Status, roles: z.array(ConfigRole).max(2) }),
  sync: 'push',
  concurrency: 'none',
  touches: ['risk_allowed_transition'],
  async handler(ctx, input) {
    requireAdmin(ctx)
    if (!RISK_EDGES.some(([f, t]) => f === input.from_status && t === input.to_status))
      fail.field('to_status', `Transition from '${input.from_status}' to '${input.to_status}' is not defined.`)
    const where = { from_status: input.from_status, to_status: input.to_status }
    return { ...where, ...(await replaceRows(ctx, 'risk_allowed_transition', where, 'role', input.roles)) }
  },
})

export const setRiskEditableFields = defineCommand({
  name: 'riskConfig.setEditableFields',
  summary: 'Replace the fields one role may edit on risks in one status.',
  input: z.strictObject({
    status: Status.refine((s) => s === 'DRAFT' || s === 'ASSESSED', 'Only DRAFT and ASSESSED risks can be edited.'),
    role: ConfigRole,
    fields: Fields,
  }),
  sync: 'push',
  concurrency: 'none',
  touches: ['risk_editable_field'],
  async handler(ctx, input) {
    requireAdmin(ctx)
    const where = { status: input.status, role: input.role }
    return { ...where, ...(await replaceRows(ctx, 'risk_editable_field', where, 'field', input.fields)) }
  },
})

export const setRiskRequiredFields = defineCommand({
  name: 'riskConfig.setRequiredFields',
  summary: 'Replace the extra fields required to enter a status (checked at submit and approval).',
  input: z.strictObject({
    target_status: Status.refine(
      (s) => s === 'ASSESSED' || s === 'ACTIVE',
      'Required fields apply to ASSESSED and ACTIVE only.',
    ),
    fields: Fields,
  }),
  sync: 'push',
  concurrency: 'none',
  touches: ['risk_required_field'],
  async handler(ctx, input) {
    requireAdmin(ctx)
    const where = { target_status: input.target_status }
    return { ...where, ...(await replaceRows(ctx, 'risk_required_field', where, 'field', input.fields)) }
  },
})

const days = (min: number, max: number) => {
  const message = `Must be a whole number from ${min} to ${max}.`
  return z.int({ error: message }).min(min, message).max(max, message)
}
const SETTING_KEYS = ['risk_review_interval_days', 'risk_acceptance_max_days', 'risk_acceptance_warning_days'] as const

export const setRiskSettings = defineCommand({
  name: 'riskConfig.setSettings',
  summary: 'Change the review interval and the acceptance limits.',
  input: z.strictObject({
    risk_review_interval_days: days(1, 3650).optional(),
    risk_acceptance_max_days: days(1, 3650).optional(),
    risk_acceptance_warning_days: days(0, 365).optional(),
  }),
  sync: 'push',
  concurrency: 'none',
  touches: ['app_setting'],
  async handler(ctx, input) {
    requireAdmin(ctx)
    const changed: string[] = []
    for (const key of SETTING_KEYS) {
      const value = input[key]
      if (value === undefined) continue
      const before = await getSetting(ctx.db, key)
      if (before === value) continue
      await ctx.db
        .updateTable('app_setting')
        .set({ value: JSON.stringify(value), updated_at: ctx.now, updated_by: ctx.actor.id })
        .where('key', '=', key)
        .execute()
      ctx.audit.record({
        entityType: 'app_setting',
        entityId: key,
        changes: [{ field: 'value', before, after: value }],
      })
      changed.push(key)
    }
    return { changed, settings: await settingsOf(ctx) }
  },
})

async function settingsOf(ctx: { db: Db }) {
  const out: Record<string, number> = {}
  for (const key of SETTING_KEYS) out[key] = await getSetting(ctx.db, key)
  return out as Record<(typeof SETTING_KEYS)[number], number>
}

/** Everything the "Risk workflow settings" screen shows (§15): tables, categories, settings, choices. */
export const getRiskConfig = defineQuery({
  name: 'riskConfig.get',
  summary: 'The risk workflow configuration for the admin screen.',
  input: z.strictObject({}),
  async handler(ctx) {
    requireAdmin(ctx)
    const [transitions, editable, required] = await Promise.all([
      ctx.db
        .selectFrom('risk_allowed_transition')
        .select(['from_status', 'to_status', 'role'])
        .orderBy('from_status')
        .orderBy('to_status')
        .orderBy('role')
        .execute(),
      ctx.db
        .selectFrom('risk_editable_field')
        .select(['status', 'role', 'field'])
        .orderBy('status')
        .orderBy('role')
        .orderBy('field')
        .execute(),
      ctx.db
        .selectFrom('risk_required_field')
        .select(['target_status', 'field'])
        .orderBy('target_status')
        .orderBy('field')
        .execute(),
    ])
    return {
      transitions,
      editable_fields: editable,
      required_fields: required,
      categories: await categoriesWithTypes(ctx.db),
      settings: await settingsOf(ctx),
      choices: {
        statuses: RISK_STATUSES,
        edges: RISK_EDGES.map(([from_status, to_status]) => ({ from_status, to_status })),
        roles: CONFIG_ROLES,
        fields: RISK_FIELDS,
      },
    }
  },
})

export const RISK_CONFIG = [setTransitionRoles, setRiskEditableFields, setRiskRequiredFields, setRiskSettings] as const
