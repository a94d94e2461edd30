import { describe, expect, it } from 'vitest'
import { createInput, emptyForm, issueField, updateChanges } from './control-form'

describe('control form (controls.md §2.1, §11)', () => {
  it('starts as PREVENTIVE / MANUAL / IMPLEMENTED with no frequency', () => {
    const f = emptyForm('bu', 'me')
    expect([f.control_type, f.control_nature, f.implementation_status, f.control_frequency]).toEqual([
      'PREVENTIVE',
      'MANUAL',
      'IMPLEMENTED',
      '',
    ])
  })

  it('creates with the filled fields only, effectiveness as a number', () => {
    const v = { ...emptyForm('bu', 'me'), title: 'T', description: 'D', effectiveness: '4', code: '  ' }
    expect(createInput(v)).toEqual({
      title: 'T',
      description: 'D',
      control_type: 'PREVENTIVE',
      control_nature: 'MANUAL',
      implementation_status: 'IMPLEMENTED',
      effectiveness: 4,
      business_unit_id: 'bu',
      owner_id: 'me',
      group_wide: false,
    })
  })

  it('sends only what changed, each with its base', () => {
    const original = { ...emptyForm('bu', 'me'), title: 'T', description: 'D', control_frequency: 'DAILY' }
    const current = { ...original, description: 'D2 ', effectiveness: '3', code: 'A.1', title: ' T ' }
    expect(updateChanges(original, current)).toEqual({
      code: { before: null, after: 'A.1' },
      description: { before: 'D', after: 'D2 ' },
      effectiveness: { before: null, after: 3 },
    })
  })

  it('clears an optional value with null', () => {
    const original = { ...emptyForm('bu', 'me'), effectiveness: '2', reference_doc: 'SOP-1' }
    expect(updateChanges(original, { ...original, effectiveness: '', reference_doc: '' })).toEqual({
      effectiveness: { before: 2, after: null },
      reference_doc: { before: 'SOP-1', after: null },
    })
  })

  it('finds the field of create and update issues', () => {
    expect(issueField(['control_frequency'])).toBe('control_frequency')
    expect(issueField(['changes', 'control_type', 'after'])).toBe('control_type')
    expect(issueField(['id'])).toBeNull()
  })
})
