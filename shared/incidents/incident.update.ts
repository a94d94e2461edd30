import { z } from 'zod'
import type { Actor, CommandCtx } from '../catalogue/context'
import type { Db } from '../db/schema'
import { defineCommand } from '../catalogue/define'
import { fail, type Issue } from '../core/errors'
import { Id, ROLE_NAMES } from '../core/primitives'
import { INCIDENT_FIELDS, type IncidentField } from './incident.constants'
import { assertFreshBase, changedKeys } from '../catalogue/update-shape'
import { IncidentChanges } from './incident.changes'
import { moneyText, reportingFigures } from './incident.derive'
import { referenceIssues } from './incident.references'
import { lossAndDateIssues, netLoss } from './incident.rules'
import { causeIds, loadForWrite, recoveriesOf, type Creator, type IncidentRow } from './incident.store'
import { effectiveRoles } from './incident.workflow'

/** DRAFT belongs to its creator, PENDING_REVIEW to the creator's manager (incidents §6.2). */
export function ownershipMessage(
  actorId: string,
  incident: Pick<IncidentRow, 'status' | 'created_by_user_id'>,
  creatorManagerId: string | null,
): string | null {
  if (incident.status === 'DRAFT' && incident.created_by_user_id !== actorId)
    return 'Only the incident creator can edit a draft.'
  if (incident.status === 'PENDING_REVIEW' && creatorManagerId !== actorId)
    return 'Only the manager of the incident creator can edit an incident under review.'
  return null
}

export function ownershipGate(ctx: CommandCtx, incident: IncidentRow, creator: Creator): void {
  const message = ownershipMessage(ctx.actor.id, incident, creator.manager_id)
  if (message) fail.forbidden(message)
}

/** The fields the caller's effective roles may edit in the incident's state (incidents §6.4). */
export async function editableFields(
  ctx: { db: Db; actor: Actor },
  incident: IncidentRow,
): Promise<{ fields: Set<string>; role: string }> {
  const roles = effectiveRoles(incident.status, ctx.actor.id, incident.created_by_user_id, ctx.actor.roles)
  const rows =
    incident.status === 'CLOSED'
      ? []
      : await ctx.db
          .selectFrom('incident_editable_field')
          .select('field')
          .where('status', '=', incident.status)
          .where('role', 'in', roles)
          .execute()
  const fields = new Set(rows.map((r) => r.field))
  // The reason travels with its override and follows the override's lock.
  if (fields.has('net_loss_override')) fields.add('net_loss_override_reason')
  return { fields, role: ROLE_NAMES[roles[0] ?? 'employee'] }
}

export function lockedError(status: string, role: string, locked: readonly string[]): never {
  return fail.workflow(`Fields ${locked.join(', ')} cannot be edited in ${status} by role '${role}'.`, {
    fields: [...locked],
  })
}

type Stored = Record<IncidentField, unknown>

export const updateIncident = defineCommand({
  name: 'incident.update',
  summary: 'Change incident fields; each key carries the base value the caller saw.',
  input: z.strictObject({ id: Id, changes: IncidentChanges }),
  sync: 'push',
  concurrency: 'fields',
  touches: ['incident'],
  async handler(ctx, input) {
    const { incident, creator } = await loadForWrite(ctx, input.id)
    ownershipGate(ctx, incident, creator)
    ctx.touch('incident', incident.id, incident.version)
    const stored: Stored = {
      ...(incident as unknown as Stored),
      near_miss: incident.near_miss === 1,
      cause_ids: await causeIds(ctx.db, incident.id),
    }
    const sent = input.changes
    // Keys that equal the stored value are not changes: no lock check, no conflict check (incidents §6.2).
    const keys = changedKeys(INCIDENT_FIELDS, sent, stored)

    const { fields: editable, role } = await editableFields(ctx, incident)
    const locked = keys.filter((k) => !editable.has(k))
    if (locked.length > 0) lockedError(incident.status, role, locked)

    assertFreshBase(
      {
        entity: 'Incident',
        id: incident.id,
        message: 'This incident was changed by someone else. Reload and try again.',
      },
      keys,
      sent,
      stored,
    )

    const next: Stored = { ...stored }
    for (const k of keys) next[k] = sent[k]!.after
    const recoveries = await recoveriesOf(ctx.db, incident.id)
    const overrideReason = keys.includes('net_loss_override')
      ? ((sent.net_loss_override_reason?.after as string | null | undefined) ?? null)
      : null
    if (overrideReason !== null) next.net_loss_override_reason = overrideReason
    await valueRules(ctx, keys, stored, next, recoveries.length, incident.recovery_total, overrideReason)

    const gross = next.gross_loss_amount as number | null
    const override = next.net_loss_override as number | null
    const derived: Record<string, unknown> = {
      net_loss_amount: netLoss(gross, incident.recovery_total, override),
    }
    if (keys.some((k) => k === 'gross_loss_amount' || k === 'currency_code' || k === 'discovered_at'))
      Object.assign(
        derived,
        await reportingFigures(ctx.db, ctx.meta, {
          gross_loss_amount: gross,
          currency_code: next.currency_code as string | null,
          discovered_at: next.discovered_at as string | null,
          created_at: incident.created_at,
        }),
      )
    const columns: Record<string, unknown> = {}
    for (const k of keys) if (k !== 'cause_ids') columns[k] = k === 'near_miss' ? (next[k] ? 1 : 0) : next[k]
    if (overrideReason !== null) columns.net_loss_override_reason = overrideReason
    if (keys.includes('business_unit_id'))
      columns.scope_keys = JSON.stringify([
        `bu:${String(next.business_unit_id)}`,
        `user:${incident.created_by_user_id}`,
      ])
    await ctx.db
      .updateTable('incident')
      .set({ ...columns, ...derived, version: incident.version + 1, updated_at: ctx.now })
      .where('id', '=', incident.id)
      .execute()
    if (keys.includes('cause_ids')) {
      await ctx.db.deleteFrom('incident_cause').where('incident_id', '=', incident.id).execute()
      for (const causeId of next.cause_ids as string[])
        await ctx.db.insertInto('incident_cause').values({ incident_id: incident.id, loss_cause_id: causeId }).execute()
    }

    const changes: { field: string; before: unknown; after: unknown }[] = keys.map((f) => ({
      field: f,
      before: stored[f] ?? null,
      after: next[f] ?? null,
    }))
    for (const [field, after] of Object.entries(derived)) {
      const before = (incident as Record<string, unknown>)[field] ?? null
      if (before !== after) changes.push({ field, before, after })
    }
    ctx.audit.record({
      entityType: 'incident',
      entityId: incident.id,
      entityRef: incident.ref,
      changes,
      reason: overrideReason,
    })
    return { id: incident.id, version: incident.version + 1, changed: keys }
  },
})

/** incidents §6.5–6.7 and §3.4 on the record as it would be after the change. */
async function valueRules(
  ctx: CommandCtx,
  keys: readonly IncidentField[],
  stored: Stored,
  next: Stored,
  recoveryCount: number,
  recoveryTotal: number,
  overrideReason: string | null,
) {
  const issues: Issue[] = []
  const changed = (f: IncidentField) => keys.includes(f)
  const refs = await referenceIssues(ctx.db, {
    business_unit_id: changed('business_unit_id') ? String(next.business_unit_id) : null,
    business_process_id: changed('business_process_id') ? (next.business_process_id as string | null) : null,
    product_id: changed('product_id') ? (next.product_id as string | null) : null,
    basel_business_line_id: changed('basel_business_line_id') ? (next.basel_business_line_id as string | null) : null,
    simplified_event_type_id: changed('simplified_event_type_id')
      ? (next.simplified_event_type_id as string | null)
      : null,
    basel_event_type_id: changed('basel_event_type_id') ? (next.basel_event_type_id as string | null) : null,
    currency_code: changed('currency_code') ? (next.currency_code as string | null) : null,
    // Causes already on the incident stay valid after deactivation (incidents §3.4).
    cause_ids: changed('cause_ids')
      ? (next.cause_ids as string[]).filter((c) => !(stored.cause_ids as string[]).includes(c))
      : [],
  })
  issues.push(...refs.map((i) => (i.path[0] === 'cause_ids' ? { ...i, path: ['cause_ids'] } : i)))
  const dateIssues = lossAndDateIssues(
    {
      near_miss: next.near_miss as boolean,
      gross_loss_amount: next.gross_loss_amount as number | null,
      currency_code: next.currency_code as string | null,
      occurred_at: next.occurred_at as string | null,
      discovered_at: next.discovered_at as string | null,
      resolved_at: next.resolved_at as string | null,
      first_accounting_date: next.first_accounting_date as string | null,
      recovery_count: recoveryCount,
    },
    ctx.now,
  )
  issues.push(...dateIssues)
  const gross = next.gross_loss_amount as number | null
  if (changed('gross_loss_amount') && recoveryCount > 0) {
    const cur = (next.currency_code as string | null) ?? ''
    if (gross === null)
      issues.push({ path: ['gross_loss_amount'], message: 'Remove the recoveries before clearing the gross loss.' })
    else if (gross < recoveryTotal)
      issues.push({
        path: ['gross_loss_amount'],
        message: `Recoveries (${await moneyText(ctx.db, recoveryTotal, cur)}) cannot exceed the gross loss (${await moneyText(ctx.db, gross, cur)}).`,
      })
  }
  if (changed('net_loss_override')) {
    const n = [...(overrideReason ?? '')].length
    if (n < 10 || n > 500)
      issues.push({
        path: ['net_loss_override_reason'],
        message: 'Give a reason for the net loss override (10–500 characters).',
      })
    const override = next.net_loss_override as number | null
    if (override !== null && gross === null)
      issues.push({ path: ['net_loss_override'], message: 'Enter the gross loss before overriding the net loss.' })
    else if (override !== null && gross !== null && override > gross)
      issues.push({ path: ['net_loss_override'], message: 'The net loss cannot exceed the gross loss.' })
  } else if (
    changed('net_loss_override_reason') &&
    [...((next.net_loss_override_reason as string | null) ?? '')].length > 500
  )
    issues.push({
      path: ['net_loss_override_reason'],
      message: 'Give a reason for the net loss override (10–500 characters).',
    })
  if (issues.length > 0) fail.validation(issues)
}
