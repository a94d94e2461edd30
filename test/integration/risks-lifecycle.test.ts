import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import {
  activeRisk,
  aRisk,
  assessedRisk,
  auditOf,
  edit,
  move,
  recipientsOf,
  refuseEdit,
  refuseMove,
  row,
  snapshotsOf,
  T0,
} from './risks-support'

const R19 = 'Scores look too low'
const R20 = 'Scores look too low.'

describe.each(ENGINES)('risk send back, reassessment and retirement on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  it('RSK-15 send back needs a 20-character reason; the note tops the notes and the submitter is told', async () => {
    expect([...R19]).toHaveLength(19)
    expect([...R20]).toHaveLength(20)
    const r = await assessedRisk(env, { owner: 'mgr3' })
    await refuseMove(
      env,
      'ro',
      'risk.sendBack',
      r.id,
      { reason: R19 },
      {
        code: 'VALIDATION',
        message: 'Reason must be at least 20 characters.',
        fields: ['reason'],
      },
    )
    await env.ok('mgr', 'risk.addComment', { risk_id: r.id, comment: 'Please look again at the impact.' })
    env.clock.set('2026-11-23T15:42:00.000Z')
    expect(await move(env, 'ro', 'risk.sendBack', r.id, { reason: R20 })).toMatchObject({ status: 'DRAFT' })
    expect((await row(env, r.id))?.status).toBe('DRAFT')
    const notes = await env.ok('mgr', 'risk.notes', { risk_id: r.id })
    expect(notes.items[0]).toMatchObject({
      kind: 'RETURNED_FOR_REVISION',
      prefix: 'RETURNED FOR REVISION',
      body: R20,
      created_at: '2026-11-23T15:42:00.000Z',
      author_email: 'ro@riskdesk.test',
    })
    // The submitter (mgr) hears of it, not the owner (mgr3).
    expect(await recipientsOf(env, r.id, 'RISK_SENT_BACK')).toEqual(['mgr'])
    const audit = await auditOf(env, r.id)
    expect(audit.at(-1)).toMatchObject({ action: 'risk.sendBack', reason: R20 })
    env.clock.set(T0)
  })

  it('RSK-16 retiring an ACTIVE risk stores the reason and a RETIREMENT snapshot; DRAFT and RETIRED are refused', async () => {
    const r = await activeRisk(env)
    env.clock.set('2026-11-24T09:00:00.000Z')
    expect(await move(env, 'ro', 'risk.retire', r.id, { reason: R20 })).toMatchObject({ status: 'RETIRED' })
    expect(await row(env, r.id)).toMatchObject({
      status: 'RETIRED',
      retirement_reason: R20,
      retired_by: env.users.ro,
      retired_at: '2026-11-24T09:00:00.000Z',
    })
    expect((await snapshotsOf(env, r.id)).map((s) => [s.trigger, s.status])).toEqual([
      ['APPROVAL', 'ACTIVE'],
      ['RETIREMENT', 'RETIRED'],
    ])
    const notes = await env.ok('ro', 'risk.notes', { risk_id: r.id })
    expect(notes.items[0]).toMatchObject({ kind: 'RETIREMENT', prefix: 'RETIRED', body: R20 })

    const draft = await aRisk(env)
    await refuseMove(
      env,
      'ro',
      'risk.retire',
      draft.id,
      { reason: R20 },
      {
        code: 'WORKFLOW',
        message: "Transition from 'DRAFT' to 'RETIRED' is not defined.",
      },
    )
    const terminal = "Status 'RETIRED' has no defined transitions."
    for (const [command, extra] of [
      ['risk.retire', { reason: R20 }],
      ['risk.approve', {}],
      ['risk.submitForReview', {}],
      ['risk.sendBack', { reason: R20 }],
      ['risk.requestReassessment', {}],
    ] as const)
      await refuseMove(env, 'ro', command, r.id, extra, { code: 'WORKFLOW', message: terminal })
    env.clock.set(T0)
  })

  it('RSK-16 retiring an ASSESSED risk takes no snapshot', async () => {
    const r = await assessedRisk(env)
    await move(env, 'ro', 'risk.retire', r.id, { reason: R20 })
    expect(await snapshotsOf(env, r.id)).toHaveLength(0)
  })

  it('RSK-17 reassessment reopens an ACTIVE risk; the officer edits residual scores but not inherent ones', async () => {
    const r = await activeRisk(env)
    const approved = (await row(env, r.id))!
    env.clock.set('2026-11-25T10:00:00.000Z')
    await move(env, 'ro', 'risk.requestReassessment', r.id, { reason: 'New outage data from the last quarter.' })
    expect(await row(env, r.id)).toMatchObject({
      status: 'ASSESSED',
      submitted_for_review_at: '2026-11-25T10:00:00.000Z',
      submitted_by: approved.submitted_by,
      validated_by: approved.validated_by,
      validated_at: approved.validated_at,
    })
    expect(await recipientsOf(env, r.id, 'RISK_REASSESSMENT_REQUESTED')).toEqual(['mgr'])
    const notes = await env.ok('ro', 'risk.notes', { risk_id: r.id })
    expect(notes.items[0]).toMatchObject({ kind: 'REASSESSMENT_REQUESTED', prefix: 'REASSESSMENT REQUESTED' })

    await edit(env, 'ro', r.id, { residual_likelihood: 2 })
    expect(await row(env, r.id)).toMatchObject({ residual_likelihood: 2, residual_score: 6, residual_band: 'MEDIUM' })
    await refuseEdit(
      env,
      'ro',
      r.id,
      { inherent_likelihood: 4 },
      {
        code: 'WORKFLOW',
        message: "Fields inherent_likelihood cannot be edited in ASSESSED by role 'Risk Officer'.",
      },
    )
    // Without a reason no note is written.
    const again = await activeRisk(env)
    const before = (await env.ok('ro', 'risk.notes', { risk_id: again.id })).total
    await move(env, 'ro', 'risk.requestReassessment', again.id)
    expect((await env.ok('ro', 'risk.notes', { risk_id: again.id })).total).toBe(before)
    env.clock.set(T0)
  })
})
