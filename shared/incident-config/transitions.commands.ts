import type { z } from 'zod'
import type { CommandCtx } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { TransitionRowInput } from './config.schema'
import { transitionIssues } from './config.rules'
import { recordConfig, refuse, requireAdmin, rolesOfEdge } from './config.store'

type Row = z.output<typeof TransitionRowInput>

/**
 * Adds or removes one (from, to, role) row of incident_allowed_transition (incidents §5.4, §13). The audit entry
 * shows the edge's role set before and after; a row already in the wanted state changes nothing.
 */
async function setRow(ctx: CommandCtx, row: Row, allowed: boolean) {
  requireAdmin(ctx.actor)
  refuse(transitionIssues(row))
  const before = await rolesOfEdge(ctx.db, row.from, row.to)
  const has = before.includes(row.role)
  if (allowed && !has)
    await ctx.db
      .insertInto('incident_allowed_transition')
      .values({ from_status: row.from, to_status: row.to, role: row.role })
      .execute()
  if (!allowed && has)
    await ctx.db
      .deleteFrom('incident_allowed_transition')
      .where('from_status', '=', row.from)
      .where('to_status', '=', row.to)
      .where('role', '=', row.role)
      .execute()
  const after = await rolesOfEdge(ctx.db, row.from, row.to)
  recordConfig(ctx, `allowed_transition:${row.from}:${row.to}`, before, after, 'roles')
  return { from: row.from, to: row.to, roles: after }
}

export const allowTransition = defineCommand({
  name: 'incidentConfig.allowTransition',
  summary: 'Let a role take a workflow edge.',
  input: TransitionRowInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['incident_allowed_transition'],
  handler: (ctx, input) => setRow(ctx, input, true),
})

export const disallowTransition = defineCommand({
  name: 'incidentConfig.disallowTransition',
  summary: 'Stop a role from taking a workflow edge.',
  input: TransitionRowInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['incident_allowed_transition'],
  handler: (ctx, input) => setRow(ctx, input, false),
})
