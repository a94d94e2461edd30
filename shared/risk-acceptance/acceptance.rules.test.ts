import { describe, expect, it } from 'vitest'
import {
  acceptanceActions,
  approverIssue,
  changedFingerprintFields,
  expiryIssue,
  fingerprintInput,
  hasAuthority,
  materialChangeReason,
  recipientsOf,
  type ApproverFacts,
  type FingerprintSource,
} from './acceptance.rules'

const AUTHORITY = [
  { band: 'LOW', role: 'manager', requires_group_scope: 0 },
  { band: 'LOW', role: 'risk_officer', requires_group_scope: 0 },
  { band: 'MEDIUM', role: 'manager', requires_group_scope: 0 },
  { band: 'MEDIUM', role: 'risk_officer', requires_group_scope: 0 },
  { band: 'HIGH', role: 'risk_officer', requires_group_scope: 0 },
  { band: 'CRITICAL', role: 'risk_officer', requires_group_scope: 1 },
]
const ro = { id: 'ro', roles: ['risk_officer' as const], groupScope: false }
const rog = { id: 'rog', roles: ['risk_officer' as const], groupScope: true }
const mgr3 = { id: 'mgr3', roles: ['manager' as const], groupScope: false }

const facts = (over: Partial<ApproverFacts> = {}): ApproverFacts => ({
  approver: ro,
  requesterId: 'mgr',
  residualBand: 'MEDIUM',
  residualBandLabel: 'Medium',
  authority: AUTHORITY,
  approverSeesRisk: true,
  ...over,
})

describe('approver rules (risks.md §12.3)', () => {
  it('checks active user, not the requester, authority for the band, then visibility — in that order', () => {
    expect(approverIssue(facts())).toBeNull()
    expect(approverIssue(facts({ approver: null, approverSeesRisk: false }))).toBe('Approver not found or inactive.')
    expect(approverIssue(facts({ requesterId: 'ro', residualBand: 'CRITICAL' }))).toBe(
      'The approver cannot be the requester.',
    )
    expect(approverIssue(facts({ approver: mgr3, residualBand: 'HIGH', residualBandLabel: 'High' }))).toBe(
      "The approver's role cannot accept a High risk.",
    )
    expect(approverIssue(facts({ approverSeesRisk: false }))).toBe('The approver cannot see this risk.')
  })

  it('ships LOW/MEDIUM for managers and officers, HIGH for officers, CRITICAL for group-scope officers', () => {
    expect(hasAuthority(mgr3, 'LOW', AUTHORITY)).toBe(true)
    expect(hasAuthority(mgr3, 'MEDIUM', AUTHORITY)).toBe(true)
    expect(hasAuthority(mgr3, 'HIGH', AUTHORITY)).toBe(false)
    expect(hasAuthority(ro, 'HIGH', AUTHORITY)).toBe(true)
    expect(hasAuthority(ro, 'CRITICAL', AUTHORITY)).toBe(false)
    expect(hasAuthority(rog, 'CRITICAL', AUTHORITY)).toBe(true)
    expect(hasAuthority({ roles: ['auditor'], groupScope: true }, 'LOW', AUTHORITY)).toBe(false)
    expect(hasAuthority(ro, null, AUTHORITY)).toBe(false)
  })
})

describe('expiry (risks.md §12.1)', () => {
  it('must be after today and within the maximum number of days', () => {
    expect(expiryIssue('2026-11-23', '2026-11-23', 365)).toBe('Expiry date must be after today.')
    expect(expiryIssue('2026-11-01', '2026-11-23', 365)).toBe('Expiry date must be after today.')
    expect(expiryIssue('2026-11-24', '2026-11-23', 365)).toBeNull()
    expect(expiryIssue('2027-11-23', '2026-11-23', 365)).toBeNull()
    expect(expiryIssue('2027-11-24', '2026-11-23', 365)).toBe('Expiry date must be within 365 days.')
    expect(expiryIssue('2026-12-24', '2026-11-23', 30)).toBe('Expiry date must be within 30 days.')
  })
})

describe('fingerprint and material change (risks.md §12.1, §12.5)', () => {
  const base: FingerprintSource = {
    basel_event_type_id: 'EL6.1',
    business_unit_id: 'bu',
    inherent_impact: 5,
    inherent_likelihood: 3,
    matrix_version_id: 'matrix-v1',
    residual_impact: 3,
    residual_likelihood: 3,
    risk_category_id: 'IT_RISK',
  }
  it('hashes exactly the eight fields, in sorted key order, numbers as numbers', () => {
    const extra = { ...base, title: 'ignored', residual_impact: '3' } as unknown as FingerprintSource
    expect(Object.keys(fingerprintInput(extra))).toEqual([
      'basel_event_type_id',
      'business_unit_id',
      'inherent_impact',
      'inherent_likelihood',
      'matrix_version_id',
      'residual_impact',
      'residual_likelihood',
      'risk_category_id',
    ])
    expect(fingerprintInput(extra)).toEqual(base)
  })

  it('names the changed fields and builds the end reason', () => {
    expect(changedFingerprintFields(base, base)).toEqual([])
    expect(changedFingerprintFields(base, { ...base, residual_likelihood: 2 })).toEqual(['residual_likelihood'])
    expect(changedFingerprintFields(base, { ...base, residual_likelihood: 2, basel_event_type_id: null })).toEqual([
      'basel_event_type_id',
      'residual_likelihood',
    ])
    expect(materialChangeReason(['residual_likelihood'])).toBe('Material change: residual_likelihood.')
    expect(materialChangeReason(['residual_impact', 'control CTL-2026-ABCD-00001 unlinked'])).toBe(
      'Material change: residual_impact, control CTL-2026-ABCD-00001 unlinked.',
    )
  })
})

describe('actions and recipients', () => {
  const f = { state: 'PENDING', approverId: 'ro', requesterId: 'mgr', riskStatus: 'ACTIVE', expiresOn: '2027-01-01' }
  it('offers accept/reject to the approver, withdraw to the requester or an officer, revoke on ACCEPTED', () => {
    expect(acceptanceActions({ id: 'ro', roles: ['risk_officer'] }, f, '2026-11-23')).toEqual([
      'accept',
      'reject',
      'withdraw',
    ])
    expect(acceptanceActions({ id: 'mgr', roles: ['manager'] }, f, '2026-11-23')).toEqual(['withdraw'])
    expect(acceptanceActions({ id: 'emp', roles: ['employee'] }, f, '2026-11-23')).toEqual([])
    expect(acceptanceActions({ id: 'mgr3', roles: ['manager'] }, { ...f, approverId: 'mgr3' }, '2027-01-02')).toEqual([
      'reject',
    ])
    expect(
      acceptanceActions(
        { id: 'mgr3', roles: ['manager'] },
        { ...f, approverId: 'mgr3', riskStatus: 'ASSESSED' },
        '2026-11-23',
      ),
    ).toEqual(['reject'])
    expect(
      acceptanceActions({ id: 'rog', roles: ['risk_officer'] }, { ...f, state: 'ACCEPTED' }, '2026-11-23'),
    ).toEqual(['revoke'])
    expect(acceptanceActions({ id: 'mgr', roles: ['manager'] }, { ...f, state: 'ACCEPTED' }, '2026-11-23')).toEqual([])
  })

  it('de-duplicates recipients and leaves out the actor', () => {
    expect(recipientsOf(['ro', 'mgr', 'mgr', null, 'ro2'], 'ro2')).toEqual(['ro', 'mgr'])
    expect(recipientsOf(['ro', 'mgr'], null)).toEqual(['ro', 'mgr'])
  })
})
