import { describe, expect, it } from 'vitest'
import { ApiError } from '#renderer/api'
import { buildChanges, changedFields, valuesOf, withFieldPaths, withSuggestion, type EditSource } from './edit-form'

const digits = (c: string) => (c === 'JPY' ? 0 : 2)

function anIncident(over: Partial<EditSource> = {}): EditSource {
  return {
    title: 'Card reader double charge',
    description: 'Twelve customers charged twice.',
    business_unit_id: 'bu-retail',
    business_process_id: null,
    product_id: null,
    basel_business_line_id: null,
    simplified_event_type_id: 'FRAUD',
    basel_event_type_id: null,
    cause_ids: [],
    near_miss: false,
    gross_loss_amount: 123450,
    currency_code: 'EUR',
    occurred_at: '2026-03-10T09:00:05.123Z',
    discovered_at: null,
    resolved_at: null,
    first_accounting_date: null,
    suggested_basel_event_type_id: 'EL2',
    editable_fields: ['title', 'gross_loss_amount', 'currency_code', 'basel_event_type_id', 'occurred_at', 'cause_ids'],
    ...over,
  }
}

describe('edit form values', () => {
  it('shows money in major units and keeps an unchanged form free of changes', () => {
    const i = anIncident()
    const v = valuesOf(i, digits)
    expect(v.gross_loss_amount).toBe('1234.50')
    expect(changedFields(v, v)).toEqual([])
    expect(buildChanges(i, v, v, digits).changes).toEqual({})
  })

  it('INC-34 preselects the suggestion only where the caller may set the Basel type', () => {
    const i = anIncident()
    const v = valuesOf(i, digits)
    expect(withSuggestion(v, i).basel_event_type_id).toBe('EL2')
    expect(withSuggestion(v, anIncident({ editable_fields: ['title'] })).basel_event_type_id).toBe('')
    expect(withSuggestion(v, anIncident({ suggested_basel_event_type_id: null })).basel_event_type_id).toBe('')
    // Saving sends it as a change from null: the value is saved only when the officer saves.
    expect(buildChanges(i, v, withSuggestion(v, i), digits).changes).toEqual({
      basel_event_type_id: { before: null, after: 'EL2' },
    })
  })

  it('sends only changed editable keys, with the loaded value as before', () => {
    const i = anIncident()
    const v = valuesOf(i, digits)
    const edited = {
      ...v,
      title: 'New title',
      gross_loss_amount: '2,000.5',
      description: 'locked edit',
      cause_ids: ['HUMAN_ERROR'],
    }
    expect(buildChanges(i, v, edited, digits).changes).toEqual({
      title: { before: 'Card reader double charge', after: 'New title' },
      gross_loss_amount: { before: 123450, after: 200050 },
      cause_ids: { before: [], after: ['HUMAN_ERROR'] },
    })
  })

  it('re-reads the amount with the new currency digits', () => {
    const i = anIncident()
    const v = valuesOf(i, digits)
    const r = buildChanges(i, v, { ...v, currency_code: 'JPY', gross_loss_amount: '1234' }, digits)
    expect(r.changes).toEqual({
      currency_code: { before: 'EUR', after: 'JPY' },
      gross_loss_amount: { before: 123450, after: 1234 },
    })
  })

  it('reports input errors beside their fields and sends nothing for them', () => {
    const i = anIncident()
    const v = valuesOf(i, digits)
    const r = buildChanges(i, v, { ...v, title: '  ', gross_loss_amount: '12.345' }, digits)
    expect(r.errors.title).toBe('Title is required.')
    expect(r.errors.gross_loss_amount).toBe('EUR amounts have at most 2 decimals.')
    expect(r.changes).toEqual({})
  })

  it('an untouched timestamp with milliseconds is not re-sent; a cleared one is sent as null', () => {
    const i = anIncident()
    const v = valuesOf(i, digits)
    expect(buildChanges(i, v, { ...v, title: 'x y' }, digits).changes).not.toHaveProperty('occurred_at')
    expect(buildChanges(i, v, { ...v, occurred_at: '' }, digits).changes).toEqual({
      occurred_at: { before: '2026-03-10T09:00:05.123Z', after: null },
    })
  })
})

describe('withFieldPaths', () => {
  it('maps changes.<field>.after to the field', () => {
    const e = new ApiError('VALIDATION', 'Bad', {
      code: 'VALIDATION',
      message: 'Bad',
      issues: [{ path: ['changes', 'title', 'after'], message: 'Title is required.' }],
    })
    expect(withFieldPaths(e).issues[0]?.path).toEqual(['title', 'after'])
  })
})
