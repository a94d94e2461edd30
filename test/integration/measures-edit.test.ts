import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aMeasure, auditOf, day, measureIn, refuse, row, T0 } from './measures-support'

type Fields = Record<string, { before: unknown; after: unknown }>

describe.each(ENGINES)('measure.update and field locks on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const update = (user: string, id: string, changes: Fields) => env.ok(user, 'measure.update', { id, changes })
  const refuseUpdate = (user: string, id: string, changes: Fields, error: { code: string; message?: string }) =>
    refuse(env, user, 'measure.update', { id, changes }, error)
  const locked = (fields: string, status: string) => ({
    code: 'WORKFLOW',
    message: `Fields ${fields} cannot be edited in ${status}.`,
  })

  it('MEA-14 in IN_PROGRESS only a non-doer officer moves the deadline and only the responsible user edits the description', async () => {
    const m = await measureIn(env, 'IN_PROGRESS', { deadline: day(10) })
    await refuseUpdate(
      'emp',
      m.id,
      { deadline: { before: day(10), after: day(20) } },
      locked('deadline', 'IN_PROGRESS'),
    )
    expect((await row(env, m.id))?.deadline).toBe(day(10))
    const r = await update('ro', m.id, { deadline: { before: day(10), after: day(30) } })
    expect(r).toMatchObject({ version: m.version + 1, changed: ['deadline'] })
    expect((await row(env, m.id))?.deadline).toBe(day(30))
    await update('emp', m.id, {
      description: { before: 'Replace the cash drawer locks.', after: 'New locks ordered.' },
    })
    expect((await row(env, m.id))?.description).toBe('New locks ordered.')
    await refuseUpdate(
      'mgr',
      m.id,
      { description: { before: 'New locks ordered.', after: 'Manager rewrite.' } },
      locked('description', 'IN_PROGRESS'),
    )
    const audit = (await auditOf(env, m.id)).filter((a) => a.action === 'measure.update')
    expect(audit.map((a) => a.changes)).toEqual([
      [{ field: 'deadline', before: day(10), after: day(30) }],
      [{ field: 'description', before: 'Replace the cash drawer locks.', after: 'New locks ordered.' }],
    ])
  })

  it('MEA-14 in PENDING_REVIEW, COMPLETED and CANCELLED every update by every user is refused and every field is read-only', async () => {
    for (const status of ['PENDING_REVIEW', 'COMPLETED', 'CANCELLED'] as const) {
      const m = await measureIn(env, status, { deadline: day(10) })
      const stored = (await row(env, m.id))!
      await refuse(env, 'rol', 'measure.get', { id: m.id }, { code: 'NOT_FOUND' })
      for (const user of ['emp', 'mgr', 'ro', 'rog']) {
        const detail = await env.ok(user, 'measure.get', { id: m.id })
        expect(detail).toMatchObject({ permissions: { editable_fields: [], can_edit: false } })
        await refuseUpdate(
          user,
          m.id,
          { description: { before: stored.description, after: 'Another text.' } },
          locked('description', status),
        )
        await refuseUpdate(user, m.id, { deadline: { before: day(10), after: day(40) } }, locked('deadline', status))
        await refuseUpdate(
          user,
          m.id,
          { responsible_user_id: { before: env.users['emp'], after: env.users['emp3'] } },
          locked('responsible_user_id', status),
        )
      }
    }
  })

  it('MEA-15 OPEN edits: the responsible user edits text and deadline, the creator hands the measure to emp3', async () => {
    const m = await aMeasure(env, { deadline: day(5) })
    const r = await update('emp', m.id, {
      description: { before: 'Replace the cash drawer locks.', after: 'Replace all drawer locks.' },
      deadline: { before: day(5), after: day(8) },
    })
    expect(r).toMatchObject({ changed: ['description', 'deadline'] })
    expect(await row(env, m.id)).toMatchObject({ description: 'Replace all drawer locks.', deadline: day(8) })
    await refuseUpdate(
      'emp',
      m.id,
      { responsible_user_id: { before: env.users['emp'], after: env.users['emp3'] } },
      locked('responsible_user_id', 'OPEN'),
    )
    await update('mgr', m.id, { responsible_user_id: { before: env.users['emp'], after: env.users['emp3'] } })
    expect((await row(env, m.id))?.responsible_user_id).toBe(env.users['emp3'])
    await refuse(env, 'emp', 'measure.get', { id: m.id }, { code: 'NOT_FOUND', message: 'Measure not found.' })
    expect(await env.ok('emp3', 'measure.get', { id: m.id })).toMatchObject({
      responsible: { id: env.users['emp3'], email: 'emp3@riskdesk.test' },
      contextual_role: 'responsible',
    })
  })

  it('MEA-15 an update to an auditor or a past deadline is refused by the value rules; an unchanged key is no change', async () => {
    const m = await aMeasure(env, { deadline: day(5) })
    await refuseUpdate(
      'mgr',
      m.id,
      { responsible_user_id: { before: env.users['emp'], after: env.users['aud'] } },
      { code: 'VALIDATION', message: 'The responsible user cannot be an auditor or administrator.' },
    )
    await refuseUpdate(
      'mgr',
      m.id,
      { deadline: { before: day(5), after: day(-1) } },
      {
        code: 'VALIDATION',
        message: 'Deadline cannot be in the past.',
      },
    )
    await refuseUpdate('mgr', m.id, { deadline: { after: day(6) } } as unknown as Fields, {
      code: 'VALIDATION',
      message: "Field 'deadline' is missing from base.",
    })
    // After = stored: not a change, so no lock check (emp may not move responsibility) and an empty audit entry.
    const same = await update('emp', m.id, { responsible_user_id: { before: 'stale', after: env.users['emp'] } })
    expect(same).toMatchObject({ version: 2, changed: [] })
    expect((await auditOf(env, m.id)).at(-1)).toMatchObject({ action: 'measure.update', changes: [] })
    await update('mgr', m.id, { deadline: { before: day(5), after: null } })
    expect((await row(env, m.id))?.deadline).toBeNull()
  })

  it('MEA-16 adm opens the deadline to the responsible user in IN_PROGRESS; terminal states and non-admins are refused', async () => {
    const m = await measureIn(env, 'IN_PROGRESS', { deadline: day(10) })
    await refuseUpdate(
      'emp',
      m.id,
      { deadline: { before: day(10), after: day(12) } },
      locked('deadline', 'IN_PROGRESS'),
    )
    const set = { status: 'IN_PROGRESS', party: 'responsible', fields: ['description', 'deadline'] }
    await refuse(env, 'ro', 'measureConfig.setEditableFields', set, {
      code: 'FORBIDDEN',
      message: 'Only administrators can change the measure configuration.',
    })
    expect(await env.ok('adm', 'measureConfig.setEditableFields', set)).toMatchObject({ added: ['deadline'] })
    const config = await env.ok('adm', 'measureConfig.get', {})
    expect(config.rows).toContainEqual({ status: 'IN_PROGRESS', party: 'responsible', field: 'deadline' })
    expect(await auditOf(env, 'IN_PROGRESS:responsible:deadline')).toHaveLength(1)
    await update('emp', m.id, { deadline: { before: day(10), after: day(12) } })
    expect((await row(env, m.id))?.deadline).toBe(day(12))

    await refuse(
      env,
      'adm',
      'measureConfig.setEditableFields',
      { ...set, status: 'COMPLETED' },
      {
        code: 'VALIDATION',
        message: 'Completed or cancelled measures cannot be edited.',
      },
    )
    await refuse(
      env,
      'adm',
      'measureConfig.setEditableFields',
      { ...set, party: 'auditor' },
      {
        code: 'VALIDATION',
        message: "Unknown party 'auditor'.",
      },
    )
    await refuse(
      env,
      'adm',
      'measureConfig.setEditableFields',
      { ...set, fields: ['notes'] },
      {
        code: 'VALIDATION',
        message: "'notes' cannot be edited on measures.",
      },
    )
    await env.ok('adm', 'measureConfig.setEditableFields', { ...set, fields: ['description'] })
    await refuseUpdate(
      'emp',
      m.id,
      { deadline: { before: day(12), after: day(14) } },
      locked('deadline', 'IN_PROGRESS'),
    )
  })

  it('MEA-27 a second save with a stale base is a CONFLICT listing description, and the first value stays', async () => {
    const m = await aMeasure(env, { description: 'Original text.' })
    await update('mgr', m.id, { description: { before: 'Original text.', after: 'Laptop edit.' } })
    const error = await refuseUpdate(
      'mgr',
      m.id,
      { description: { before: 'Original text.', after: 'Tablet edit.' } },
      {
        code: 'CONFLICT',
        message: 'This measure was changed by someone else. Reload and try again.',
      },
    )
    expect(error).toMatchObject({
      fields: [{ field: 'description', before: 'Original text.', mine: 'Tablet edit.', theirs: 'Laptop edit.' }],
    })
    expect((await row(env, m.id))?.description).toBe('Laptop edit.')
  })
})
