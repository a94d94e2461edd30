import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import {
  aControl,
  aRisk,
  assessedRisk,
  day,
  edit,
  link,
  move,
  recipientsOf,
  refuseMove,
  row,
  snapshotsOf,
  T0,
  TODAY,
} from './risks-support'

describe.each(ENGINES)('risk submit and approve on %s', (engine) => {
  let env: TestEnv
  let control: string
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
    control = (await aControl(env, { effectiveness: 4 })).id
  })
  afterAll(async () => env?.close())

  it('RSK-06 submitting without inherent impact is refused and changes nothing', async () => {
    const r = await aRisk(env, { inherent: null, extra: { inherent_likelihood: 3 } })
    await refuseMove(
      env,
      'mgr',
      'risk.submitForReview',
      r.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'Inherent risk scores required before submission.',
      },
    )
    expect(await row(env, r.id)).toMatchObject({ status: 'DRAFT', version: 1 })
  })

  it('RSK-08 a complete draft is submitted; the Retail risk officer is notified, ro2 is not', async () => {
    const r = await aRisk(env)
    env.clock.set('2026-11-23T15:00:00.000Z')
    expect(await move(env, 'mgr', 'risk.submitForReview', r.id)).toMatchObject({ status: 'ASSESSED', version: 2 })
    expect(await row(env, r.id)).toMatchObject({
      status: 'ASSESSED',
      submitted_by: env.users.mgr,
      submitted_for_review_at: '2026-11-23T15:00:00.000Z',
      version: 2,
    })
    expect(await recipientsOf(env, r.id, 'RISK_SUBMITTED')).toEqual(['ro'])
    const [n] = await env.db
      .selectFrom('notification')
      .selectAll()
      .where('entity_id', '=', r.id)
      .where('event_type', '=', 'RISK_SUBMITTED')
      .execute()
    expect(n).toMatchObject({
      entity_type: 'RISK',
      priority: 'MEDIUM',
      requires_action: 1,
      recipient_user_id: env.users.ro,
      dedupe_key: `RISK:${r.id}:RISK_SUBMITTED:v2:${env.users.ro}`,
    })
    expect(JSON.parse(n!.payload).message).toBe(
      `Risk ${r.ref} 'Core banking outage in branches' was submitted for validation.`,
    )
    env.clock.set(T0)
  })

  it('RSK-09 approval lists every failing precondition in order and changes nothing', async () => {
    const r = await assessedRisk(env, { basel: null })
    const error = await refuseMove(
      env,
      'ro',
      'risk.approve',
      r.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'Residual risk scores required.',
      },
    )
    expect(error).toMatchObject({
      details: {
        violations: [
          {
            code: 'P3',
            message: 'Residual risk scores required.',
            fields: ['residual_likelihood', 'residual_impact'],
          },
          { code: 'P4', message: 'Basel event type must be selected.', fields: ['basel_event_type_id'] },
          { code: 'P6', message: 'At least one control must be linked before approval.', fields: [] },
        ],
      },
    })
    expect(await row(env, r.id)).toMatchObject({ status: 'ASSESSED', version: 2 })
  })

  it('RSK-10 residual above inherent blocks approval; equal to inherent is approved', async () => {
    const r = await assessedRisk(env, { inherent: [3, 5] })
    await link(env, 'ro', r.id, control)
    const saved = await edit(env, 'ro', r.id, { residual_likelihood: 4, residual_impact: 4 })
    expect(saved.warnings).toEqual(['Residual score is higher than inherent score.'])
    await refuseMove(
      env,
      'ro',
      'risk.approve',
      r.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'Residual risk score cannot exceed inherent risk score.',
        details: {
          violations: [
            {
              code: 'P5',
              message: 'Residual risk score cannot exceed inherent risk score.',
              fields: ['residual_likelihood', 'residual_impact'],
            },
          ],
        },
      },
    )
    expect((await edit(env, 'ro', r.id, { residual_likelihood: 3, residual_impact: 5 })).warnings).toEqual([])
    expect(await move(env, 'ro', 'risk.approve', r.id)).toMatchObject({ status: 'ACTIVE' })
  })

  it('RSK-11 a successful approval: validated stamps, next review in 365 days, one snapshot, owner notified', async () => {
    const r = await assessedRisk(env)
    await link(env, 'ro', r.id, control)
    await edit(env, 'ro', r.id, { residual_likelihood: 3, residual_impact: 3 })
    env.clock.set('2026-11-23T16:30:00.000Z')
    const before = (await row(env, r.id))!
    const done = await move(env, 'ro', 'risk.approve', r.id)
    expect(done).toMatchObject({ status: 'ACTIVE', version: before.version + 1, next_review_date: day(365) })
    expect(await row(env, r.id)).toMatchObject({
      status: 'ACTIVE',
      validated_by: env.users.ro,
      validated_at: '2026-11-23T16:30:00.000Z',
      next_review_date: '2027-11-23',
      submitted_by: env.users.mgr,
    })
    const snaps = await snapshotsOf(env, r.id)
    expect(snaps).toHaveLength(1)
    expect(snaps[0]).toMatchObject({
      trigger: 'APPROVAL',
      status: 'ACTIVE',
      risk_version: before.version + 1,
      residual_score: 9,
      residual_band: 'MEDIUM',
      inherent_score: 15,
      control_ids: JSON.stringify([control]),
      control_count: 1,
      avg_control_design_effectiveness: '4.00',
      open_measure_count: 0,
      incident_count: 0,
      worst_kri_status: null,
      actor_id: env.users.ro,
    })
    expect(await recipientsOf(env, r.id, 'RISK_APPROVED')).toEqual(['mgr'])
    env.clock.set(T0)
  })

  it('RSK-11 next review date: a given date after today is kept; today is refused (P7)', async () => {
    const r = await assessedRisk(env)
    await link(env, 'ro', r.id, control)
    await edit(env, 'ro', r.id, { residual_likelihood: 2, residual_impact: 2 })
    await refuseMove(
      env,
      'ro',
      'risk.approve',
      r.id,
      { next_review_date: TODAY },
      {
        code: 'VALIDATION',
        message: 'Next review date must be after today.',
        fields: ['next_review_date'],
      },
    )
    await move(env, 'ro', 'risk.approve', r.id, { next_review_date: day(90) })
    expect((await row(env, r.id))?.next_review_date).toBe(day(90))
  })

  it('RSK-12 a manager may not approve', async () => {
    const r = await assessedRisk(env)
    await refuseMove(
      env,
      'mgr',
      'risk.approve',
      r.id,
      {},
      {
        code: 'WORKFLOW',
        message: "Role 'Manager' is not authorized to move from 'ASSESSED' to 'ACTIVE'.",
      },
    )
  })

  it('RSK-13 workshop mode: a risk officer approves their own complete draft', async () => {
    const r = await aRisk(env, { creator: 'ro', inherent: [4, 4], residual: [2, 3] })
    await link(env, 'ro', r.id, control)
    const view = await env.ok('ro', 'risk.get', { id: r.id })
    expect(view.available_actions.map((a: { label: string }) => a.label)).toContain('Approve (workshop)')
    const mine = await aRisk(env)
    const mgrView = await env.ok('mgr', 'risk.get', { id: mine.id })
    expect(mgrView.available_actions.map((a: { command: string }) => a.command)).not.toContain('risk.approve')
    await refuseMove(
      env,
      'mgr',
      'risk.approve',
      mine.id,
      {},
      {
        code: 'WORKFLOW',
        message: "Role 'Manager' is not authorized to move from 'DRAFT' to 'ACTIVE'.",
      },
    )

    env.clock.set('2026-11-23T17:00:00.000Z')
    expect(await move(env, 'ro', 'risk.approve', r.id)).toMatchObject({ status: 'ACTIVE' })
    expect(await row(env, r.id)).toMatchObject({
      status: 'ACTIVE',
      submitted_by: env.users.ro,
      validated_by: env.users.ro,
      submitted_for_review_at: '2026-11-23T17:00:00.000Z',
      validated_at: '2026-11-23T17:00:00.000Z',
    })
    const snaps = await snapshotsOf(env, r.id)
    expect(snaps.map((s) => s.trigger)).toEqual(['WORKSHOP_APPROVAL'])
    // The owner (mgr) hears of it; the approving officer does not notify themself.
    expect(await recipientsOf(env, r.id, 'RISK_APPROVED')).toEqual(['mgr'])
    env.clock.set(T0)
  })
})
