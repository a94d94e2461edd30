import { defineQuery } from '../catalogue/define'
import type { QueryCtx } from '../catalogue/context'
import { incidentVisible } from '../incidents/incident.visibility'
import { measureVisible } from '../measures/measure.visibility'
import { firstLine, isOverdue } from '../measures/measure.workflow'
import { matrixById, publishedMatrix } from '../risk-matrix/matrix.bands'
import { latestAcceptances } from './risk.list'
import { participantFacts } from './risk.notes'
import { loadApprovalChecklist } from './risk.preconditions'
import {
  acceptanceBadge,
  availableActions,
  bandView,
  detailWarnings,
  isCommentParticipant,
  outsideScopeLine,
  RISK_STATUS_LABELS,
  riskPermissions,
} from './risk.read-rules'
import { RiskIdInput } from './risk.read-schema'
import { editableFieldsOf, isReadOnlyForRisks, nextReviewDate } from './risk.rules'
import { getSetting } from '../settings/app-settings'
import { editableRows, loadRisk, type RiskRow } from './risk.store'

// risks.md §16 `risk.get` and the §15 detail screen.

type Names = 'business_unit' | 'business_process' | 'product' | 'risk_category' | 'basel_event_type'

async function nameOf(ctx: QueryCtx, table: Names, id: string | null): Promise<string | null> {
  if (id === null) return null
  const row = await ctx.db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst()
  return row?.name ?? null
}

async function people(ctx: QueryCtx, risk: RiskRow) {
  const ids = [
    risk.owner_id,
    risk.created_by,
    risk.updated_by,
    risk.submitted_by,
    risk.validated_by,
    risk.retired_by,
  ].filter((x): x is string => x !== null)
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'full_name', 'email'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return (id: string | null) => {
    if (id === null) return null
    const u = rows.find((r) => r.id === id)
    return { id, full_name: u?.full_name ?? '', email: u?.email ?? '' }
  }
}

/**
 * Every linked control (all of them are visible: controls.md §4 shows a control linked to a risk the viewer
 * can see), with the link's notes and "linked by", and what the residual assessment reads (§3.1).
 */
async function linkedControls(ctx: QueryCtx, riskId: string) {
  const rows = await ctx.db
    .selectFrom('risk_control')
    .innerJoin('control', 'control.id', 'risk_control.control_id')
    .leftJoin('users as linker', 'linker.id', 'risk_control.created_by_user_id')
    .select([
      'control.id',
      'control.ref',
      'control.code',
      'control.title',
      'control.control_type',
      'control.control_nature',
      'control.effectiveness',
      'control.is_active',
      'control.evidence_status',
      'control.last_test_date',
      'control.last_test_result',
      'risk_control.notes',
      'risk_control.created_by_user_id as linked_by_id',
      'linker.full_name as linked_by_name',
      'risk_control.created_at as linked_at',
    ])
    .where('risk_control.risk_id', '=', riskId)
    .orderBy('control.ref')
    .execute()
  return rows.map((r) => ({
    ...r,
    is_active: Number(r.is_active) === 1,
    effectiveness: r.effectiveness === null ? null : Number(r.effectiveness),
    inactive_badge: Number(r.is_active) === 1 ? null : 'Inactive',
  }))
}

async function linkedIncidents(ctx: QueryCtx, riskId: string) {
  const count = await ctx.db
    .selectFrom('incident_risk')
    .innerJoin('incident', 'incident.id', 'incident_risk.incident_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('incident_risk.risk_id', '=', riskId)
    .where('incident.deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  const items = await ctx.db
    .selectFrom('incident_risk')
    .innerJoin('incident', 'incident.id', 'incident_risk.incident_id')
    .leftJoin('users as linker', 'linker.id', 'incident_risk.created_by_user_id')
    .select([
      'incident.id',
      'incident.ref',
      'incident.title',
      'incident.status',
      'incident.severity',
      'incident_risk.created_by_user_id as linked_by_id',
      'linker.full_name as linked_by_name',
      'incident_risk.created_at as linked_at',
    ])
    .where('incident_risk.risk_id', '=', riskId)
    .where('incident.deleted_at', 'is', null)
    .where(incidentVisible(ctx.actor))
    .orderBy('incident.ref')
    .execute()
  return { count: Number(count.n), items }
}

async function linkedMeasures(ctx: QueryCtx, riskId: string) {
  const count = await ctx.db
    .selectFrom('risk_measure')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('risk_measure.risk_id', '=', riskId)
    .executeTakeFirstOrThrow()
  const rows = await ctx.db
    .selectFrom('risk_measure')
    .innerJoin('measure', 'measure.id', 'risk_measure.measure_id')
    .leftJoin('users as resp', 'resp.id', 'measure.responsible_user_id')
    .select([
      'measure.id',
      'measure.ref',
      'measure.description',
      'measure.status',
      'measure.deadline',
      'measure.responsible_user_id',
      'resp.full_name as responsible_name',
      'risk_measure.created_by_user_id as linked_by_id',
      'risk_measure.created_at as linked_at',
    ])
    .where('risk_measure.risk_id', '=', riskId)
    .where(measureVisible(ctx.actor))
    .orderBy('measure.ref')
    .execute()
  const today = ctx.now.slice(0, 10)
  const items = rows.map((m) => ({
    ...m,
    description: firstLine(m.description),
    is_overdue: isOverdue(m.status, m.deadline, today),
  }))
  return { count: Number(count.n), items }
}

/** Linked KRIs (not deleted) with their status chips; a KRI linked to a visible risk is visible (kris.md §8). */
async function linkedKris(ctx: QueryCtx, riskId: string) {
  const rows = await ctx.db
    .selectFrom('kri_risk')
    .innerJoin('kri', 'kri.id', 'kri_risk.kri_id')
    .select([
      'kri.id',
      'kri.ref',
      'kri.name',
      'kri.unit',
      'kri.frequency',
      'kri.is_active',
      'kri.current_status',
      'kri.current_period_start',
      'kri.current_value_e4',
      'kri.overdue_period_start',
      'kri_risk.created_by_user_id as linked_by_id',
      'kri_risk.created_at as linked_at',
    ])
    .where('kri_risk.risk_id', '=', riskId)
    .where('kri.deleted_at', 'is', null)
    .orderBy('kri.ref')
    .execute()
  return rows.map((k) => ({
    ...k,
    is_active: Number(k.is_active) === 1,
    current_value_e4: k.current_value_e4 === null ? null : Number(k.current_value_e4),
  }))
}

/** The latest acceptance of the risk with its people, for the Acceptance panel (§12.6). */
async function currentAcceptance(ctx: QueryCtx, riskId: string) {
  const latest = (await latestAcceptances(ctx.db, [riskId])).get(riskId)
  if (!latest) return null
  const a = await ctx.db
    .selectFrom('risk_acceptance')
    .leftJoin('users as approver', 'approver.id', 'risk_acceptance.approver_id')
    .leftJoin('users as requester', 'requester.id', 'risk_acceptance.requested_by')
    .select([
      'risk_acceptance.id',
      'risk_acceptance.ref',
      'risk_acceptance.state',
      'risk_acceptance.requested_by',
      'requester.full_name as requested_by_name',
      'risk_acceptance.requested_at',
      'risk_acceptance.approver_id',
      'approver.full_name as approver_name',
      'risk_acceptance.justification',
      'risk_acceptance.conditions',
      'risk_acceptance.expires_on',
      'risk_acceptance.bound_risk_version',
      'risk_acceptance.bound_snapshot_id',
      'risk_acceptance.bound_residual_score',
      'risk_acceptance.bound_residual_band',
      'risk_acceptance.decided_at',
      'risk_acceptance.decision_note',
      'risk_acceptance.ended_at',
      'risk_acceptance.end_reason',
      'risk_acceptance.version',
    ])
    .where('risk_acceptance.id', '=', latest.id)
    .executeTakeFirstOrThrow()
  return { ...a, version: Number(a.version), badge: acceptanceBadge(a) }
}

export const getRisk = defineQuery({
  name: 'risk.get',
  summary: 'One visible risk with bands, counts, linked items, actions, permissions and acceptance (risks §16).',
  input: RiskIdInput,
  async handler(ctx, input) {
    const risk = await loadRisk(ctx, input.id)
    const roles = ctx.actor.roles
    const readOnly = isReadOnlyForRisks(roles)
    const matrix = await matrixById(ctx.db, risk.matrix_version_id)
    const published = await publishedMatrix(ctx.db)
    const person = await people(ctx, risk)

    const controls = await linkedControls(ctx, risk.id)
    const incidents = await linkedIncidents(ctx, risk.id)
    const measures = await linkedMeasures(ctx, risk.id)
    const kris = await linkedKris(ctx, risk.id)
    const counts = {
      control_count: controls.length,
      active_control_count: controls.filter((c) => c.is_active).length,
      incident_count: incidents.count,
      measure_count: measures.count,
      kri_count: kris.length,
    }
    const hidden = incidents.count - incidents.items.length + (measures.count - measures.items.length)

    const transitions = await ctx.db
      .selectFrom('risk_allowed_transition')
      .select(['from_status', 'to_status', 'role'])
      .where('from_status', '=', risk.status)
      .execute()
    const actions = readOnly ? [] : availableActions(transitions, risk.status, roles)
    const editable = readOnly ? [] : editableFieldsOf(await editableRows(ctx.db, risk.status), roles)
    const acceptance = await currentAcceptance(ctx, risk.id)
    const participant = isCommentParticipant(ctx.actor, await participantFacts(ctx, risk))
    const permissions = riskPermissions(ctx.actor, {
      status: risk.status,
      editableFieldCount: editable.length,
      creatorId: risk.created_by,
      ownerId: risk.owner_id,
      validatedAt: risk.validated_at,
      participant,
      pinnedIsPublished: risk.matrix_version_id === published.id,
      openAcceptance: acceptance !== null && (acceptance.state === 'PENDING' || acceptance.state === 'ACCEPTED'),
    })
    const officer = roles.includes('risk_officer')
    const checklist =
      officer && (risk.status === 'DRAFT' || risk.status === 'ASSESSED')
        ? await loadApprovalChecklist(ctx.db, risk)
        : null
    // §5.3: the date an approval without a date input would set, for the approve dialog to pre-fill.
    const approvalNextReview = checklist
      ? nextReviewDate(
          null,
          risk.next_review_date,
          ctx.now.slice(0, 10),
          await getSetting(ctx.db, 'risk_review_interval_days'),
        )
      : null

    const { tenant_id: _t, scope_keys: _s, ...fields } = risk
    return {
      ...fields,
      version: Number(risk.version),
      status_label: RISK_STATUS_LABELS[risk.status] ?? risk.status,
      risk_category_name: await nameOf(ctx, 'risk_category', risk.risk_category_id),
      basel_event_type_name: await nameOf(ctx, 'basel_event_type', risk.basel_event_type_id),
      business_unit_name: await nameOf(ctx, 'business_unit', risk.business_unit_id),
      business_process_name: await nameOf(ctx, 'business_process', risk.business_process_id),
      product_name: await nameOf(ctx, 'product', risk.product_id),
      owner: person(risk.owner_id),
      created_by_user: person(risk.created_by),
      updated_by_user: person(risk.updated_by),
      submitted_by_user: person(risk.submitted_by),
      validated_by_user: person(risk.validated_by),
      retired_by_user: person(risk.retired_by),
      matrix: {
        id: matrix.id,
        version: matrix.version,
        name: matrix.name,
        status: matrix.status,
        is_current: matrix.id === published.id,
        likelihood_levels: matrix.likelihood_levels,
        impact_levels: matrix.impact_levels,
        bands: matrix.bands,
      },
      bands: { inherent: bandView(matrix, risk.inherent_band), residual: bandView(matrix, risk.residual_band) },
      counts,
      ...counts,
      linked: {
        controls,
        incidents: incidents.items,
        measures: measures.items,
        kris,
        hidden_count: hidden,
        outside_scope: outsideScopeLine(hidden),
      },
      available_actions: actions,
      editable_fields: editable,
      permissions,
      acceptance,
      acceptance_badge: acceptance?.badge ?? null,
      approval_checklist: checklist,
      approval_next_review_date: approvalNextReview,
      warnings: detailWarnings(controls),
    }
  },
})
