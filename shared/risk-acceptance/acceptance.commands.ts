import type { CommandCtx } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { fail, type Issue } from '../core/errors'
import { bandOf, matrixById } from '../risk-matrix/matrix.bands'
import { MSG } from '../risks/risk.constants'
import { isReadOnlyForRisks } from '../risks/risk.rules'
import { getSetting } from '../settings/app-settings'
import { loadActor } from '../users/actor'
import { ACCEPTANCE_MESSAGES as M, approverIssue, expiryIssue, type AcceptanceState } from './acceptance.rules'
import { AcceptInput, RejectInput, RequestAcceptanceInput, RevokeInput, WithdrawInput } from './acceptance.schema'
import {
  activeControlIds,
  expectAcceptanceVersion,
  fingerprintOf,
  loadAcceptance,
  loadVisibleRisk,
  notifyAcceptance,
  openAcceptance,
  retireNotifications,
  seesRisk,
  writeAcceptance,
  type AcceptanceRow,
  type RiskRow,
} from './acceptance.store'

/** An acceptance as the commands and the list answer it. */
export function acceptanceView(a: AcceptanceRow) {
  return {
    id: a.id,
    ref: a.ref,
    risk_id: a.risk_id,
    state: a.state as AcceptanceState,
    requested_by: a.requested_by,
    requested_at: a.requested_at,
    approver_id: a.approver_id,
    justification: a.justification,
    conditions: a.conditions,
    expires_on: a.expires_on,
    bound_risk_version: Number(a.bound_risk_version),
    bound_snapshot_id: a.bound_snapshot_id,
    bound_fingerprint: a.bound_fingerprint,
    bound_control_ids: JSON.parse(a.bound_control_ids) as string[],
    bound_residual_score: a.bound_residual_score === null ? null : Number(a.bound_residual_score),
    bound_residual_band: a.bound_residual_band,
    decided_at: a.decided_at,
    decided_risk_version: a.decided_risk_version === null ? null : Number(a.decided_risk_version),
    decision_note: a.decision_note,
    ended_at: a.ended_at,
    ended_by: a.ended_by,
    end_reason: a.end_reason,
    version: Number(a.version),
    created_at: a.created_at,
    updated_at: a.updated_at,
  }
}

const refuseReadOnly = (ctx: CommandCtx) => {
  if (isReadOnlyForRisks(ctx.actor.roles)) fail.forbidden(MSG.readOnly)
}
const isOfficer = (ctx: CommandCtx) => ctx.actor.roles.includes('risk_officer')
const today = (ctx: CommandCtx) => ctx.now.slice(0, 10)

/** §12.3 and §12.1 expiry, as one VALIDATION error listing every failing field. */
async function valueIssues(
  ctx: CommandCtx,
  risk: RiskRow,
  input: { approver_id: string; expires_on: string },
): Promise<Issue[]> {
  const issues: Issue[] = []
  const user = await loadActor(ctx.db, input.approver_id)
  const approver = user && user.isActive ? user : null
  const matrix = await matrixById(ctx.db, risk.matrix_version_id)
  const band = bandOf(matrix, risk.residual_score === null ? null : Number(risk.residual_score))
  const authority = await ctx.db.selectFrom('risk_acceptance_authority').selectAll().execute()
  const approverMessage = approverIssue({
    approver: approver && { id: approver.id, roles: approver.roles, groupScope: approver.groupScope },
    requesterId: ctx.actor.id,
    residualBand: risk.residual_band,
    residualBandLabel: band?.label ?? risk.residual_band ?? '',
    authority,
    approverSeesRisk: approver !== null && (await seesRisk(ctx.db, approver, risk.id)),
  })
  if (approverMessage) issues.push({ path: ['approver_id'], message: approverMessage })
  const maxDays = await getSetting(ctx.db, 'risk_acceptance_max_days')
  const expiry = expiryIssue(input.expires_on, today(ctx), maxDays)
  if (expiry) issues.push({ path: ['expires_on'], message: expiry })
  return issues
}

/**
 * `riskAcceptance.request` (§12.2): the owner or a risk officer asks a named approver to accept the residual
 * risk of an ACTIVE risk until a date. The request binds the risk as it stands: version, latest approval
 * snapshot, fingerprint of the assessment, the active controls and the residual score.
 */
export const requestAcceptance = defineCommand({
  name: 'riskAcceptance.request',
  summary: 'Ask a named approver to formally accept the residual risk until an expiry date.',
  input: RequestAcceptanceInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['risk_acceptance', 'notification', 'user_notification'],
  creates: { prefix: 'RAC' },
  async handler(ctx, input) {
    const risk = await loadVisibleRisk(ctx, input.risk_id)
    refuseReadOnly(ctx)
    if (risk.owner_id !== ctx.actor.id && !isOfficer(ctx)) fail.forbidden(M.requestGate)
    ctx.touch('risk', risk.id, Number(risk.version))
    if (risk.status !== 'ACTIVE') fail.workflow(M.riskActive)
    if (await openAcceptance(ctx.db, risk.id)) fail.workflow(M.open)
    if (Number(risk.version) !== input.expected_risk_version)
      fail.conflict({
        message: MSG.conflict,
        entity: 'Risk',
        id: risk.id,
        expectedVersion: input.expected_risk_version,
        actualVersion: Number(risk.version),
      })
    const issues = await valueIssues(ctx, risk, input)
    if (issues.length > 0) fail.validation(issues)

    const snapshot = await ctx.db
      .selectFrom('risk_snapshot')
      .select('id')
      .where('risk_id', '=', risk.id)
      .where('trigger', 'in', ['APPROVAL', 'WORKSHOP_APPROVAL'])
      .orderBy('taken_at', 'desc')
      .orderBy('risk_version', 'desc')
      .executeTakeFirst()
    const row = {
      id: ctx.minted.id,
      tenant_id: ctx.meta.tenantId,
      ref: ctx.minted.ref!,
      risk_id: risk.id,
      state: 'PENDING',
      requested_by: ctx.actor.id,
      requested_at: ctx.now,
      approver_id: input.approver_id,
      justification: input.justification,
      conditions: input.conditions,
      expires_on: input.expires_on,
      bound_risk_version: Number(risk.version),
      bound_snapshot_id: snapshot?.id ?? null,
      bound_fingerprint: fingerprintOf(ctx.services, risk),
      bound_control_ids: JSON.stringify(await activeControlIds(ctx.db, risk.id)),
      bound_residual_score: risk.residual_score === null ? null : Number(risk.residual_score),
      bound_residual_band: risk.residual_band,
      decided_at: null,
      decided_risk_version: null,
      decision_note: null,
      ended_at: null,
      ended_by: null,
      end_reason: null,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
      // An acceptance travels with its risk (§12.2 "Visibility of an acceptance follows its risk").
      scope_keys: risk.scope_keys,
    }
    await ctx.db.insertInto('risk_acceptance').values(row).execute()
    ctx.audit.record({
      entityType: 'risk_acceptance',
      entityId: row.id,
      entityRef: row.ref,
      changes: Object.entries(row)
        .filter(
          ([k, v]) => !['tenant_id', 'version', 'created_at', 'updated_at', 'scope_keys'].includes(k) && v !== null,
        )
        .map(([field, after]) => ({
          field,
          before: null,
          after: field === 'bound_control_ids' ? (JSON.parse(after as string) as unknown) : after,
        })),
      reason: input.justification,
    })
    await notifyAcceptance(ctx, {
      risk,
      acc: row,
      event: 'RISK_ACCEPTANCE_REQUESTED',
      onceKey: row.id,
      recipients: [row.approver_id],
      message: `Your decision is requested on acceptance ${row.ref} for risk ${risk.ref}.`,
    })
    return acceptanceView(row)
  },
})

type DecisionInput = { id: string; expected_version: number; note?: string | null; reason?: string | null }
type Decision = 'accept' | 'reject' | 'withdraw' | 'revoke'

const GATES: Record<Decision, string> = {
  accept: M.decideGate,
  reject: M.decideGate,
  withdraw: M.withdrawGate,
  revoke: M.revokeGate,
}
const TARGET: Record<Decision, AcceptanceState> = {
  accept: 'ACCEPTED',
  reject: 'REJECTED',
  withdraw: 'WITHDRAWN',
  revoke: 'REVOKED',
}

function allowed(ctx: CommandCtx, decision: Decision, acc: AcceptanceRow): boolean {
  if (decision === 'accept' || decision === 'reject') return ctx.actor.id === acc.approver_id
  if (decision === 'withdraw') return ctx.actor.id === acc.requested_by || isOfficer(ctx)
  return ctx.actor.id === acc.approver_id || isOfficer(ctx)
}

/** Accept, reject, withdraw and revoke (§12.2): `version` commands on the acceptance, in the §1 check order. */
function decisionCommand<
  const N extends string,
  I extends typeof AcceptInput | typeof RejectInput | typeof WithdrawInput | typeof RevokeInput,
>(name: N, decision: Decision, summary: string, input: I) {
  return defineCommand({
    name,
    summary,
    input,
    sync: 'push',
    concurrency: 'version',
    touches: ['risk_acceptance', 'notification', 'user_notification'],
    async handler(ctx, raw) {
      const input = raw as DecisionInput
      const { acc, risk } = await loadAcceptance(ctx, input.id)
      refuseReadOnly(ctx)
      if (!allowed(ctx, decision, acc)) fail.forbidden(GATES[decision])
      ctx.touch('risk_acceptance', acc.id, Number(acc.version))
      if (decision === 'revoke') {
        if (acc.state !== 'ACCEPTED') fail.workflow(M.onlyAccepted)
      } else if (acc.state !== 'PENDING') fail.workflow(M.onlyPending)
      if (decision === 'accept') {
        if (risk.status !== 'ACTIVE') fail.workflow(M.riskActive)
        if (acc.expires_on < today(ctx)) fail.workflow(M.expiryPassed)
      }
      expectAcceptanceVersion(acc, input.expected_version)

      const state = TARGET[decision]
      const decided = decision === 'accept' || decision === 'reject'
      const text = (decided ? input.note : input.reason) ?? null
      const written = await writeAcceptance(
        ctx,
        acc,
        decided
          ? { state, decided_at: ctx.now, decided_risk_version: Number(risk.version), decision_note: text }
          : { state, ended_at: ctx.now, ended_by: ctx.actor.id, end_reason: text ?? M.withdrawn },
        text,
      )
      // The approver's request is answered once the acceptance leaves PENDING; an expiry warning once it ends.
      await retireNotifications(
        ctx,
        acc,
        decision === 'revoke' ? ['RISK_ACCEPTANCE_EXPIRING'] : ['RISK_ACCEPTANCE_REQUESTED'],
      )
      if (decision !== 'withdraw') {
        const verb = { accept: 'accepted', reject: 'rejected', revoke: 'revoked' }[decision]
        await notifyAcceptance(ctx, {
          risk,
          acc,
          event: 'RISK_ACCEPTANCE_DECIDED',
          onceKey: `${acc.id}:${state}`,
          recipients: [acc.requested_by, risk.owner_id],
          message: `Acceptance ${acc.ref} for risk ${risk.ref} was ${verb}.`,
        })
      }
      return acceptanceView(written)
    },
  })
}

export const acceptAcceptance = decisionCommand(
  'riskAcceptance.accept',
  'accept',
  'Accept the residual risk as the named approver.',
  AcceptInput,
)
export const rejectAcceptance = decisionCommand(
  'riskAcceptance.reject',
  'reject',
  'Reject an acceptance request with a note.',
  RejectInput,
)
export const withdrawAcceptance = decisionCommand(
  'riskAcceptance.withdraw',
  'withdraw',
  'Withdraw a pending acceptance request.',
  WithdrawInput,
)
export const revokeAcceptance = decisionCommand(
  'riskAcceptance.revoke',
  'revoke',
  'Revoke an accepted acceptance with a reason.',
  RevokeInput,
)

export const ACCEPTANCE_COMMANDS = [
  requestAcceptance,
  acceptAcceptance,
  rejectAcceptance,
  withdrawAcceptance,
  revokeAcceptance,
] as const
