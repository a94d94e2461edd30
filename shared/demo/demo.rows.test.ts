import { describe, expect, it } from 'vitest'
import type { DemoFacts } from './demo.facts'
import { buildDemoIncident } from './demo.rows'
import { mulberry32 } from './mulberry32'

const NOW = '2026-11-23T14:05:09.123Z'
const DAY = 86_400_000
const creator = (id: string, managerId: string) => ({
  id,
  managerId,
  assigneeRiskOfficerId: `ro-${id}`,
  validatorId: `ro-${id}`,
})
const FACTS: DemoFacts = {
  reportingCurrency: 'EUR',
  reportingDigits: 2,
  units: [
    {
      id: 'retail',
      name: 'Retail',
      processId: 'p1',
      productId: 'pr1',
      businessLineId: 'RB',
      creators: [creator('e1', 'm1')],
    },
    {
      id: 'wholesale',
      name: 'Wholesale',
      processId: 'p2',
      productId: 'pr2',
      businessLineId: 'CB',
      creators: [creator('e2', 'm2'), creator('e3', 'm2')],
    },
  ],
  types: [
    { id: 'FRAUD', name: 'Fraud', defaultBaselId: 'EL2' },
    { id: 'OTHER', name: 'Other / Unsure', defaultBaselId: null },
  ],
  causeIds: ['C1', 'C2'],
  baselLevel1Ids: ['EL1', 'EL2', 'EL3', 'EL4', 'EL5', 'EL6', 'EL7'],
  sla: { draft: 7, review: 5, validation: 10 },
}

const run = (state: number, n: number, now = NOW) => {
  const rng = mulberry32(state)
  return Array.from({ length: n }, () => buildDemoIncident(rng, FACTS, now))
}

describe('buildDemoIncident', () => {
  it('the same state and now give the same incidents; another state gives others', () => {
    expect(run(9, 200)).toEqual(run(9, 200))
    expect(run(10, 200)).not.toEqual(run(9, 200))
  })

  it('keeps every time inside the §12 windows and every row consistent with its status', () => {
    const now = Date.parse(NOW)
    for (const { incident: i, recovery } of run(1, 3000)) {
      const occurred = Date.parse(i.occurred_at)
      expect(occurred).toBeGreaterThanOrEqual(now - 90 * DAY)
      expect(occurred).toBeLessThan(now - 6 * DAY)
      const h1 = (Date.parse(i.discovered_at) - occurred) / 3_600_000
      expect(Number.isInteger(h1) && h1 >= 1 && h1 <= 48).toBe(true)
      expect(i.created_at).toBe(i.discovered_at)
      expect(i.net_loss_amount).toBe(i.gross_loss_amount - (recovery?.amount ?? 0))
      expect(i.title.startsWith(i.simplified_event_type_id === 'FRAUD' ? 'Fraud – ' : 'Other / Unsure – ')).toBe(true)
      if (i.status === 'CLOSED') {
        expect(i.resolved_at).toBe(i.closed_at)
        expect(i.validated_at! <= i.closed_at!).toBe(true)
        expect(i.basel_event_type_id).not.toBeNull()
        expect(i.first_accounting_date! <= NOW.slice(0, 10)).toBe(true)
        expect(i.current_due_at).toBeNull()
      } else {
        expect(recovery).toBeNull()
        expect(i.resolved_at).toBeNull()
      }
      if (i.status === 'DRAFT') expect(i.draft_due_at).toBe(i.current_due_at)
      if (i.status === 'PENDING_REVIEW')
        expect(i.assigned_to_user_id).toBe(i.business_unit_id === 'retail' ? 'm1' : 'm2')
      if (i.current_due_at) {
        const days = (Date.parse(i.current_due_at) - now) / DAY
        expect(Number.isInteger(days) && days >= 1 && days <= 10).toBe(true)
      }
      if (recovery) {
        expect(recovery.amount).toBeGreaterThanOrEqual(1)
        expect(recovery.amount).toBeLessThan(i.gross_loss_amount * 0.5)
        expect(recovery.received_on >= i.first_accounting_date!).toBe(true)
        expect(recovery.received_on <= NOW.slice(0, 10)).toBe(true)
      }
    }
  })

  it('Other / Unsure gets a level-1 Basel type, a mapped type its default', () => {
    const classified = run(2, 2000)
      .map((d) => d.incident)
      .filter((i) => i.basel_event_type_id !== null)
    const other = new Set(
      classified.filter((i) => i.simplified_event_type_id === 'OTHER').map((i) => i.basel_event_type_id),
    )
    expect(other).toEqual(new Set(FACTS.baselLevel1Ids))
    expect(
      new Set(classified.filter((i) => i.simplified_event_type_id === 'FRAUD').map((i) => i.basel_event_type_id)),
    ).toEqual(new Set(['EL2']))
  })

  it('gross lies in the severity band, scaled to the reporting currency digits', () => {
    const jpy = { ...FACTS, reportingCurrency: 'JPY', reportingDigits: 0 }
    const rng = mulberry32(5)
    const band: Record<string, [number, number]> = {
      low: [100, 9_999],
      medium: [10_000, 99_999],
      high: [100_000, 999_999],
      critical: [1_000_000, 5_000_000],
    }
    for (let k = 0; k < 1000; k++) {
      const { incident: i } = buildDemoIncident(rng, jpy, NOW)
      const [lo, hi] = band[i.severity]!
      expect(i.gross_loss_amount).toBeGreaterThanOrEqual(lo)
      expect(i.gross_loss_amount).toBeLessThanOrEqual(hi)
      expect(i.currency_code).toBe('JPY')
    }
  })
})
