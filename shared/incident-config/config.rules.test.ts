import { describe, expect, it } from 'vitest'
import type { Role } from '../core/primitives'
import { baselMapIssues, editableFieldIssues, requiredFieldIssues, transitionIssues } from './config.rules'
import { REQUIRABLE_FIELDS } from './config.constants'

const first = (issues: { message: string }[]) => issues[0]?.message ?? 'ok'

describe('incident configuration save rules (incidents §13)', () => {
  const edge = (from: string, to: string, role: Role, expected: string) =>
    it(`${from} → ${to} for ${role}: ${expected}`, () =>
      expect(first(transitionIssues({ from, to, role }))).toBe(expected))
  edge('DRAFT', 'PENDING_REVIEW', 'employee', 'ok')
  edge('VALIDATED', 'CLOSED', 'risk_officer', 'ok')
  edge('DRAFT', 'CLOSED', 'employee', 'No action exists for DRAFT → CLOSED.')
  edge('CLOSED', 'DRAFT', 'risk_officer', 'No action exists for CLOSED → DRAFT.')
  edge('DRAFT', 'PENDING_REVIEW', 'auditor', "Role 'Auditor' cannot perform incident transitions.")
  edge(
    'DRAFT',
    'PENDING_REVIEW',
    'fraud_investigator',
    "Role 'Fraud Investigator' cannot perform incident transitions.",
  )

  it('requirable fields: the catalogue minus near_miss and the override, plus net_loss_amount', () => {
    expect(REQUIRABLE_FIELDS).toContain('net_loss_amount')
    expect(first(requiredFieldIssues({ status: 'VALIDATED', fields: ['net_loss_amount', 'cause_ids'] }))).toBe('ok')
    expect(first(requiredFieldIssues({ status: 'CLOSED', fields: [] }))).toBe('ok')
    for (const f of ['near_miss', 'net_loss_override', 'recoveries', 'foo'])
      expect(first(requiredFieldIssues({ status: 'PENDING_REVIEW', fields: ['title', f] }))).toBe(
        `'${f}' cannot be required.`,
      )
    expect(requiredFieldIssues({ status: 'DRAFT', fields: ['title'] })[0]?.path).toEqual(['status'])
  })

  it('editable fields: never CLOSED, only the three workflow roles, the override only for risk officers', () => {
    expect(first(editableFieldIssues({ status: 'CLOSED', role: 'risk_officer', fields: ['title'] }))).toBe(
      'Closed incidents cannot be edited.',
    )
    expect(first(editableFieldIssues({ status: 'VALIDATED', role: 'risk_officer', fields: ['recoveries'] }))).toBe('ok')
    expect(first(editableFieldIssues({ status: 'DRAFT', role: 'employee', fields: ['net_loss_override'] }))).toBe(
      'Only the Risk Officer role may override the net loss.',
    )
    expect(first(editableFieldIssues({ status: 'DRAFT', role: 'employee', fields: ['ref'] }))).toBe(
      "Unknown field 'ref'.",
    )
    expect(first(editableFieldIssues({ status: 'DRAFT', role: 'auditor', fields: [] }))).toBe(
      "Role 'Auditor' cannot edit incident fields.",
    )
  })

  it('a Basel map has known types, each once, and at most one default', () => {
    const known = new Set(['EL1', 'EL2', 'EL2.2'])
    const e = (id: string, d = false) => ({ basel_event_type_id: id, is_default: d })
    expect(baselMapIssues([e('EL2', true), e('EL1')], known)).toEqual([])
    expect(first(baselMapIssues([e('EL2', true), e('EL1', true)], known))).toBe(
      'Only one default Basel type per simplified type.',
    )
    expect(first(baselMapIssues([e('EL9')], known))).toBe('Unknown Basel event type.')
    expect(first(baselMapIssues([e('EL1'), e('EL1')], known))).toBe('Each Basel type may appear once.')
  })
})
