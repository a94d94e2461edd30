import canonicalize from 'canonicalize'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId, sha256Hex } from '#main/ids'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import {
  activeRisk,
  aControl,
  aRisk,
  auditOf,
  day,
  edit,
  link,
  move,
  notificationsOf,
  recipientsOf,
  refuse,
  row,
  snapshotsOf,
  T0,
  TODAY,
  version,
} from './risks-support'

const RAC = /^RAC-\d{4}-[A-Z]{3,5}-\d{5,}$/
const JUSTIFICATION = 'Cost of further controls exceeds the loss.' // 43 characters
const NOTE_19 = 'Too risky for now..' // 19 characters
const NOTE_20 = 'Too risky for now...' // 20 characters
const RETIRE_REASON = 'Business line closed at year end.'

type Acceptance = {
  id: string
  ref: string
  state: string
  version: number
  expires_on: string
  end_reason: string | null
  ended_by: string | null
  [k: string]: unknown
}

describe.each(ENGINES)('formal risk acceptance on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())

  const requestInput = async (riskId: string, approver: string, extra: Record<string, unknown> = {}) => ({
    risk_id: riskId,
    expected_risk_version: await version(env, riskId),
    approver_id: env.users[approver],
    justification: JUSTIFICATION,
    expires_on: day(90),
    ...extra,
  })
  const request = async (user: string, riskId: string, approver: string, extra: Record<string, unknown> = {}) =>
    env.ok<Acceptance>(user, 'riskAcceptance.request', await requestInput(riskId, approver, extra))
  const refuseRequest = async (
    user: string,
    riskId: string,
    approver: string,
    extra: Record<string, unknown>,
    error: { code: string; message?: string; [k: string]: unknown },
  ) => refuse(env, user, 'riskAcceptance.request', await requestInput(riskId, approver, extra), error)
  const acc = async (id: string) => {
    const r = await env.db.selectFrom('risk_acceptance').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    return { ...r, version: Number(r.version) }
  }
  const decide = async (user: string, command: string, id: string, extra: Record<string, unknown> = {}) =>
    env.ok<Acceptance>(user, command, { id, expected_version: (await acc(id)).version, ...extra })
  const refuseDecision = async (
    user: string,
    command: string,
    id: string,
    extra: Record<string, unknown>,
    error: { code: string; message?: string },
  ) => refuse(env, user, command, { id, expected_version: (await acc(id)).version, ...extra }, error)
  const badge = async (user: string, riskId: string) =>
    ((await env.ok(user, 'risk.get', { id: riskId })).acceptance?.badge?.label ?? null) as string | null
  const registerBadge = async (user: string, riskId: string) => {
    const page = await env.ok(user, 'risk.list', { search: (await row(env, riskId))!.ref, limit: 100 })
    return (page.items.find((i: { id: string }) => i.id === riskId)?.acceptance?.label ?? null) as string | null
  }
  const sweep = async () => {
    const r = await env.dispatcher.runJob('riskAcceptance.sweepExpiry')
    expect(r.ok).toBe(true)
  }
  /** An ACCEPTED acceptance on a fresh ACTIVE risk owned by mgr, requested by mgr, accepted by ro. */
  const accepted = async (opts: Parameters<typeof activeRisk>[1] = {}, expires = day(90)) => {
    const risk = await activeRisk(env, opts)
    const a = await request('mgr', risk.id, 'ro', { expires_on: expires })
    await decide('ro', 'riskAcceptance.accept', a.id)
    return { risk, acc: await acc(a.id) }
  }

  it('RSK-43 a request needs an ACTIVE risk, a 20-character justification, a valid expiry and another approver', async () => {
    env.clock.set(T0)
    const draft = await aRisk(env)
    await refuseRequest(
      'mgr',
      draft.id,
      'ro',
      {},
      {
        code: 'WORKFLOW',
        message: 'Risk acceptance requires an ACTIVE risk.',
      },
    )

    const risk = await activeRisk(env) // residual 3×3 = 9 Medium, owned by mgr
    expect(await row(env, risk.id)).toMatchObject({ status: 'ACTIVE', residual_band: 'MEDIUM' })
    await refuseRequest(
      'mgr',
      risk.id,
      'ro',
      { justification: 'x'.repeat(19) },
      {
        code: 'VALIDATION',
        message: 'Justification must be at least 20 characters.',
        fields: ['justification'],
      },
    )
    await refuseRequest(
      'mgr',
      risk.id,
      'ro',
      { expires_on: TODAY },
      {
        code: 'VALIDATION',
        message: 'Expiry date must be after today.',
        fields: ['expires_on'],
      },
    )
    await refuseRequest(
      'mgr',
      risk.id,
      'ro',
      { expires_on: day(366) },
      {
        code: 'VALIDATION',
        message: 'Expiry date must be within 365 days.',
        fields: ['expires_on'],
      },
    )
    await refuseRequest(
      'mgr',
      risk.id,
      'mgr',
      {},
      {
        code: 'VALIDATION',
        message: 'The approver cannot be the requester.',
        fields: ['approver_id'],
      },
    )
    await refuseRequest(
      'mgr',
      risk.id,
      'ro2',
      {},
      { code: 'VALIDATION', message: 'The approver cannot see this risk.' },
    )
    await refuse(
      env,
      'mgr',
      'riskAcceptance.request',
      { ...(await requestInput(risk.id, 'ro')), approver_id: newId() },
      { code: 'VALIDATION', message: 'Approver not found or inactive.' },
    )
    await refuseRequest(
      'emp',
      risk.id,
      'ro',
      {},
      {
        code: 'FORBIDDEN',
        message: 'Only the risk owner or a Risk Officer can request acceptance.',
      },
    )
    await refuseRequest('aud', risk.id, 'ro', {}, { code: 'FORBIDDEN', message: 'Your role cannot change risks.' })
    await refuseRequest('ro2', risk.id, 'ro', {}, { code: 'NOT_FOUND', message: 'Risk not found.' })
    await refuse(
      env,
      'mgr',
      'riskAcceptance.request',
      { ...(await requestInput(risk.id, 'ro')), expected_risk_version: 1 },
      { code: 'CONFLICT', message: 'This risk changed after you saw it. Review the changes and try again.' },
    )

    const r = (await row(env, risk.id))!
    const approvals = (await snapshotsOf(env, risk.id)).filter((s) => s.trigger !== 'RETIREMENT')
    const a = await request('mgr', risk.id, 'ro', { expires_on: day(365), conditions: '  Quarterly review.  ' })
    expect(a.ref).toMatch(RAC)
    expect(a).toMatchObject({
      state: 'PENDING',
      version: 1,
      requested_by: env.users['mgr'],
      requested_at: T0,
      approver_id: env.users['ro'],
      justification: JUSTIFICATION,
      conditions: 'Quarterly review.',
      expires_on: day(365),
      bound_risk_version: r.version,
      bound_snapshot_id: approvals.at(-1)!.id,
      bound_control_ids: [risk.controlId],
      bound_residual_score: 9,
      bound_residual_band: 'MEDIUM',
    })
    const fields = {
      basel_event_type_id: r.basel_event_type_id,
      business_unit_id: r.business_unit_id,
      inherent_impact: 5,
      inherent_likelihood: 3,
      matrix_version_id: r.matrix_version_id,
      residual_impact: 3,
      residual_likelihood: 3,
      risk_category_id: r.risk_category_id,
    }
    expect(a.bound_fingerprint).toBe(sha256Hex(canonicalize(fields)!))
    expect(a.bound_fingerprint).toMatch(/^[0-9a-f]{64}$/)

    const sent = await notificationsOf(env, risk.id, 'RISK_ACCEPTANCE_REQUESTED')
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      user: 'ro',
      dedupe_key: `RISK:${risk.id}:RISK_ACCEPTANCE_REQUESTED:${a.id}:${env.users['ro']}`,
      payload: {
        message: `Your decision is requested on acceptance ${a.ref} for risk ${risk.ref}.`,
        entity_ref: risk.ref,
      },
    })
    expect((await auditOf(env, a.id))[0]).toMatchObject({ action: 'riskAcceptance.request', entity_ref: a.ref })
    expect(await badge('mgr', risk.id)).toBe('Acceptance pending')
    expect(await registerBadge('ro', risk.id)).toBe('Acceptance pending')
  })

  it('RSK-44 the approver picker offers exactly the people the request would accept', async () => {
    env.clock.set(T0)
    const options = async (user: string, riskId: string) =>
      ((await env.ok(user, 'riskAcceptance.approverOptions', { risk_id: riskId })).items as { id: string }[]).map(
        (u) => u.id,
      )
    const high = await activeRisk(env, { residual: [3, 4] }) // 12 High: risk officers who see Retail
    const offered = await options('mgr', high.id)
    expect(offered).toContain(env.users.ro)
    expect(offered).toContain(env.users.rog)
    for (const u of ['mgr', 'mgr3', 'emp', 'ro2', 'aud']) expect(offered, u).not.toContain(env.users[u])
    const critical = await activeRisk(env, { inherent: [4, 5], residual: [4, 4] }) // 16 Critical: group scope
    const forCritical = await options('mgr', critical.id)
    expect(forCritical).toContain(env.users.rog)
    expect(forCritical).not.toContain(env.users.ro)
    // The requester is never offered; a risk the caller cannot see is NOT_FOUND.
    expect(await options('rog', critical.id)).not.toContain(env.users.rog)
    expect(await env.call('ro2', 'riskAcceptance.approverOptions', { risk_id: high.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('RSK-44 the approver needs the authority of the residual band', async () => {
    env.clock.set(T0)
    const high = await activeRisk(env, { residual: [3, 4] }) // 12 High
    await refuseRequest(
      'mgr',
      high.id,
      'mgr3',
      {},
      {
        code: 'VALIDATION',
        message: "The approver's role cannot accept a High risk.",
        fields: ['approver_id'],
      },
    )
    expect(await request('mgr', high.id, 'ro')).toMatchObject({ state: 'PENDING', bound_residual_band: 'HIGH' })

    const critical = await activeRisk(env, { inherent: [4, 5], residual: [4, 4] }) // 16 Critical
    await refuseRequest(
      'mgr',
      critical.id,
      'ro',
      {},
      {
        code: 'VALIDATION',
        message: "The approver's role cannot accept a Critical risk.",
      },
    )
    expect(await request('mgr', critical.id, 'rog')).toMatchObject({
      state: 'PENDING',
      bound_residual_band: 'CRITICAL',
    })

    // A Medium risk may be accepted by a manager; the owner may approve a request someone else made.
    const medium = await activeRisk(env)
    expect(await request('ro', medium.id, 'mgr')).toMatchObject({ state: 'PENDING', requested_by: env.users['ro'] })
  })

  it('RSK-45 only the named approver decides; the register shows "Accepted until {date}"; one open acceptance per risk', async () => {
    env.clock.set(T0)
    const risk = await activeRisk(env)
    const a = await request('mgr', risk.id, 'ro', { expires_on: day(120) })
    await refuseDecision(
      'rog',
      'riskAcceptance.accept',
      a.id,
      {},
      {
        code: 'FORBIDDEN',
        message: 'Only the named approver can decide this acceptance.',
      },
    )
    await refuseDecision(
      'mgr',
      'riskAcceptance.reject',
      a.id,
      { note: NOTE_20 },
      {
        code: 'FORBIDDEN',
        message: 'Only the named approver can decide this acceptance.',
      },
    )
    await refuseDecision(
      'ro2',
      'riskAcceptance.accept',
      a.id,
      {},
      { code: 'NOT_FOUND', message: 'Risk acceptance not found.' },
    )
    await refuse(env, 'ro', 'riskAcceptance.accept', { id: a.id, expected_version: 5 }, { code: 'CONFLICT' })

    env.clock.set('2026-11-24T09:00:00.000Z')
    const done = await decide('ro', 'riskAcceptance.accept', a.id, { note: 'Agreed with the business.' })
    expect(done).toMatchObject({
      state: 'ACCEPTED',
      decided_at: '2026-11-24T09:00:00.000Z',
      decided_risk_version: await version(env, risk.id),
      decision_note: 'Agreed with the business.',
      version: 2,
    })
    expect(await registerBadge('mgr', risk.id)).toBe(`Accepted until ${day(120)}`)
    expect(await badge('emp', risk.id)).toBe(`Accepted until ${day(120)}`)
    // The requester (also the owner) hears of the decision once; the approver's request leaves the inbox.
    expect(await notificationsOf(env, risk.id, 'RISK_ACCEPTANCE_DECIDED')).toMatchObject([
      { user: 'mgr', payload: { message: `Acceptance ${a.ref} for risk ${risk.ref} was accepted.` } },
    ])
    const requested = await env.db
      .selectFrom('notification')
      .select('active')
      .where('entity_id', '=', risk.id)
      .where('event_type', '=', 'RISK_ACCEPTANCE_REQUESTED')
      .execute()
    expect(requested).toEqual([{ active: 0 }])

    await refuseRequest(
      'ro',
      risk.id,
      'rog',
      {},
      {
        code: 'WORKFLOW',
        message: 'This risk already has a pending or accepted acceptance.',
      },
    )
    await refuseDecision(
      'ro',
      'riskAcceptance.accept',
      a.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'Only PENDING acceptances can be accepted, rejected or withdrawn.',
      },
    )
    await refuseDecision(
      'mgr',
      'riskAcceptance.withdraw',
      a.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'Only PENDING acceptances can be accepted, rejected or withdrawn.',
      },
    )

    // The approver's inbox query and the risk's acceptance list.
    const mine = await env.ok('ro', 'riskAcceptance.list', { approver_id: 'me', risk_id: risk.id })
    expect(mine).toMatchObject({
      total: 1,
      items: [
        {
          id: a.id,
          state: 'ACCEPTED',
          risk_ref: risk.ref,
          available_actions: ['revoke'],
          bound_residual_band_label: 'Medium',
        },
      ],
    })
    expect((await env.ok('ro2', 'riskAcceptance.list', { risk_id: risk.id })).total).toBe(0)

    // Revocation: a 20-character reason by the approver or a risk officer, never the requester.
    await refuseDecision(
      'mgr',
      'riskAcceptance.revoke',
      a.id,
      { reason: RETIRE_REASON },
      {
        code: 'FORBIDDEN',
        message: 'Only the approver or a Risk Officer can revoke this acceptance.',
      },
    )
    await refuseDecision(
      'rog',
      'riskAcceptance.revoke',
      a.id,
      { reason: 'Too short' },
      {
        code: 'VALIDATION',
        message: 'Reason must be at least 20 characters.',
      },
    )
    const revoked = await decide('rog', 'riskAcceptance.revoke', a.id, { reason: RETIRE_REASON })
    expect(revoked).toMatchObject({ state: 'REVOKED', ended_by: env.users['rog'], end_reason: RETIRE_REASON })
    expect(await recipientsOf(env, risk.id, 'RISK_ACCEPTANCE_DECIDED')).toEqual(['mgr', 'mgr'])
    expect(await badge('mgr', risk.id)).toBeNull()
    await refuseDecision(
      'rog',
      'riskAcceptance.revoke',
      a.id,
      { reason: RETIRE_REASON },
      {
        code: 'WORKFLOW',
        message: 'Only ACCEPTED acceptances can be revoked.',
      },
    )
  })

  it('RSK-46 a rejection needs a note of at least 20 characters', async () => {
    env.clock.set(T0)
    const risk = await activeRisk(env)
    const a = await request('mgr', risk.id, 'ro')
    await refuseDecision(
      'ro',
      'riskAcceptance.reject',
      a.id,
      { note: NOTE_19 },
      {
        code: 'VALIDATION',
        message: 'A rejection needs a note of at least 20 characters.',
      },
    )
    const rejected = await decide('ro', 'riskAcceptance.reject', a.id, { note: NOTE_20 })
    expect(rejected).toMatchObject({ state: 'REJECTED', decided_at: T0, decision_note: NOTE_20 })
    expect(await notificationsOf(env, risk.id, 'RISK_ACCEPTANCE_DECIDED')).toMatchObject([
      { user: 'mgr', payload: { message: `Acceptance ${a.ref} for risk ${risk.ref} was rejected.` } },
    ])
    expect(await badge('mgr', risk.id)).toBeNull()

    // After a rejection a new request may follow; its requester (or a risk officer) may withdraw it.
    const again = await request('mgr', risk.id, 'ro')
    await refuseDecision(
      'emp',
      'riskAcceptance.withdraw',
      again.id,
      {},
      {
        code: 'FORBIDDEN',
        message: 'Only the requester or a Risk Officer can withdraw this request.',
      },
    )
    const withdrawn = await decide('mgr', 'riskAcceptance.withdraw', again.id, {})
    expect(withdrawn).toMatchObject({
      state: 'WITHDRAWN',
      ended_at: T0,
      ended_by: env.users['mgr'],
      end_reason: 'Withdrawn.',
    })
  })

  it('RSK-47 the sweep warns 30 days ahead once, keeps it valid on the expiry date and expires it the day after', async () => {
    env.clock.set(T0)
    const expires = day(60)
    const { risk, acc: a } = await accepted({}, expires)
    // A pending request past its expiry can no longer be accepted.
    const pendingRisk = await activeRisk(env)
    const pending = await request('mgr', pendingRisk.id, 'ro', { expires_on: day(10) })

    env.clock.set(`${day(-31, expires)}T08:00:00.000Z`)
    await refuseDecision(
      'ro',
      'riskAcceptance.accept',
      pending.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'The expiry date has passed. Reject this request or let the requester withdraw it.',
      },
    )
    await sweep()
    expect(await notificationsOf(env, risk.id, 'RISK_ACCEPTANCE_EXPIRING')).toEqual([])
    // The lapsed pending request is EXPIRED by the sweep.
    expect(await acc(pending.id)).toMatchObject({ state: 'EXPIRED', end_reason: 'Expired.', ended_by: null })

    env.clock.set(`${day(-30, expires)}T08:00:00.000Z`)
    await sweep()
    await sweep()
    const expiring = await notificationsOf(env, risk.id, 'RISK_ACCEPTANCE_EXPIRING')
    expect(expiring.map((n) => n.user).sort()).toEqual(['mgr', 'ro'])
    expect(expiring[0]!.payload.message).toBe(`Acceptance ${a.ref} for risk ${risk.ref} expires on ${expires}.`)
    expect((await auditOf(env, expiring[0]!.id))[0]).toMatchObject({ actor_label: 'system:riskAcceptance.sweepExpiry' })

    env.clock.set(`${expires}T23:00:00.000Z`)
    await sweep()
    expect(await acc(a.id)).toMatchObject({ state: 'ACCEPTED' })
    expect(await badge('mgr', risk.id)).toBe(`Accepted until ${expires}`)

    env.clock.set(`${day(1, expires)}T00:30:00.000Z`)
    await sweep()
    await sweep()
    expect(await acc(a.id)).toMatchObject({ state: 'EXPIRED', ended_by: null, end_reason: 'Expired.' })
    const expired = await notificationsOf(env, risk.id, 'RISK_ACCEPTANCE_EXPIRED')
    // approver ro, requester and owner mgr, BU risk officers of Retail (ro): one each.
    expect(expired.map((n) => n.user).sort()).toEqual(['mgr', 'ro'])
    expect(expired[0]!.payload.message).toBe(`Acceptance ${a.ref} for risk ${risk.ref} expired on ${expires}.`)
    expect(await badge('mgr', risk.id)).toBe('Acceptance needs renewal')
    expect(await registerBadge('ro', risk.id)).toBe('Acceptance needs renewal')
    const warnings = await env.db
      .selectFrom('notification')
      .select('active')
      .where('entity_id', '=', risk.id)
      .where('event_type', '=', 'RISK_ACCEPTANCE_EXPIRING')
      .execute()
    expect(warnings.every((w) => w.active === 0)).toBe(true)
  })

  it('RSK-48 re-approval with changed residual scores re-opens the acceptance; unchanged scores leave it', async () => {
    env.clock.set(T0)
    const { risk, acc: a } = await accepted()
    await move(env, 'ro', 'risk.requestReassessment', risk.id)
    // While reassessed the acceptance keeps its state.
    expect(await acc(a.id)).toMatchObject({ state: 'ACCEPTED' })
    await edit(env, 'ro', risk.id, { residual_likelihood: 2, residual_impact: 3 })
    await move(env, 'ro', 'risk.approve', risk.id)
    const reopened = await acc(a.id)
    expect(reopened).toMatchObject({
      state: 'REOPENED',
      end_reason: 'Material change: residual_likelihood.',
      ended_by: null,
      ended_at: T0,
    })
    // ro approved and is not told of his own change; the requester and owner mgr is.
    expect(await notificationsOf(env, risk.id, 'RISK_ACCEPTANCE_REOPENED')).toMatchObject([
      {
        user: 'mgr',
        dedupe_key: `RISK:${risk.id}:RISK_ACCEPTANCE_REOPENED:${a.id}:${env.users['mgr']}`,
        payload: {
          message: `Acceptance ${a.ref} for risk ${risk.ref} needs a new decision: Material change: residual_likelihood.`,
        },
      },
    ])
    expect(await badge('mgr', risk.id)).toBe('Acceptance needs renewal')
    const entries = await auditOf(env, a.id)
    expect(entries.at(-1)).toMatchObject({ action: 'risk.approve' })
    expect(entries.at(-1)!.correlation_id).toBe((await auditOf(env, risk.id)).at(-1)!.correlation_id)

    // The same again with unchanged scores: still ACCEPTED.
    const second = await accepted()
    await move(env, 'ro', 'risk.requestReassessment', second.risk.id)
    await move(env, 'ro', 'risk.approve', second.risk.id)
    expect(await acc(second.acc.id)).toMatchObject({ state: 'ACCEPTED', end_reason: null })
    expect(await notificationsOf(env, second.risk.id, 'RISK_ACCEPTANCE_REOPENED')).toEqual([])
    expect(await badge('mgr', second.risk.id)).toBe(`Accepted until ${day(90)}`)
  })

  it('RSK-49 unlinking a bound control re-opens the acceptance; linking or unlinking an extra control does not', async () => {
    env.clock.set(T0)
    const risk = await activeRisk(env)
    const second = await aControl(env, { title: 'Dual control on cash transfers' })
    await link(env, 'ro', risk.id, second.id)
    const a = await request('mgr', risk.id, 'ro')
    expect(a.bound_control_ids).toEqual([risk.controlId, second.id].sort())
    await decide('ro', 'riskAcceptance.accept', a.id)

    const extra = await aControl(env, { title: 'Camera surveillance of the vault' })
    await link(env, 'ro', risk.id, extra.id)
    expect(await acc(a.id)).toMatchObject({ state: 'ACCEPTED' })
    await env.ok('ro', 'risk.unlinkControl', { risk_id: risk.id, control_id: extra.id })
    expect(await acc(a.id)).toMatchObject({ state: 'ACCEPTED' })

    const r = await env.ok('rog', 'risk.unlinkControl', { risk_id: risk.id, control_id: second.id })
    expect(r.warnings).toEqual(['This may affect residual risk. Consider reassessment.'])
    expect(await acc(a.id)).toMatchObject({
      state: 'REOPENED',
      end_reason: `Material change: control ${second.ref} unlinked.`,
    })
    expect(await recipientsOf(env, risk.id, 'RISK_ACCEPTANCE_REOPENED')).toEqual(['mgr', 'ro'])
  })

  it('RSK-50 retiring a risk revokes its ACCEPTED acceptance and withdraws a PENDING one', async () => {
    env.clock.set(T0)
    const { risk, acc: a } = await accepted()
    const pendingRisk = await activeRisk(env)
    const p = await request('mgr', pendingRisk.id, 'ro')
    await move(env, 'ro', 'risk.retire', risk.id, { reason: RETIRE_REASON })
    await move(env, 'ro', 'risk.retire', pendingRisk.id, { reason: RETIRE_REASON })
    expect(await acc(a.id)).toMatchObject({
      state: 'REVOKED',
      end_reason: 'Risk retired.',
      ended_by: null,
      ended_at: T0,
    })
    expect(await acc(p.id)).toMatchObject({ state: 'WITHDRAWN', end_reason: 'Risk retired.', ended_by: null })
    expect(await badge('mgr', risk.id)).toBeNull()
    await refuseRequest(
      'mgr',
      risk.id,
      'ro',
      {},
      { code: 'WORKFLOW', message: 'Risk acceptance requires an ACTIVE risk.' },
    )
  })

  it('riskAcceptance.list filters by state, approver, requester, risk and expiry, sorted and keyset paged', async () => {
    const made: Acceptance[] = []
    for (const [n, expires] of [
      [0, day(30)],
      [1, day(10)],
      [2, day(20)],
    ] as const) {
      env.clock.set(`2026-11-2${3 + n}T09:00:00.000Z`)
      const risk = await activeRisk(env)
      made.push(await request('ro', risk.id, 'mgr3', { expires_on: expires }))
    }
    const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id)
    const queue = await env.ok('mgr3', 'riskAcceptance.list', {
      approver_id: 'me',
      state: ['PENDING'],
      ordering: 'requested_at',
    })
    expect(queue.total).toBe(3)
    expect(ids(queue)).toEqual(made.map((m) => m.id))
    expect(queue.items[0].available_actions).toEqual(['accept', 'reject'])
    expect(ids(await env.ok('mgr3', 'riskAcceptance.list', { approver_id: 'me' }))).toEqual(
      made.map((m) => m.id).reverse(),
    )
    const first = await env.ok('mgr3', 'riskAcceptance.list', { approver_id: 'me', ordering: 'expires_on', limit: 2 })
    expect(first).toMatchObject({ total: 3 })
    expect(ids(first)).toEqual([made[1]!.id, made[2]!.id])
    const rest = await env.ok('mgr3', 'riskAcceptance.list', {
      approver_id: 'me',
      ordering: 'expires_on',
      limit: 2,
      cursor: first.next_cursor,
    })
    expect(rest).toMatchObject({ next_cursor: null })
    expect(ids(rest)).toEqual([made[0]!.id])
    expect(
      ids(
        await env.ok('mgr3', 'riskAcceptance.list', {
          approver_id: 'me',
          expires_on_lte: day(20),
          ordering: 'expires_on',
        }),
      ),
    ).toEqual([made[1]!.id, made[2]!.id])
    expect(
      ids(await env.ok('ro', 'riskAcceptance.list', { requested_by: 'me', risk_id: made[2]!.risk_id as string })),
    ).toEqual([made[2]!.id])
    expect((await env.ok('mgr3', 'riskAcceptance.list', { approver_id: 'me', state: ['ACCEPTED'] })).total).toBe(0)
    expect(await env.call('mgr3', 'riskAcceptance.list', { state: ['OPEN'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})
