import { describe, expect, it } from 'vitest'
import { afterChange, BLANK, changesOf, createInput, fieldOfPath, valuesOf, type FormValues } from './risk-form'

const filled: FormValues = {
  ...BLANK,
  title: 'Card skimming at branch ATMs',
  description: 'Skimmers fitted to ATMs.',
  risk_category_id: 'FRAUD_RISK',
  business_unit_id: 'bu-retail',
  owner_id: 'u-mgr',
  inherent_likelihood: 4,
  inherent_impact: 3,
}

describe('risk form values', () => {
  it('sends only what was filled and may be filled on a draft', () => {
    const editable = [
      'title',
      'description',
      'risk_category_id',
      'basel_event_type_id',
      'business_unit_id',
      'owner_id',
      'inherent_likelihood',
      'inherent_impact',
    ] as const
    expect(createInput({ ...filled, residual_likelihood: 2 }, editable)).toEqual({
      title: 'Card skimming at branch ATMs',
      description: 'Skimmers fitted to ATMs.',
      risk_category_id: 'FRAUD_RISK',
      business_unit_id: 'bu-retail',
      owner_id: 'u-mgr',
      inherent_likelihood: 4,
      inherent_impact: 3,
    })
  })

  it('builds the fields update shape from the changed editable fields only', () => {
    const stored = valuesOf({ ...filled, basel_event_type_id: null, next_review_date: null })
    const now = {
      ...stored,
      title: 'Card skimming',
      residual_likelihood: 3,
      residual_impact: 3,
      basel_event_type_id: 'EL2.1',
    }
    expect(changesOf(stored, now, ['residual_likelihood', 'residual_impact', 'basel_event_type_id'])).toEqual({
      basel_event_type_id: { before: null, after: 'EL2.1' },
      residual_likelihood: { before: null, after: 3 },
      residual_impact: { before: null, after: 3 },
    })
    expect(changesOf(stored, { ...stored, product_id: '' }, ['product_id'])).toEqual({})
  })

  it('drops choices a new business unit or category no longer allows', () => {
    const v = afterChange(
      { ...filled, business_unit_id: 'bu-wholesale', basel_event_type_id: 'EL6', business_process_id: 'p1' },
      {
        ownersOf: () => [{ id: 'u-mgr2' }],
        processBu: () => 'bu-retail',
        productBu: () => null,
        baselAllowed: (_c, t) => t !== 'EL6',
      },
    )
    expect(v).toMatchObject({ owner_id: '', business_process_id: '', basel_event_type_id: '' })
  })

  it('maps create and update issue paths to the field', () => {
    expect(fieldOfPath(['owner_id'])).toBe('owner_id')
    expect(fieldOfPath(['changes', 'residual_impact', 'after'])).toBe('residual_impact')
    expect(fieldOfPath(['id'])).toBeNull()
  })
})
