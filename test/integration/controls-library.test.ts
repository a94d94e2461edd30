import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aControl, auditOf, bu, controlRow, refuse, T0 } from './controls-support'

describe.each(ENGINES)('controls starter library and framework references on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const refsOf = (id: string) =>
    env.db
      .selectFrom('control_framework_ref')
      .select(['framework_id', 'clause_code', 'clause_title'])
      .where('control_id', '=', id)
      .orderBy('framework_id')
      .orderBy('clause_code')
      .execute()

  it('CTL-09 the starter library lists three templates with references; adding A.12.4.1 makes it "Added"', async () => {
    const lib = await env.ok('ro', 'controlTemplate.list', {})
    expect(lib.items.map((t: { code: string; title: string }) => [t.code, t.title])).toEqual([
      ['A.9.2.1', 'Multi-Factor Authentication'],
      ['A.12.3.1', 'Password Policy'],
      ['A.12.4.1', 'Centralized Logging'],
    ])
    expect(lib.items.map((t: { framework_refs: unknown[] }) => t.framework_refs.length)).toEqual([5, 4, 5])
    expect(lib.items[0].framework_refs[0]).toMatchObject({
      framework_code: 'ISO27001_2013',
      clause_code: 'A.9.4.2',
      clause_title: 'Secure log-on procedures',
    })
    expect(lib.items.every((t: { added: boolean }) => !t.added)).toBe(true)

    const input = {
      template_code: 'A.12.4.1',
      business_unit_id: await bu(env, 'RETAIL'),
      owner_id: env.users['mgr'],
    }
    const c = await env.ok('ro', 'control.createFromTemplate', input)
    expect(await controlRow(env, c.id)).toMatchObject({
      code: 'A.12.4.1',
      title: 'Centralized Logging',
      description: 'Collect and monitor system logs',
      control_type: 'DETECTIVE',
      control_nature: 'AUTOMATED',
      control_frequency: 'CONTINUOUS',
      implementation_status: 'IMPLEMENTED',
      group_wide: 1,
      is_active: 1,
    })
    expect(await refsOf(c.id)).toEqual([
      { framework_id: 'ISO27001_2013', clause_code: 'A.12.4.1', clause_title: 'Event logging' },
      { framework_id: 'ISO27001_2022', clause_code: 'A.8.15', clause_title: 'Logging' },
      { framework_id: 'NIST_800_53_R5', clause_code: 'AU-2', clause_title: 'Event logging' },
      { framework_id: 'NIST_800_53_R5', clause_code: 'AU-6(4)', clause_title: 'Central review and analysis' },
      {
        framework_id: 'NIST_CSF_2_0',
        clause_code: 'PR.PS-04',
        clause_title: 'Log records are generated and made available for continuous monitoring',
      },
    ])
    expect((await env.ok('ro', 'control.get', { id: c.id })).framework_refs).toHaveLength(5)
    // One audit entry for the control and one per reference, in one correlation.
    const audit = await auditOf(env, c.id)
    expect(audit).toHaveLength(1)
    const refAudit = await env.db
      .selectFrom('audit_entry')
      .select(['correlation_id'])
      .where('entity_type', '=', 'control_framework_ref')
      .where('correlation_id', '=', audit[0]!.correlation_id)
      .execute()
    expect(refAudit).toHaveLength(5)

    await refuse(env, 'ro', 'control.createFromTemplate', input, {
      code: 'VALIDATION',
      message: 'Control code already in use.',
    })
    const again = await env.ok('ro', 'controlTemplate.list', {})
    expect(again.items.map((t: { code: string; added: boolean }) => [t.code, t.added])).toEqual([
      ['A.9.2.1', false],
      ['A.12.3.1', false],
      ['A.12.4.1', true],
    ])
    await refuse(
      env,
      'mgr',
      'control.createFromTemplate',
      { ...input, template_code: 'A.9.2.1' },
      {
        code: 'FORBIDDEN',
        message: 'Only Risk Officers can create controls.',
      },
    )
    await refuse(
      env,
      'ro',
      'control.createFromTemplate',
      { ...input, template_code: 'A.9.2.1', business_unit_id: await bu(env, 'WHOLESALE') },
      { code: 'VALIDATION', message: 'Business unit is outside your scope.' },
    )
    // group_wide may be turned off in the dialog.
    const mfa = await env.ok('ro', 'control.createFromTemplate', {
      ...input,
      template_code: 'A.9.2.1',
      group_wide: false,
    })
    expect(await controlRow(env, mfa.id)).toMatchObject({ group_wide: 0, implementation_status: 'IMPLEMENTED' })
  })

  it('CTL-10 framework references: pattern, duplicates (case-insensitive), and the clause-prefix filter', async () => {
    const c = await aControl(env, { title: 'Log review' })
    const add = (clause_code: string, framework_id = 'ISO27001_2013') =>
      env.call('ro', 'control.addFrameworkRef', { control_id: c.id, framework_id, clause_code })
    expect(await add('A.12.4.1')).toMatchObject({ ok: true })
    await refuse(
      env,
      'ro',
      'control.addFrameworkRef',
      { control_id: c.id, framework_id: 'ISO27001_2013', clause_code: 'A.12.4.1' },
      { code: 'WORKFLOW', message: 'This framework reference already exists on the control.' },
    )
    await refuse(
      env,
      'ro',
      'control.addFrameworkRef',
      { control_id: c.id, framework_id: 'ISO27001_2013', clause_code: '12.4.1' },
      {
        code: 'VALIDATION',
        message: 'Clause code does not match the format for ISO/IEC 27001:2013 Annex A (e.g. A.12.4.1).',
      },
    )
    // A framework without a pattern: "Art 5" and "art 5" are the same clause.
    const fw = await env.ok('adm', 'framework.create', { code: 'LOCAL_POLICY', name: 'Local security policy' })
    expect(await add(' Art 5 ', fw.id)).toMatchObject({ ok: true })
    await refuse(
      env,
      'ro',
      'control.addFrameworkRef',
      { control_id: c.id, framework_id: fw.id, clause_code: 'art 5' },
      { code: 'WORKFLOW', message: 'This framework reference already exists on the control.' },
    )
    expect((await refsOf(c.id)).map((r) => r.clause_code).sort()).toEqual(['A.12.4.1', 'Art 5'])

    // Filtering the library by ISO27001_2013 with clause prefix "A.12" lists the control (and templates using it).
    const logging = await env
      .ok('ro', 'control.createFromTemplate', {
        template_code: 'A.12.4.1',
        business_unit_id: await bu(env, 'RETAIL'),
        owner_id: env.users['mgr'],
      })
      .catch(async () => {
        const r = await env.db
          .selectFrom('control')
          .select('id')
          .where('code', '=', 'A.12.4.1')
          .executeTakeFirstOrThrow()
        return r
      })
    const hits = await env.ok('ro', 'control.list', { framework_id: 'ISO27001_2013', clause_prefix: 'a.12' })
    const titles = hits.items.map((i: { title: string }) => i.title)
    expect(titles).toContain('Centralized Logging')
    expect(titles).toContain('Log review')
    expect(hits.items.map((i: { id: string }) => i.id)).toContain(logging.id)
    const none = await env.ok('ro', 'control.list', { framework_id: 'ISO27001_2013', clause_prefix: 'A.9' })
    expect(none.items.map((i: { title: string }) => i.title)).not.toContain('Log review')

    // Removing a reference; a deactivated framework keeps its references and takes no new ones.
    const ref = (await env.ok('ro', 'control.get', { id: c.id })).framework_refs.find(
      (r: { clause_code: string }) => r.clause_code === 'Art 5',
    )
    await env.ok('adm', 'framework.update', { id: fw.id, changes: { is_active: { before: true, after: false } } })
    await refuse(
      env,
      'ro',
      'control.addFrameworkRef',
      { control_id: c.id, framework_id: fw.id, clause_code: 'Art 6' },
      { code: 'VALIDATION', message: 'Framework is inactive.' },
    )
    expect((await refsOf(c.id)).map((r) => r.clause_code).sort()).toEqual(['A.12.4.1', 'Art 5'])
    await env.ok('ro', 'control.removeFrameworkRef', { control_id: c.id, ref_id: ref.id })
    expect((await refsOf(c.id)).map((r) => r.clause_code).sort()).toEqual(['A.12.4.1'])
    await refuse(
      env,
      'ro',
      'control.removeFrameworkRef',
      { control_id: c.id, ref_id: ref.id },
      {
        code: 'NOT_FOUND',
        message: 'Framework reference not found.',
      },
    )
  })

  it('frameworks are changed by administrators only, with code, pattern and example rules', async () => {
    await refuse(
      env,
      'ro',
      'framework.create',
      { code: 'NEW_FW', name: 'New' },
      {
        code: 'FORBIDDEN',
        message: 'Only administrators can change frameworks.',
      },
    )
    await refuse(
      env,
      'adm',
      'framework.create',
      { code: 'ISO27001_2013', name: 'Copy' },
      {
        code: 'VALIDATION',
        message: 'Framework code already in use.',
      },
    )
    await refuse(
      env,
      'adm',
      'framework.create',
      { code: 'BAD_RE', name: 'Bad', clause_pattern: '^(A' },
      {
        code: 'VALIDATION',
        message: 'Clause pattern is not a valid regular expression.',
      },
    )
    await refuse(
      env,
      'adm',
      'framework.create',
      { code: 'BAD_EX', name: 'Bad example', clause_pattern: '^\\d+$', clause_example: 'A1' },
      { code: 'VALIDATION', message: 'The example does not match the pattern.' },
    )
    const fw = await env.ok('adm', 'framework.create', {
      code: 'SOX_ITGC',
      name: 'SOX IT general controls',
      clause_pattern: '^ITGC-\\d{2}$',
      clause_example: 'ITGC-01',
    })
    await refuse(
      env,
      'adm',
      'framework.update',
      { id: fw.id, changes: { clause_example: { before: 'ITGC-01', after: 'X-1' } } },
      { code: 'VALIDATION', message: 'The example does not match the pattern.' },
    )
    await env.ok('adm', 'framework.update', {
      id: fw.id,
      changes: { name: { before: 'SOX IT general controls', after: 'SOX ITGC' } },
    })
    const list = await env.ok('ro', 'framework.list', { is_active: true })
    expect(list.items.map((f: { code: string }) => f.code)).toContain('SOX_ITGC')
    expect(list.items.map((f: { name: string }) => f.name)).toEqual(
      [...list.items.map((f: { name: string }) => f.name)].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)),
    )
  })
})
