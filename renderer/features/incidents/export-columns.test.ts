import { describe, expect, it } from 'vitest'
import { toCsv } from '#renderer/lib/csv'
import type { IncidentForm, IncidentRow } from '#renderer/types'
import { incidentSheet } from './export-columns'

const form = {
  reporting_currency: 'EUR',
  basel_event_types: [
    { id: 'EL2', name: 'External Fraud', level: 1, parent_id: null },
    { id: 'EL2.1', name: 'Theft and Fraud', level: 2, parent_id: 'EL2' },
  ],
} as unknown as IncidentForm

const row = {
  id: '01950000-0000-7000-8000-000000000001',
  ref: 'INC-2026-ABC-00001',
  title: 'Card fraud',
  status: 'VALIDATED',
  status_name: 'Validated',
  severity: 'medium',
  near_miss: false,
  business_unit_name: 'Retail',
  simplified_event_type_id: 'FRAUD',
  simplified_event_type_name: 'Fraud',
  basel_event_type_id: 'EL2.1',
  currency_code: 'JPY',
  gross_loss_amount: 1500000,
  net_loss_amount: 1400000,
  gross_loss_reporting: 920000,
  assignee_name: null,
  creator_name: 'Emma Park',
  current_due_at: null,
  overdue_stage: null,
  discovered_at: '2026-03-01T10:00:00.000Z',
  first_accounting_date: '2026-03-02',
  created_at: '2026-03-01T11:00:00.000Z',
  updated_at: '2026-03-03T11:00:00.000Z',
  deleted_at: null,
} as unknown as IncidentRow

describe('incident export (incidents §17)', () => {
  it('gives each amount in minor and major units, in its own currency digits, and the Basel codes', () => {
    const sheet = incidentSheet('Register', [row], form, (c) => (c === 'JPY' ? 0 : 2))
    const value = (header: string) => sheet.rows[0]?.[sheet.columns.findIndex((c) => c.header === header)]
    expect(value('Gross loss (minor units)')).toBe(1500000)
    expect(value('Gross loss')).toEqual({ minor: 1500000, digits: 0 })
    expect(value('Gross loss in reporting currency')).toEqual({ minor: 920000, digits: 2 })
    expect(value('Basel event type code')).toBe('EL2.1')
    expect(value('Basel event type')).toBe('Theft and Fraud')
    expect(value('Basel level 1 code')).toBe('EL2')
    const csv = toCsv(sheet).split('\r\n')[1]
    expect(csv).toContain(',JPY,1500000,1500000,1400000,1400000,EUR,920000,9200.00,')
  })
})
