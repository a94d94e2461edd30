import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import { Id } from '../core/primitives'
import { riskVisible } from '../risks/risk.visibility'
import {
  CONTROL_FREQUENCY_LABELS,
  CONTROL_NATURE_LABELS,
  CONTROL_TYPE_LABELS,
  EFFECTIVENESS_LABELS,
  EVIDENCE_STATUS_LABELS,
  TEST_RESULT_LABELS,
  type ControlFrequency,
  type ControlNature,
  type ControlType,
  type EvidenceStatus,
  type TestResult,
} from './control.constants'
import { latestTest } from './control.effects'
import { riskCounts } from './control.list'
import { isControlOfficer, isControlReadOnly, loadControl } from './control.store'
import { lockedFields } from './control.update'
import { evidenceFacts } from './control.effects'
import { recordStateOn } from './evidence.rules'

/** The permissions of §4 for one control. */
export function controlPermissions(
  actor: Parameters<typeof isControlOfficer>[0],
  c: { business_unit_id: string; owner_id: string; is_active: number },
  activeRisks: number,
) {
  const readOnly = isControlReadOnly(actor)
  const officer = !readOnly && isControlOfficer(actor, c)
  const active = c.is_active === 1
  return {
    can_edit: officer,
    can_deactivate: officer && active && activeRisks === 0,
    can_reactivate: officer && !active,
    can_delete: false as const,
    can_add_evidence: !readOnly && active && (officer || c.owner_id === actor.id),
    can_review_evidence: officer,
    can_record_test: officer && active,
    can_link_risk: officer && active,
  }
}

/**
 * controls.md §12 `control.get`: the control with its computed fields, permissions, framework references,
 * visible linked risks (with the count of those outside the caller's scope), evidence summary and latest test.
 */
export const getControl = defineQuery({
  name: 'control.get',
  summary: 'One visible control with its references, linked risks, evidence summary and latest test.',
  input: z.strictObject({ id: Id }),
  async handler(ctx, input) {
    const c = await loadControl(ctx, input.id)
    const counts = (await riskCounts(ctx.db, [c.id])).get(c.id) ?? { linked: 0, active: 0 }
    const userIds = [c.owner_id, c.created_by, c.updated_by, ...(c.deactivated_by ? [c.deactivated_by] : [])]
    const [people, unit, process, refs, visibleRisks, facts, latest] = await Promise.all([
      ctx.db.selectFrom('users').select(['id', 'full_name', 'email']).where('id', 'in', userIds).execute(),
      ctx.db.selectFrom('business_unit').select(['id', 'name']).where('id', '=', c.business_unit_id).executeTakeFirst(),
      c.business_process_id
        ? ctx.db
            .selectFrom('business_process')
            .select(['id', 'name'])
            .where('id', '=', c.business_process_id)
            .executeTakeFirst()
        : Promise.resolve(undefined),
      ctx.db
        .selectFrom('control_framework_ref')
        .innerJoin('framework', 'framework.id', 'control_framework_ref.framework_id')
        .select([
          'control_framework_ref.id',
          'control_framework_ref.framework_id',
          'framework.code as framework_code',
          'framework.name as framework_name',
          'framework.is_active as framework_active',
          'control_framework_ref.clause_code',
          'control_framework_ref.clause_title',
          'control_framework_ref.created_at',
        ])
        .where('control_framework_ref.control_id', '=', c.id)
        .orderBy('framework.name')
        .orderBy('control_framework_ref.clause_code')
        .orderBy('control_framework_ref.id')
        .execute(),
      ctx.db
        .selectFrom('risk_control')
        .innerJoin('risk', 'risk.id', 'risk_control.risk_id')
        .select([
          'risk.id',
          'risk.ref',
          'risk.title',
          'risk.status',
          'risk.business_unit_id',
          'risk.owner_id',
          'risk.residual_score',
          'risk.residual_band',
          'risk_control.notes',
          'risk_control.created_at as linked_at',
        ])
        .where('risk_control.control_id', '=', c.id)
        .where(riskVisible(ctx.actor))
        .orderBy('risk.ref')
        .execute(),
      evidenceFacts(ctx.db, [c.id]),
      latestTest(ctx.db, c.id),
    ])
    const person = (id: string | null) => {
      if (!id) return null
      const p = people.find((u) => u.id === id)
      return { id, full_name: p?.full_name ?? '', email: p?.email ?? '' }
    }
    const today = ctx.now.slice(0, 10)
    const records = facts.get(c.id) ?? []
    const states = records.map((r) => recordStateOn(r, today))
    const permissions = controlPermissions(ctx.actor, c, counts.active)
    const evidenceStatus = c.evidence_status as EvidenceStatus
    const testResult = c.last_test_result as TestResult | null
    const tester = latest
      ? await ctx.db
          .selectFrom('users')
          .select(['id', 'full_name'])
          .where('id', '=', latest.tester_id)
          .executeTakeFirst()
      : undefined
    return {
      id: c.id,
      ref: c.ref,
      code: c.code,
      title: c.title,
      description: c.description,
      control_type: c.control_type,
      control_type_label: CONTROL_TYPE_LABELS[c.control_type as ControlType],
      control_nature: c.control_nature,
      control_nature_label: CONTROL_NATURE_LABELS[c.control_nature as ControlNature],
      control_frequency: c.control_frequency,
      control_frequency_label: CONTROL_FREQUENCY_LABELS[c.control_frequency as ControlFrequency],
      implementation_status: c.implementation_status,
      effectiveness: c.effectiveness === null ? null : Number(c.effectiveness),
      effectiveness_label: c.effectiveness === null ? 'Not assessed' : EFFECTIVENESS_LABELS[Number(c.effectiveness)],
      business_unit: { id: c.business_unit_id, name: unit?.name ?? '' },
      business_process: process ? { id: process.id, name: process.name } : null,
      owner: person(c.owner_id),
      reference_doc: c.reference_doc,
      group_wide: c.group_wide === 1,
      is_active: c.is_active === 1,
      deactivated_at: c.deactivated_at,
      deactivated_by: person(c.deactivated_by),
      deactivation_reason: c.deactivation_reason,
      evidence_status: evidenceStatus,
      evidence_status_label: EVIDENCE_STATUS_LABELS[evidenceStatus],
      last_test_date: c.last_test_date,
      last_test_result: testResult,
      last_test_label: testResult ? TEST_RESULT_LABELS[testResult] : 'Not tested',
      created_at: c.created_at,
      created_by: person(c.created_by),
      updated_at: c.updated_at,
      updated_by: person(c.updated_by),
      version: Number(c.version),
      linked_risks_count: counts.linked,
      active_risks_count: counts.active,
      can_deactivate: permissions.can_deactivate,
      deactivate_disabled_reason: counts.active > 0 ? `Linked to ${counts.active} ACTIVE risk(s)` : null,
      locked_fields: permissions.can_edit ? await lockedFields(ctx.db, counts.active) : [],
      permissions,
      framework_refs: refs.map((r) => ({ ...r, framework_active: r.framework_active === 1 })),
      linked_risks: visibleRisks.map((r) => ({
        ...r,
        residual_score: r.residual_score === null ? null : Number(r.residual_score),
      })),
      linked_risks_outside_scope: counts.linked - visibleRisks.length,
      evidence_summary: {
        status: evidenceStatus,
        label: EVIDENCE_STATUS_LABELS[evidenceStatus],
        records: records.filter((r) => r.archived_at === null).length,
        archived: records.filter((r) => r.archived_at !== null).length,
        valid: states.filter((s) => s === 'VALID').length,
        expired: states.filter((s) => s === 'EXPIRED').length,
        pending_review: records
          .filter((r) => r.archived_at === null)
          .reduce((n, r) => n + r.revisions.filter((v) => v.status === 'PENDING').length, 0),
      },
      latest_test: latest
        ? {
            id: latest.id,
            test_date: latest.test_date,
            result: latest.result,
            result_label: TEST_RESULT_LABELS[latest.result as TestResult],
            tester: { id: latest.tester_id, full_name: tester?.full_name ?? '' },
            notes: latest.notes,
            recorded_at: latest.recorded_at,
          }
        : null,
    }
  },
})

/** controls.md §12 `control.tests`: a control's tests, newest first; void ones only on request. */
export const listControlTests = defineQuery({
  name: 'control.tests',
  summary: 'Effectiveness tests of a visible control, newest first.',
  input: z.strictObject({ control_id: Id, include_void: z.boolean().default(false) }),
  async handler(ctx, input) {
    const c = await loadControl(ctx, input.control_id)
    let q = ctx.db
      .selectFrom('control_test')
      .innerJoin('users as tester', 'tester.id', 'control_test.tester_id')
      .innerJoin('users as recorder', 'recorder.id', 'control_test.recorded_by')
      .leftJoin('evidence_revision', 'evidence_revision.id', 'control_test.evidence_revision_id')
      .selectAll('control_test')
      .select([
        'tester.full_name as tester_name',
        'recorder.full_name as recorded_by_name',
        'evidence_revision.evidence_id as evidence_id',
        'evidence_revision.version_no as evidence_version_no',
      ])
      .where('control_test.control_id', '=', c.id)
    if (!input.include_void) q = q.where('control_test.voided_at', 'is', null)
    const rows = await q
      .orderBy('control_test.test_date', 'desc')
      .orderBy('control_test.recorded_at', 'desc')
      .orderBy('control_test.id', 'desc')
      .execute()
    const latest = await latestTest(ctx.db, c.id)
    return {
      items: rows.map((r) => ({
        ...r,
        evidence_version_no: r.evidence_version_no === null ? null : Number(r.evidence_version_no),
        result_label: TEST_RESULT_LABELS[r.result as TestResult],
        is_void: r.voided_at !== null,
        is_latest: r.id === latest?.id,
      })),
      next_cursor: null,
      total: rows.length,
    }
  },
})
