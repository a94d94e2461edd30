import { z } from 'zod'
import type { CommandCtx } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { fail, type Issue } from '../core/errors'
import { DateOnly, Id, Version } from '../core/primitives'
import { MAX_MONEY } from './incident.schema'
import { assertFreshBase, changedKeys, changesSchema } from '../catalogue/update-shape'
import { moneyText } from './incident.derive'
import { netLoss } from './incident.rules'
import { loadForWrite, type IncidentRow } from './incident.store'
import { editableFields, lockedError, ownershipGate } from './incident.update'

const AMOUNT_MESSAGE = 'A recovery amount must be a whole number of minor units greater than 0.'
const RECOVERY_VALUE = {
  type: z.enum(['insurance', 'direct', 'other'], { error: 'Choose insurance, direct or other.' }),
  amount: z
    .number({ error: AMOUNT_MESSAGE })
    .int({ error: AMOUNT_MESSAGE })
    .min(1, { error: AMOUNT_MESSAGE })
    .max(MAX_MONEY, { error: AMOUNT_MESSAGE }),
  received_on: DateOnly,
  note: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(500, 'The note must be at most 500 characters.'))
    .nullable(),
}
const RECOVERY_FIELDS = ['type', 'amount', 'received_on', 'note'] as const
type RecoveryField = (typeof RECOVERY_FIELDS)[number]

/** incidents §6.5: the gates, ownership and the lock on the pseudo-field `recoveries`. */
async function loadForRecoveries(ctx: CommandCtx, incidentId: string) {
  const { incident, creator } = await loadForWrite(ctx, incidentId)
  ownershipGate(ctx, incident, creator)
  const { fields, role } = await editableFields(ctx, incident)
  if (!fields.has('recoveries')) lockedError(incident.status, role, ['recoveries'])
  return incident
}

async function findRecovery(ctx: CommandCtx, incidentId: string, id: string) {
  const row = await ctx.db
    .selectFrom('incident_recovery')
    .selectAll()
    .where('id', '=', id)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst()
  return row ?? fail.notFound('Recovery')
}

/** Value rules of §6.5 for the recoveries as they would be after the change. */
async function recoveryRules(
  ctx: CommandCtx,
  incident: IncidentRow,
  total: number,
  changed: { amount?: number; received_on?: string } | null,
) {
  const issues: Issue[] = []
  if (incident.near_miss === 1) issues.push({ path: ['recoveries'], message: 'A near miss has no recoveries.' })
  else if (!incident.currency_code)
    issues.push({ path: ['currency_code'], message: 'Set the incident currency before adding recoveries.' })
  else if (incident.gross_loss_amount === null)
    issues.push({ path: ['gross_loss_amount'], message: 'Enter the gross loss before adding recoveries.' })
  else if (total > incident.gross_loss_amount)
    issues.push({
      path: ['amount'],
      message: `Recoveries (${await moneyText(ctx.db, total, incident.currency_code)}) cannot exceed the gross loss (${await moneyText(ctx.db, incident.gross_loss_amount, incident.currency_code)}).`,
    })
  const on = changed?.received_on
  if (on !== undefined) {
    if (on > ctx.now.slice(0, 10))
      issues.push({ path: ['received_on'], message: 'The received date cannot be in the future.' })
    else if (incident.occurred_at && on < incident.occurred_at.slice(0, 10))
      issues.push({ path: ['received_on'], message: 'The received date cannot be before the occurrence date.' })
  }
  if (issues.length > 0) fail.validation(issues)
}

/** Recomputes the totals on the incident, bumps its version and audits the incident side. */
async function applyTotals(ctx: CommandCtx, incident: IncidentRow) {
  const sum = await ctx.db
    .selectFrom('incident_recovery')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('total'))
    .where('incident_id', '=', incident.id)
    .executeTakeFirstOrThrow()
  const recovery_total = Number(sum.total)
  const net_loss_amount = netLoss(incident.gross_loss_amount, recovery_total, incident.net_loss_override)
  const version = incident.version + 1
  await ctx.db
    .updateTable('incident')
    .set({ recovery_total, net_loss_amount, version, updated_at: ctx.now })
    .where('id', '=', incident.id)
    .execute()
  ctx.audit.record({
    entityType: 'incident',
    entityId: incident.id,
    entityRef: incident.ref,
    changes: [
      { field: 'recovery_total', before: incident.recovery_total, after: recovery_total },
      { field: 'net_loss_amount', before: incident.net_loss_amount, after: net_loss_amount },
    ].filter((c) => c.before !== c.after),
  })
  return { incident_id: incident.id, version, recovery_total, net_loss_amount }
}

const currentTotal = (incident: IncidentRow) => incident.recovery_total

export const addRecovery = defineCommand({
  name: 'incident.addRecovery',
  summary: 'Record a recovery received for an incident (insurance, direct or other).',
  input: z.strictObject({
    incident_id: Id,
    id: Id,
    type: RECOVERY_VALUE.type,
    amount: RECOVERY_VALUE.amount,
    received_on: RECOVERY_VALUE.received_on,
    note: RECOVERY_VALUE.note.optional(),
  }),
  sync: 'push',
  concurrency: 'none',
  touches: ['incident', 'incident_recovery'],
  async handler(ctx, input) {
    const incident = await loadForRecoveries(ctx, input.incident_id)
    ctx.touch('incident', incident.id, incident.version)
    await recoveryRules(ctx, incident, currentTotal(incident) + input.amount, input)
    const exists = await ctx.db
      .selectFrom('incident_recovery')
      .select('id')
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (exists) fail.field('id', 'This recovery was already recorded.')
    const row = {
      id: input.id,
      tenant_id: ctx.meta.tenantId,
      incident_id: incident.id,
      type: input.type,
      amount: input.amount,
      received_on: input.received_on,
      note: input.note ?? null,
      created_by_user_id: ctx.actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
      version: 1,
    }
    await ctx.db.insertInto('incident_recovery').values(row).execute()
    ctx.audit.record({
      entityType: 'incident_recovery',
      entityId: row.id,
      entityRef: incident.ref,
      changes: RECOVERY_FIELDS.filter((f) => row[f] !== null).map((f) => ({ field: f, before: null, after: row[f] })),
    })
    return { id: row.id, ...(await applyTotals(ctx, incident)) }
  },
})

export const updateRecovery = defineCommand({
  name: 'incident.updateRecovery',
  summary: 'Correct a recorded recovery; each key carries the base value the caller saw.',
  input: z.strictObject({ incident_id: Id, id: Id, changes: changesSchema(RECOVERY_FIELDS, RECOVERY_VALUE) }),
  sync: 'push',
  concurrency: 'fields',
  touches: ['incident', 'incident_recovery'],
  async handler(ctx, input) {
    const incident = await loadForRecoveries(ctx, input.incident_id)
    const recovery = await findRecovery(ctx, incident.id, input.id)
    ctx.touch('incident', incident.id, incident.version)
    const sent = input.changes
    const stored = recovery as Record<RecoveryField, unknown>
    const keys = changedKeys(RECOVERY_FIELDS, sent, stored)
    assertFreshBase(
      {
        entity: 'Recovery',
        id: recovery.id,
        message: 'This incident was changed by someone else. Reload and try again.',
      },
      keys,
      sent,
      stored,
    )
    const next = { ...recovery }
    for (const k of keys) (next as Record<string, unknown>)[k] = sent[k]!.after
    await recoveryRules(
      ctx,
      incident,
      currentTotal(incident) - recovery.amount + next.amount,
      keys.includes('received_on') ? { received_on: next.received_on } : null,
    )
    await ctx.db
      .updateTable('incident_recovery')
      .set({ ...Object.fromEntries(keys.map((k) => [k, next[k]])), version: recovery.version + 1, updated_at: ctx.now })
      .where('id', '=', recovery.id)
      .execute()
    ctx.audit.record({
      entityType: 'incident_recovery',
      entityId: recovery.id,
      entityRef: incident.ref,
      changes: keys.map((f) => ({ field: f, before: recovery[f], after: next[f] })),
    })
    return { id: recovery.id, ...(await applyTotals(ctx, incident)) }
  },
})

export const removeRecovery = defineCommand({
  name: 'incident.removeRecovery',
  summary: 'Delete a recorded recovery; the audit trail keeps its values.',
  input: z.strictObject({ incident_id: Id, id: Id, expected_version: Version }),
  sync: 'push',
  concurrency: 'version',
  touches: ['incident', 'incident_recovery'],
  async handler(ctx, input) {
    const incident = await loadForRecoveries(ctx, input.incident_id)
    const recovery = await findRecovery(ctx, incident.id, input.id)
    ctx.touch('incident', incident.id, incident.version)
    if (recovery.version !== input.expected_version)
      fail.conflict({
        message: 'This recovery changed after you saw it. Review the changes and try again.',
        entity: 'Recovery',
        id: recovery.id,
        expectedVersion: input.expected_version,
        actualVersion: recovery.version,
      })
    await ctx.db.deleteFrom('incident_recovery').where('id', '=', recovery.id).execute()
    ctx.audit.record({
      entityType: 'incident_recovery',
      entityId: recovery.id,
      entityRef: incident.ref,
      changes: RECOVERY_FIELDS.map((f) => ({ field: f, before: recovery[f], after: null })),
    })
    return { id: recovery.id, ...(await applyTotals(ctx, incident)) }
  },
})
