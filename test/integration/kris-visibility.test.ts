import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aRisk, assessedRisk, move as moveRisk } from './risks-support'
import { aKri, allPages, auditOf, record, refuse, T0, type Created } from './kris-support'

describe.each(ENGINES)('KRI visibility and risk links on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const since = { first_period_start: '2026-01-01' }
  const visible = (user: string) => allPages(env, user, 'kri.list', { is_active: null })
  const opens = async (user: string, id: string) => (await env.call(user, 'kri.get', { id })).ok

  it('KRI-21 emp sees own and Retail-risk-linked KRIs; ro2 cannot open an unlinked Retail KRI; aud reads only', async () => {
    const retailRisk = await aRisk(env, { title: 'Card skimming at branches' })
    const wholesaleRisk = await aRisk(env, {
      creator: 'mgr2',
      owner: 'mgr2',
      bu: 'WHOLESALE',
      title: 'Trade settlement fails',
    })
    const own: Created = await aKri(env, { owner: 'emp', extra: since })
    const unlinked: Created = await aKri(env, { owner: 'mgr3', extra: since })
    const linked: Created = await aKri(env, { owner: 'mgr3', extra: since })
    await env.ok('ro', 'kri.linkRisk', { kri_id: linked.id, risk_id: retailRisk.id })
    const wholesale: Created = await aKri(env, { creator: 'ro2', bu: 'WHOLESALE', owner: 'emp2', extra: since })
    const crossLinked: Created = await aKri(env, { creator: 'rog', bu: 'WHOLESALE', owner: 'emp2', extra: since })
    await env.ok('rog', 'kri.linkRisk', { kri_id: crossLinked.id, risk_id: retailRisk.id })
    const retailToWholesale: Created = await aKri(env, { creator: 'rog', owner: 'mgr3', extra: since })
    await env.ok('rog', 'kri.linkRisk', { kri_id: retailToWholesale.id, risk_id: wholesaleRisk.id })

    expect((await visible('emp')).sort()).toEqual([own.id, linked.id, crossLinked.id].sort())
    expect(await opens('emp', unlinked.id)).toBe(false)
    expect(await opens('emp', wholesale.id)).toBe(false)

    await refuse(env, 'ro2', 'kri.get', { id: unlinked.id }, { code: 'NOT_FOUND', message: 'KRI not found.' })
    await refuse(env, 'ro2', 'kri.values', { kri_id: unlinked.id }, { code: 'NOT_FOUND', message: 'KRI not found.' })
    expect(await opens('ro2', retailToWholesale.id)).toBe(true)
    expect(await opens('ro2', wholesale.id)).toBe(true)

    // Managers: their BU, their reports' KRIs and linked ones; mgr2 sees Wholesale and the Wholesale-linked one.
    const mgr = await visible('mgr')
    expect(mgr).toEqual(expect.arrayContaining([own.id, unlinked.id, linked.id, crossLinked.id, retailToWholesale.id]))
    expect(mgr).not.toContain(wholesale.id)
    expect((await visible('mgr2')).sort()).toEqual([wholesale.id, crossLinked.id, retailToWholesale.id].sort())

    // Auditors read every KRI in scope and change nothing.
    const aud = await env.ok('aud', 'kri.get', { id: unlinked.id })
    expect(aud.permissions).toEqual({
      can_edit: false,
      can_record: false,
      can_set_thresholds: false,
      can_delete: false,
    })
    await refuse(
      env,
      'aud',
      'kri.recordValue',
      { kri_id: unlinked.id, period_start: '2026-01-01', value: '1' },
      {
        code: 'FORBIDDEN',
        message: 'Your role cannot change KRIs.',
      },
    )
    await refuse(
      env,
      'aud',
      'kri.linkRisk',
      { kri_id: unlinked.id, risk_id: retailRisk.id },
      {
        code: 'FORBIDDEN',
        message: 'Your role cannot change KRIs.',
      },
    )
    expect(await visible('aud')).toEqual(expect.arrayContaining([own.id, unlinked.id, wholesale.id]))
    const aud1 = await visible('aud1')
    expect(aud1).toEqual(expect.arrayContaining([own.id, unlinked.id, linked.id]))
    expect(aud1).not.toContain(wholesale.id)
    // Admin and the specialist roles see no KRI.
    expect(await visible('adm')).toEqual([])
    expect(await visible('sec')).toEqual([])
    await refuse(env, 'adm', 'kri.get', { id: own.id }, { code: 'NOT_FOUND', message: 'KRI not found.' })
  })

  it('KRI-25 risk links: retired and duplicate links refused, the risk detail lists the KRI with its status, unlink', async () => {
    const k: Created = await aKri(env, { extra: since })
    const risk = await aRisk(env, { title: 'Cash shortfalls in branches' })
    const retired = await assessedRisk(env, { title: 'Old cheque clearing' })
    await moveRisk(env, 'ro', 'risk.retire', retired.id, { reason: 'Cheque clearing was outsourced in full.' })

    await refuse(
      env,
      'ro',
      'kri.linkRisk',
      { kri_id: k.id, risk_id: retired.id },
      {
        code: 'WORKFLOW',
        message: 'Cannot link retired risks.',
      },
    )
    await env.ok('ro', 'kri.linkRisk', { kri_id: k.id, risk_id: risk.id })
    const link = await env.db.selectFrom('kri_risk').selectAll().where('kri_id', '=', k.id).executeTakeFirstOrThrow()
    expect(link).toMatchObject({ risk_id: risk.id, created_by_user_id: env.users['ro'] })
    expect((await auditOf(env, `${k.id}:${risk.id}`))[0]).toMatchObject({
      action: 'kri.linkRisk',
      entity_type: 'kri_risk',
    })
    await refuse(
      env,
      'ro',
      'kri.linkRisk',
      { kri_id: k.id, risk_id: risk.id },
      {
        code: 'WORKFLOW',
        message: 'Risk already linked.',
      },
    )
    await refuse(
      env,
      'mgr',
      'kri.linkRisk',
      { kri_id: k.id, risk_id: retired.id },
      {
        code: 'FORBIDDEN',
        message: 'Only Risk Officers can edit KRIs.',
      },
    )
    await refuse(
      env,
      'ro2',
      'kri.linkRisk',
      { kri_id: k.id, risk_id: risk.id },
      {
        code: 'NOT_FOUND',
        message: 'KRI not found.',
      },
    )

    await record(env, 'emp', k.id, '2026-02-01', '6')
    const detail = await env.ok('mgr', 'kri.listForRisk', { risk_id: risk.id })
    expect(detail).toMatchObject({
      total: 1,
      hidden_count: 0,
      items: [{ id: k.id, ref: k.ref, current_status: 'AMBER', current_value: '6', unit: 'count', is_overdue: false }],
    })
    expect((await env.ok('ro', 'kri.get', { id: k.id })).linked_risks).toMatchObject([
      { id: risk.id, status: 'DRAFT', retired: false },
    ])
    const byRisk = await env.ok('ro', 'kri.list', { risk_id: risk.id })
    expect(byRisk.items.map((i: { id: string }) => i.id)).toEqual([k.id])
    await refuse(env, 'ro2', 'kri.listForRisk', { risk_id: risk.id }, { code: 'NOT_FOUND', message: 'Risk not found.' })

    await refuse(
      env,
      'ro',
      'kri.unlinkRisk',
      { kri_id: k.id, risk_id: retired.id },
      {
        code: 'WORKFLOW',
        message: 'Risk is not linked.',
      },
    )
    await env.ok('ro', 'kri.unlinkRisk', { kri_id: k.id, risk_id: risk.id })
    expect((await env.ok('mgr', 'kri.listForRisk', { risk_id: risk.id })).items).toEqual([])
    expect((await auditOf(env, `${k.id}:${risk.id}`)).at(-1)).toMatchObject({ action: 'kri.unlinkRisk' })
  })

  it('a retired linked risk stays on the KRI with a Retired badge', async () => {
    const k: Created = await aKri(env, { extra: since })
    const risk = await assessedRisk(env, { title: 'ATM cash-out attacks' })
    await env.ok('ro', 'kri.linkRisk', { kri_id: k.id, risk_id: risk.id })
    await moveRisk(env, 'ro', 'risk.retire', risk.id, { reason: 'ATM network was sold to a partner.' })
    expect((await env.ok('ro', 'kri.get', { id: k.id })).linked_risks).toMatchObject([
      { id: risk.id, status: 'RETIRED', retired: true },
    ])
  })
})
