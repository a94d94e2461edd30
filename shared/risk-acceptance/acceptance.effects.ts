import type { CommandCtx } from '../catalogue/context'
import { ACCEPTANCE_MESSAGES as M, changedFingerprintFields, materialChangeReason } from './acceptance.rules'
import {
  fingerprintOf,
  linkedControlIds,
  notifyAcceptance,
  openAcceptance,
  retireNotifications,
  writeAcceptance,
  type AcceptanceRow,
  type RiskRow,
} from './acceptance.store'

// risks.md §12.5: what a change to a risk does to its open acceptance, run inside the changing command's
// transaction. The risk workflow and link commands call these; the acceptance module owns the rules.

async function riskRow(ctx: CommandCtx, riskId: string): Promise<RiskRow> {
  return ctx.db.selectFrom('risk').selectAll().where('id', '=', riskId).executeTakeFirstOrThrow()
}

async function controlRefs(ctx: CommandCtx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await ctx.db
    .selectFrom('control')
    .select(['id', 'ref'])
    .where('id', 'in', [...ids])
    .execute()
  return ids.map((id) => rows.find((r) => r.id === id)?.ref ?? id)
}

/**
 * The fingerprint fields that changed since the request. Only the hash is bound, so the bound values are read
 * from the risk's snapshot whose fields hash to it (the bound approval snapshot, else the newest that matches).
 */
async function changedFields(ctx: CommandCtx, acc: AcceptanceRow, risk: RiskRow): Promise<string[]> {
  const snapshots = await ctx.db
    .selectFrom('risk_snapshot')
    .selectAll()
    .where('risk_id', '=', risk.id)
    .orderBy('taken_at', 'desc')
    .orderBy('risk_version', 'desc')
    .execute()
  const ordered = [
    ...snapshots.filter((s) => s.id === acc.bound_snapshot_id),
    ...snapshots.filter((s) => s.id !== acc.bound_snapshot_id),
  ]
  const bound = ordered.find((s) => fingerprintOf(ctx.services, s) === acc.bound_fingerprint)
  if (!bound) return ['assessment']
  return changedFingerprintFields(bound, risk)
}

/** PENDING or ACCEPTED → REOPENED with the §12.5 reason; RISK_ACCEPTANCE_REOPENED to approver, requester, owner. */
async function reopen(ctx: CommandCtx, acc: AcceptanceRow, risk: RiskRow, parts: readonly string[]): Promise<void> {
  const reason = materialChangeReason(parts)
  await writeAcceptance(ctx, acc, { state: 'REOPENED', ended_at: ctx.now, ended_by: null, end_reason: reason }, reason)
  await retireNotifications(ctx, acc, ['RISK_ACCEPTANCE_REQUESTED', 'RISK_ACCEPTANCE_EXPIRING'])
  await notifyAcceptance(ctx, {
    risk,
    acc,
    event: 'RISK_ACCEPTANCE_REOPENED',
    onceKey: acc.id,
    recipients: [acc.approver_id, acc.requested_by, risk.owner_id],
    message: `Acceptance ${acc.ref} for risk ${risk.ref} needs a new decision: ${reason}`,
  })
}

/** After `risk.approve` wrote the risk row and its snapshot: re-open on a fingerprint change or a lost bound control. */
export async function onRiskApproved(ctx: CommandCtx, riskId: string): Promise<void> {
  const acc = await openAcceptance(ctx.db, riskId)
  if (!acc) return
  const risk = await riskRow(ctx, riskId)
  const parts: string[] = []
  if (fingerprintOf(ctx.services, risk) !== acc.bound_fingerprint) parts.push(...(await changedFields(ctx, acc, risk)))
  const linked = await linkedControlIds(ctx.db, riskId)
  const lost = (JSON.parse(acc.bound_control_ids) as string[]).filter((id) => !linked.has(id))
  parts.push(...(await controlRefs(ctx, lost)).map((ref) => `control ${ref} unlinked`))
  if (parts.length > 0) await reopen(ctx, acc, risk, parts)
}

/** After `risk.unlinkControl` removed a link: re-open when the control is one of the bound controls. */
export async function onControlUnlinked(ctx: CommandCtx, riskId: string, controlId: string): Promise<void> {
  const acc = await openAcceptance(ctx.db, riskId)
  if (!acc || !(JSON.parse(acc.bound_control_ids) as string[]).includes(controlId)) return
  const risk = await riskRow(ctx, riskId)
  const [ref] = await controlRefs(ctx, [controlId])
  await reopen(ctx, acc, risk, [`control ${ref} unlinked`])
}

/** After `risk.retire`: ACCEPTED → REVOKED, PENDING → WITHDRAWN, both "Risk retired.". */
export async function onRiskRetired(ctx: CommandCtx, riskId: string): Promise<void> {
  const acc = await openAcceptance(ctx.db, riskId)
  if (!acc) return
  const state = acc.state === 'ACCEPTED' ? 'REVOKED' : 'WITHDRAWN'
  await writeAcceptance(
    ctx,
    acc,
    { state, ended_at: ctx.now, ended_by: null, end_reason: M.riskRetired },
    M.riskRetired,
  )
  await retireNotifications(ctx, acc, ['RISK_ACCEPTANCE_REQUESTED', 'RISK_ACCEPTANCE_EXPIRING'])
}
