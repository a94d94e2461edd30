import { describe, expect, it } from 'vitest'
import {
  baselTree,
  changedGroups,
  groupKey,
  groupsOf,
  includedThroughParent,
  toggle,
  wholeNumber,
} from './workflow-draft'
import { defaultVersionId, isInstalled } from './matrix-labels'
import { fieldOfPath, updateChanges, valuesOf } from './framework-form'

describe('risk workflow settings sections', () => {
  const rows = [
    { from_status: 'DRAFT', to_status: 'ASSESSED', role: 'risk_officer' },
    { from_status: 'DRAFT', to_status: 'ASSESSED', role: 'manager' },
  ]
  const keys = [groupKey('DRAFT', 'ASSESSED'), groupKey('ASSESSED', 'ACTIVE')]
  const saved = groupsOf(
    rows,
    keys,
    (r) => groupKey(r.from_status, r.to_status),
    (r) => r.role,
  )

  it('every edge is a group, empty ones included, values sorted', () => {
    expect(saved).toEqual({ 'DRAFT|ASSESSED': ['manager', 'risk_officer'], 'ASSESSED|ACTIVE': [] })
  })

  it('only the groups whose set changed are sent; ticking back cancels the change', () => {
    const on = toggle(saved, 'ASSESSED|ACTIVE', 'risk_officer', true)
    expect(changedGroups(saved, on)).toEqual(['ASSESSED|ACTIVE'])
    const off = toggle(on, 'DRAFT|ASSESSED', 'manager', false)
    expect(changedGroups(saved, off)).toEqual(['DRAFT|ASSESSED', 'ASSESSED|ACTIVE'])
    expect(changedGroups(saved, toggle(off, 'DRAFT|ASSESSED', 'manager', true))).toEqual(['ASSESSED|ACTIVE'])
  })

  it('a level-2 type under a ticked level-1 type is included through it', () => {
    const types = [
      { id: 'EL1', level: 1, parent_id: null },
      { id: 'EL1.1', level: 2, parent_id: 'EL1' },
      { id: 'EL2', level: 1, parent_id: null },
      { id: 'EL2.2', level: 2, parent_id: 'EL2' },
    ]
    expect(baselTree(types).map((g) => [g.parent.id, g.children.map((c) => c.id)])).toEqual([
      ['EL1', ['EL1.1']],
      ['EL2', ['EL2.2']],
    ])
    const ticked = new Set(['EL1', 'EL2.2'])
    expect(includedThroughParent(ticked, types[1]!)).toBe(true)
    expect(includedThroughParent(ticked, types[3]!)).toBe(false)
  })

  it('numbers as typed: whole numbers only', () => {
    expect(wholeNumber(' 365 ')).toBe(365)
    expect(wholeNumber('36.5')).toBeNaN()
    expect(wholeNumber('')).toBeNaN()
  })
})

describe('matrix versions list', () => {
  it('opens on the draft, else the published version; version 1 is the installed one', () => {
    const v = (id: string, status: string) => ({ id, status })
    expect(defaultVersionId([v('b', 'DRAFT'), v('a', 'PUBLISHED')])).toBe('b')
    expect(defaultVersionId([v('c', 'PUBLISHED'), v('a', 'SUPERSEDED')])).toBe('c')
    expect(defaultVersionId([])).toBeNull()
    expect(isInstalled({ published_by: null, published_at: '1970-01-01T00:00:00.000Z' })).toBe(true)
    expect(isInstalled({ published_by: 'u1', published_at: '2026-01-01T00:00:00.000Z' })).toBe(false)
  })
})

describe('framework form', () => {
  const row = {
    id: 'f1',
    code: 'GDPR',
    name: 'GDPR',
    clause_pattern: '^Art\\. \\d+$',
    clause_example: 'Art. 32',
    is_active: true,
    updated_at: '2026-01-01T00:00:00.000Z',
  }

  it('sends only the changed fields with their stored values; a blank pattern means none', () => {
    const v = { ...valuesOf(row), clause_pattern: '  ', name: 'GDPR (EU)' }
    expect(updateChanges(row, v)).toEqual({
      name: { before: 'GDPR', after: 'GDPR (EU)' },
      clause_pattern: { before: '^Art\\. \\d+$', after: null },
    })
    expect(updateChanges(row, valuesOf(row))).toEqual({})
  })

  it('create and update issue paths find the same field', () => {
    expect(fieldOfPath(['clause_pattern'])).toBe('clause_pattern')
    expect(fieldOfPath(['changes', 'code', 'after'])).toBe('code')
    expect(fieldOfPath(['changes'])).toBeNull()
  })
})
