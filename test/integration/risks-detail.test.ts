import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noteHeader } from '#shared/risks/risk.read-rules'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aMeasure } from './measures-support'
import { activeRisk, aControl, aRisk, buId, link, move, refuse, T0, TODAY } from './risks-support'

// risks.md §4 visibility, §9 comments, §15–§16 `risk.get` and `risk.notes` (RSK-23, RSK-29).

type Action = { label: string; command: string }

describe.each(ENGINES)('risk detail, visibility and comments on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const detail = (user: string, id: string) => env.ok(user, 'risk.get', { id })
  const listIds = async (user: string, filters: Record<string, unknown> = {}) =>
    (await env.ok(user, 'risk.list', { limit: 100, ...filters })).items.map((r: { id: string }) => r.id)

  it('RSK-23 emp sees Retail risks without edit actions; ro2 gets NOT_FOUND; rog sees every BU; adm and infosec see none', async () => {
    const retail = await aRisk(env)
    const wholesale = await aRisk(env, { creator: 'mgr2', owner: 'mgr2', bu: 'WHOLESALE' })

    const asEmp = await detail('emp', retail.id)
    expect(asEmp.available_actions).toEqual([])
    expect(asEmp.editable_fields).toEqual([])
    expect(asEmp.permissions).toMatchObject({
      can_edit: false,
      can_delete: false,
      can_link: false,
      can_unlink: false,
    })
    expect(await listIds('emp')).toContain(retail.id)
    expect(await listIds('emp')).not.toContain(wholesale.id)

    for (const user of ['ro2', 'adm', 'sec'])
      await refuse(env, user, 'risk.get', { id: retail.id }, { code: 'NOT_FOUND', message: 'Risk not found.' })
    expect(await listIds('ro2')).not.toContain(retail.id)
    expect(await listIds('adm')).toEqual([])
    expect(await listIds('sec')).toEqual([])
    await refuse(env, 'adm', 'risk.notes', { risk_id: retail.id }, { code: 'NOT_FOUND', message: 'Risk not found.' })

    const asRog = await listIds('rog')
    expect(asRog).toEqual(expect.arrayContaining([retail.id, wholesale.id]))
    expect((await detail('rog', wholesale.id)).id).toBe(wholesale.id)
    // An auditor reads in scope but has no action either.
    const asAud = await detail('aud', retail.id)
    expect(asAud.available_actions).toEqual([])
    expect(Object.values(asAud.permissions).every((v) => v === false)).toBe(true)
    // A deleted risk is gone for everyone.
    await move(env, 'mgr', 'risk.delete', retail.id)
    await refuse(env, 'rog', 'risk.get', { id: retail.id }, { code: 'NOT_FOUND', message: 'Risk not found.' })
    expect(await listIds('rog')).not.toContain(retail.id)
  })

  it('RSK-29 the owner’s manager comments (a COMMENT note on top with time and email); outsiders and retired risks are refused', async () => {
    const risk = await aRisk(env, { creator: 'mgr3', owner: 'emp' })
    env.clock.set('2026-11-23T15:30:00.000Z')
    await env.ok('mgr', 'risk.addComment', { risk_id: risk.id, comment: '  Please add the branch incidents.  ' })
    const notes = await env.ok('ro', 'risk.notes', { risk_id: risk.id })
    expect(notes.total).toBe(1)
    expect(notes.items[0]).toMatchObject({
      kind: 'COMMENT',
      prefix: 'COMMENT',
      body: 'Please add the branch incidents.',
      author_email: 'mgr@riskdesk.test',
      created_at: '2026-11-23T15:30:00.000Z',
    })
    expect(noteHeader(notes.items[0].created_at, notes.items[0].author_email, notes.items[0].kind)).toBe(
      '[2026-11-23 15:30 - mgr@riskdesk.test - COMMENT]:',
    )
    // The owner and any risk officer who sees the risk are participants; a comment never changes the version.
    env.clock.set('2026-11-23T15:31:00.000Z')
    await env.ok('emp', 'risk.addComment', { risk_id: risk.id, comment: 'Two more skimmers were found.' })
    env.clock.set('2026-11-23T15:32:00.000Z')
    await env.ok('ro', 'risk.addComment', { risk_id: risk.id, comment: 'Noted.' })
    env.clock.set(T0)
    const after = await env.ok('mgr', 'risk.notes', { risk_id: risk.id })
    expect(after.items.map((n: { author_email: string }) => n.author_email)).toEqual([
      'ro@riskdesk.test',
      'emp@riskdesk.test',
      'mgr@riskdesk.test',
    ])
    expect((await detail('mgr', risk.id)).version).toBe(1)
    expect((await detail('mgr', risk.id)).permissions.can_comment).toBe(true)

    const other = await aRisk(env, { creator: 'mgr3', owner: 'mgr3' })
    const forbidden = { code: 'FORBIDDEN', message: 'You do not have permission to comment on this risk.' }
    await refuse(env, 'emp', 'risk.addComment', { risk_id: other.id, comment: 'Hello' }, forbidden)
    await refuse(env, 'aud', 'risk.addComment', { risk_id: other.id, comment: 'Hello' }, forbidden)
    expect((await detail('emp', other.id)).permissions.can_comment).toBe(false)
    await refuse(
      env,
      'ro2',
      'risk.addComment',
      { risk_id: other.id, comment: 'Hello' },
      { code: 'NOT_FOUND', message: 'Risk not found.' },
    )
    await refuse(
      env,
      'mgr3',
      'risk.addComment',
      { risk_id: other.id, comment: '   ' },
      { code: 'VALIDATION', message: 'Comment must be 1–2000 characters.' },
    )
    await refuse(
      env,
      'mgr3',
      'risk.addComment',
      { risk_id: other.id, comment: 'x'.repeat(2001) },
      { code: 'VALIDATION', message: 'Comment must be 1–2000 characters.' },
    )

    const active = await activeRisk(env)
    await move(env, 'ro', 'risk.retire', active.id, { reason: 'The product line was discontinued.' })
    await refuse(
      env,
      'ro',
      'risk.addComment',
      { risk_id: active.id, comment: 'Too late.' },
      { code: 'WORKFLOW', message: 'Retired risk cannot be modified.' },
    )
    // The retirement reason is on top of the notes as RETIRED.
    expect((await env.ok('ro', 'risk.notes', { risk_id: active.id })).items[0]).toMatchObject({
      kind: 'RETIREMENT',
      prefix: 'RETIRED',
    })
  })

  it('risk.get shows bands from the pinned matrix, actions and the approval checklist per role (workshop draft)', async () => {
    const risk = await aRisk(env, { creator: 'ro', owner: 'mgr', inherent: [4, 5], residual: [3, 3] })
    const asRo = await detail('ro', risk.id)
    expect(asRo.bands).toEqual({
      inherent: { code: 'CRITICAL', label: 'Critical', colour: '#C62828', text_colour: '#FFFFFF' },
      residual: { code: 'MEDIUM', label: 'Medium', colour: '#F9A825', text_colour: '#000000' },
    })
    expect(asRo.matrix).toMatchObject({ version: 1, is_current: true })
    expect(asRo.status_label).toBe('Draft')
    expect(asRo.available_actions.map((a: Action) => a.label)).toEqual(['Submit for review', 'Approve (workshop)'])
    expect(asRo.editable_fields).toContain('residual_likelihood')
    expect(asRo.permissions).toMatchObject({ can_edit: true, can_delete: true, can_link: true, can_unlink: true })
    // The checklist names every gap before Approve: here only the missing control.
    expect(
      asRo.approval_checklist.filter((l: { ok: boolean }) => !l.ok).map((l: { message: string }) => l.message),
    ).toEqual(['At least one control must be linked before approval.'])

    const asMgr = await detail('mgr', risk.id)
    expect(asMgr.available_actions.map((a: Action) => a.label)).toEqual(['Submit for review'])
    expect(asMgr.approval_checklist).toBeNull()
    expect(asMgr.editable_fields).not.toContain('residual_likelihood')
    expect(asMgr.permissions).toMatchObject({ can_edit: true, can_delete: false, can_unlink: false })

    const control = await aControl(env)
    await link(env, 'ro', risk.id, control.id, 'Covers the cash side.')
    const linked = await detail('ro', risk.id)
    expect(linked.approval_checklist.every((l: { ok: boolean }) => l.ok)).toBe(true)
    // §5.3: no stored review date yet, so the approve dialog is offered today + 365.
    expect(linked.approval_next_review_date).toBe('2027-11-23')
    expect(asMgr.approval_next_review_date).toBeNull()
    expect(linked.control_count).toBe(1)
    expect(linked.linked.controls).toMatchObject([
      {
        id: control.id,
        notes: 'Covers the cash side.',
        linked_by_id: env.users.ro,
        is_active: true,
        inactive_badge: null,
        evidence_status: 'NONE',
        last_test_result: null,
      },
    ])
    expect(linked.warnings).toEqual([])
    await move(env, 'ro', 'risk.approve', risk.id)
    const approved = await detail('ro', risk.id)
    expect(approved.available_actions.map((a: Action) => a.label)).toEqual(['Request reassessment', 'Retire'])
    expect(approved.approval_checklist).toBeNull()
    expect(approved.next_review_date).toBe('2027-11-23')
    expect(approved.editable_fields).toEqual([])
    expect(approved.permissions).toMatchObject({ can_edit: false, can_delete: false, can_request_acceptance: true })
  })

  it('risk.get warns when a linked active control failed its last test', async () => {
    const risk = await activeRisk(env)
    expect((await detail('mgr', risk.id)).warnings).toEqual([])
    await env.ok('ro', 'control.recordTest', {
      control_id: risk.controlId,
      test_date: TODAY,
      tester_id: env.users.ro,
      result: 'INEFFECTIVE',
      notes: 'Two of ten samples were not reconciled.',
    })
    const d = await detail('mgr', risk.id)
    expect(d.warnings).toEqual(['A linked control failed its last test. Consider reassessment.'])
    expect(d.linked.controls[0]).toMatchObject({ last_test_result: 'INEFFECTIVE', last_test_date: TODAY })
  })

  it('risk.get counts linked items outside the viewer’s scope and ends the list with "+N linked items outside your scope"', async () => {
    const risk = await aRisk(env)
    // rog links a Wholesale incident and a measure done in Wholesale: neither is visible to mgr.
    const incident = await env.ok<{ id: string }>('emp2', 'incident.create', {
      title: 'Wholesale desk outage',
      description: 'Trading screens down for an hour.',
    })
    await env.ok('rog', 'risk.linkIncident', { risk_id: risk.id, incident_id: incident.id })
    const measure = await aMeasure(env, { creator: 'rog', responsible: 'emp2' })
    await env.ok('rog', 'measure.linkRisk', { id: measure.id, risk_id: risk.id })
    const own = await aMeasure(env)
    await env.ok('mgr', 'measure.linkRisk', { id: own.id, risk_id: risk.id })

    const asMgr = await detail('mgr', risk.id)
    expect(asMgr).toMatchObject({ incident_count: 1, measure_count: 2, control_count: 0, kri_count: 0 })
    expect(asMgr.linked.incidents).toEqual([])
    expect(asMgr.linked.measures.map((m: { id: string }) => m.id)).toEqual([own.id])
    expect(asMgr.linked.hidden_count).toBe(2)
    expect(asMgr.linked.outside_scope).toBe('+2 linked items outside your scope')
    const asRog = await detail('rog', risk.id)
    expect(asRog.linked.hidden_count).toBe(0)
    expect(asRog.linked.outside_scope).toBeNull()
    expect(asRog.linked.incidents).toHaveLength(1)
  })

  it('risk.get lists linked KRIs with their status chips and counts them', async () => {
    const risk = await activeRisk(env)
    const kri = await env.ok<{ id: string; ref: string }>('ro', 'kri.create', {
      name: 'Unreconciled branch accounts',
      unit: '%',
      frequency: 'MONTHLY',
      owner_id: env.users.ro,
      business_unit_id: await buId(env, 'RETAIL'),
      thresholds: { direction: 'higher_is_worse', amber: '2', red: '5', target: '0' },
    })
    await env.ok('ro', 'kri.linkRisk', { kri_id: kri.id, risk_id: risk.id })
    const d = await detail('emp', risk.id)
    expect(d.kri_count).toBe(1)
    expect(d.linked.kris).toMatchObject([{ id: kri.id, ref: kri.ref, current_status: 'NO_DATA', is_active: true }])
    expect(d.version).toBe(risk.version)
  })
})
