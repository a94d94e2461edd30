import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aMeasure, auditOf, listAll, measureIn, move, refuse, row, T0, tryMove } from './measures-support'

const SOD = (verb: string) =>
  `Segregation of duties: you are responsible for this measure or manage its responsible user, so you cannot ${verb} it.`
const EVIDENCE = 'Firewall rule 4711 deployed.'

describe.each(ENGINES)('measure transitions on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())
  const at = (iso: string) => env.clock.set(iso)
  const refuseMove = async (
    user: string,
    command: string,
    id: string,
    extra: object,
    error: { code: string; message?: string },
  ) => refuse(env, user, command, { id, expected_version: (await row(env, id))!.version, ...extra }, error)

  it('MEA-06 the doer or their manager starts; ro2 cannot see it; a non-doer risk officer may not start', async () => {
    at(T0)
    const a = await aMeasure(env)
    expect(await move(env, 'emp', 'measure.start', a.id)).toMatchObject({ status: 'IN_PROGRESS', version: 2 })
    expect(await row(env, a.id)).toMatchObject({ status: 'IN_PROGRESS', started_at: T0, version: 2 })
    const b = await aMeasure(env)
    expect(await move(env, 'mgr', 'measure.start', b.id)).toMatchObject({ status: 'IN_PROGRESS' })
    await refuse(env, 'ro2', 'measure.get', { id: b.id }, { code: 'NOT_FOUND', message: 'Measure not found.' })
    await refuse(env, 'ro2', 'measure.start', { id: b.id, expected_version: 1 }, { code: 'NOT_FOUND' })
    const c = await aMeasure(env)
    await refuseMove(
      'ro',
      'measure.start',
      c.id,
      {},
      {
        code: 'WORKFLOW',
        message: "Role 'Risk Officer' is not authorized to move from 'OPEN' to 'IN_PROGRESS'.",
      },
    )
    await refuse(
      env,
      'emp',
      'measure.start',
      { id: c.id, expected_version: 9 },
      {
        code: 'CONFLICT',
        message: 'This measure changed after you saw it. Review the changes and try again.',
      },
    )
  })

  it('MEA-07 evidence under 10 characters is refused; a submit prepends the EVIDENCE entry', async () => {
    at(T0)
    const m = await measureIn(env, 'IN_PROGRESS')
    await refuseMove(
      'emp',
      'measure.submitForReview',
      m.id,
      { evidence: 'Deployed.' },
      {
        code: 'VALIDATION',
        message: 'Evidence must be between 10 and 2,000 characters.',
      },
    )
    expect((await row(env, m.id))?.status).toBe('IN_PROGRESS')
    at('2026-11-23T14:05:00.000Z')
    expect(await move(env, 'emp', 'measure.submitForReview', m.id, { evidence: `  ${EVIDENCE} ` })).toMatchObject({
      status: 'PENDING_REVIEW',
    })
    const after = (await row(env, m.id))!
    expect(after.submitted_at).toBe('2026-11-23T14:05:00.000Z')
    expect(after.notes).toBe(`[2026-11-23 14:05 - emp@riskdesk.test - EVIDENCE]:\n${EVIDENCE}\n--------------------\n`)
    const audit = await auditOf(env, m.id)
    expect(audit.at(-1)).toMatchObject({ action: 'measure.submitForReview', reason: EVIDENCE })
  })

  it('MEA-08 a return needs 10+ characters and puts REASON FOR RETURN above the evidence', async () => {
    at(T0)
    const m = await measureIn(env, 'PENDING_REVIEW')
    await refuseMove(
      'ro',
      'measure.returnToProgress',
      m.id,
      { reason: 'Too short' },
      {
        code: 'VALIDATION',
        message: 'The reason must be between 10 and 1,000 characters.',
      },
    )
    at('2026-11-24T09:30:00.000Z')
    await move(env, 'ro', 'measure.returnToProgress', m.id, { reason: 'Photos of the lock are missing.' })
    const after = (await row(env, m.id))!
    expect(after.status).toBe('IN_PROGRESS')
    const entries = after.notes!.split('--------------------\n').filter(Boolean)
    expect(entries).toHaveLength(2)
    expect(entries[0]).toBe(
      '[2026-11-24 09:30 - ro@riskdesk.test - REASON FOR RETURN]:\nPhotos of the lock are missing.\n',
    )
    expect(entries[1]).toMatch(/^\[2026-11-23 14:05 - emp@riskdesk.test - EVIDENCE\]:\n/)
  })

  it('MEA-09 after a new submit ro completes: closure comment stored, closed_at = now, no new notes entry', async () => {
    at(T0)
    const m = await measureIn(env, 'PENDING_REVIEW')
    await move(env, 'ro', 'measure.returnToProgress', m.id, { reason: 'Photos of the lock are missing.' })
    await move(env, 'emp', 'measure.submitForReview', m.id, { evidence: 'Photos attached to the change.' })
    const notes = (await row(env, m.id))!.notes
    at('2026-11-25T10:00:00.000Z')
    await refuseMove(
      'ro',
      'measure.complete',
      m.id,
      { closure_comment: 'Fine.' },
      {
        code: 'VALIDATION',
        message: 'The closure comment must be between 10 and 2,000 characters.',
      },
    )
    await move(env, 'ro', 'measure.complete', m.id, { closure_comment: 'Checked on the branch visit.' })
    expect(await row(env, m.id)).toMatchObject({
      status: 'COMPLETED',
      closure_comment: 'Checked on the branch visit.',
      closed_at: '2026-11-25T10:00:00.000Z',
      notes,
    })
    expect((await auditOf(env, m.id)).at(-1)).toMatchObject({ reason: 'Checked on the branch visit.' })
  })

  it('MEA-10 a manager cannot complete, even as the manager of a responsible risk officer', async () => {
    at(T0)
    const m = await measureIn(env, 'PENDING_REVIEW', { responsible: 'ro' })
    await refuseMove(
      'mgr',
      'measure.complete',
      m.id,
      { closure_comment: 'Looks good to me.' },
      {
        code: 'WORKFLOW',
        message: 'Only Risk Officers can complete measures.',
      },
    )
  })

  it('MEA-11 segregation of duties: a doer officer starts and submits but never returns, completes or cancels', async () => {
    at(T0)
    const own = await aMeasure(env, { responsible: 'ro' })
    await move(env, 'ro', 'measure.start', own.id)
    await move(env, 'ro', 'measure.submitForReview', own.id, { evidence: EVIDENCE })
    await refuseMove(
      'ro',
      'measure.complete',
      own.id,
      { closure_comment: 'Done and verified.' },
      {
        code: 'WORKFLOW',
        message: SOD('complete'),
      },
    )
    await refuseMove(
      'ro',
      'measure.returnToProgress',
      own.id,
      { reason: 'Needs more work.' },
      {
        code: 'WORKFLOW',
        message: SOD('return'),
      },
    )
    await move(env, 'rog', 'measure.complete', own.id, { closure_comment: 'Verified by group risk.' })
    expect((await row(env, own.id))?.status).toBe('COMPLETED')

    const managed = await aMeasure(env, { responsible: 'emp3' })
    await move(env, 'rol', 'measure.start', managed.id)
    await move(env, 'emp3', 'measure.submitForReview', managed.id, { evidence: EVIDENCE })
    await refuseMove(
      'rol',
      'measure.complete',
      managed.id,
      { closure_comment: 'Done and verified.' },
      {
        code: 'WORKFLOW',
        message: SOD('complete'),
      },
    )
    await refuseMove(
      'rol',
      'measure.cancel',
      managed.id,
      { reason: 'No longer needed here.' },
      {
        code: 'WORKFLOW',
        message: SOD('cancel'),
      },
    )
    const queueItem = await measureIn(env, 'PENDING_REVIEW', { responsible: 'emp' })
    const ownPending = await measureIn(env, 'PENDING_REVIEW', { responsible: 'ro' })
    const queue = await listAll(env, 'ro', { awaiting_me: true, status: ['PENDING_REVIEW'], ordering: 'submitted_at' })
    expect(queue).toContain(queueItem.id)
    expect(queue).toContain(managed.id)
    expect(queue).not.toContain(ownPending.id)
    await move(env, 'ro', 'measure.complete', managed.id, { closure_comment: 'Verified by Retail risk.' })
    expect((await row(env, managed.id))?.status).toBe('COMPLETED')
  })

  it('MEA-12 ro cancels an IN_PROGRESS measure with a reason on top; OPEN cannot be cancelled', async () => {
    at(T0)
    const m = await measureIn(env, 'IN_PROGRESS')
    await refuseMove(
      'ro',
      'measure.cancel',
      m.id,
      { reason: 'No' },
      {
        code: 'VALIDATION',
        message: 'The reason must be between 10 and 1,000 characters.',
      },
    )
    await move(env, 'ro', 'measure.cancel', m.id, { reason: 'The branch is being closed.' })
    const after = (await row(env, m.id))!
    expect(after).toMatchObject({ status: 'CANCELLED', closed_at: T0 })
    expect(after.notes).toMatch(/^\[2026-11-23 14:05 - ro@riskdesk.test - REASON FOR CANCELLATION\]:\nThe branch/)
    const open = await aMeasure(env)
    await refuseMove(
      'ro',
      'measure.cancel',
      open.id,
      { reason: 'The branch is being closed.' },
      {
        code: 'WORKFLOW',
        message: "Transition from 'OPEN' to 'CANCELLED' is not defined.",
      },
    )
  })

  it('MEA-13 every transition on a COMPLETED measure is refused', async () => {
    at(T0)
    const m = await measureIn(env, 'COMPLETED')
    const message = "Status 'COMPLETED' has no defined transitions."
    const text = 'Some text long enough.'
    await refuseMove('emp', 'measure.start', m.id, {}, { code: 'WORKFLOW', message })
    await refuseMove('emp', 'measure.submitForReview', m.id, { evidence: text }, { code: 'WORKFLOW', message })
    await refuseMove('ro', 'measure.returnToProgress', m.id, { reason: text }, { code: 'WORKFLOW', message })
    await refuseMove('ro', 'measure.complete', m.id, { closure_comment: text }, { code: 'WORKFLOW', message })
    await refuseMove('ro', 'measure.cancel', m.id, { reason: text }, { code: 'WORKFLOW', message })
    const r = await tryMove(env, 'rog', 'measure.cancel', m.id, { reason: text })
    expect(r).toMatchObject({ ok: false, error: { code: 'WORKFLOW', message } })
  })
})
