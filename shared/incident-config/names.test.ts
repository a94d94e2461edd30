import { describe, expect, it } from 'vitest'
import { incidentConfigEntries } from './catalogue'
import { INCIDENT_CONFIG_NAMES } from './names'
import { fxRateEntries } from '../fx-rates/catalogue'
import { FX_RATE_NAMES } from '../fx-rates/names'

describe('module names', () => {
  it('the incident configuration and FX rate names equal their catalogue entries', () => {
    expect(INCIDENT_CONFIG_NAMES).toEqual(incidentConfigEntries.map((e) => e.name))
    expect(FX_RATE_NAMES).toEqual(fxRateEntries.map((e) => e.name))
  })
})
