import { describe, expect, it } from 'vitest'
import {
  acceptanceBadge,
  availableActions,
  bandView,
  detailWarnings,
  FAILED_TEST_WARNING,
  isCommentParticipant,
  noteHeader,
  outsideScopeLine,
  riskPermissions,
  type PermissionFacts,
} from './risk.read-rules'

const SHIPPED = [
  { from_status: 'DRAFT', to_status: 'ASSESSED', role: 'manager' },
  { from_status: 'DRAFT', to_status: 'ASSESSED', role: 'risk_officer' },
  { from_status: 'ASSESSED', to_status: 'ACTIVE', role: 'risk_officer' },
  { from_status: 'DRAFT', to_status: 'ACTIVE', role: 'risk_officer' },
  { from_status: 'ASSESSED', to_status: 'DRAFT', role: 'risk_officer' },
  { from_status: 'ACTIVE', to_status: 'ASSESSED', role: 'risk_officer' },
  { from_status: 'ASSESSED', to_status: 'RETIRED', role: 'risk_officer' },
  { from_status: 'ACTIVE', to_status: 'RETIRED', role: 'risk_officer' },
]
const labels = (status: string, roles: Parameters<typeof availableActions>[2]) =>
  availableActions(SHIPPED, status, roles).map((a) => a.label)

describe('risk read rules', () => {
  it('offers the §5.1 rows of the status for the viewer’s roles, workshop approval on DRAFT for officers', () => {
    expect(labels('DRAFT', ['risk_officer'])).toEqual(['Submit for review', 'Approve (workshop)'])
    expect(labels('DRAFT', ['manager'])).toEqual(['Submit for review'])
    expect(labels('ASSESSED', ['risk_officer'])).toEqual(['Approve', 'Send back', 'Retire'])
    expect(labels('ASSESSED', ['manager'])).toEqual([])
    expect(labels('ACTIVE', ['risk_officer'])).toEqual(['Request reassessment', 'Retire'])
    expect(labels('RETIRED', ['risk_officer'])).toEqual([])
    expect(labels('DRAFT', ['employee'])).toEqual([])
    // A row an admin adds for a role that cannot change a risk's status offers nothing.
    expect(
      availableActions([{ from_status: 'DRAFT', to_status: 'ASSESSED', role: 'employee' }], 'DRAFT', ['employee']),
    ).toEqual([])
    expect(availableActions(SHIPPED, 'ASSESSED', ['risk_officer'])[1]).toEqual({
      command: 'risk.sendBack',
      label: 'Send back',
      to: 'DRAFT',
      reason: 'required',
    })
  })

  it('reads the badge from the latest acceptance (§12.6)', () => {
    expect(acceptanceBadge({ state: 'ACCEPTED', expires_on: '2027-05-01' })).toMatchObject({
      code: 'ACCEPTED',
      label: 'Accepted until 2027-05-01',
    })
    expect(acceptanceBadge({ state: 'PENDING', expires_on: '2027-05-01' })?.label).toBe('Acceptance pending')
    expect(acceptanceBadge({ state: 'EXPIRED', expires_on: '2027-05-01' })?.label).toBe('Acceptance needs renewal')
    expect(acceptanceBadge({ state: 'REOPENED', expires_on: '2027-05-01' })?.code).toBe('NEEDS_RENEWAL')
    for (const state of ['REJECTED', 'WITHDRAWN', 'REVOKED'])
      expect(acceptanceBadge({ state, expires_on: '2027-05-01' })).toBeNull()
    expect(acceptanceBadge(null)).toBeNull()
  })

  it('reads band labels and colours from the pinned matrix', () => {
    const matrix = {
      bands: [{ code: 'LOW', label: 'Low', min_score: 1, max_score: 25, colour: '#2E7D32', text_colour: '#FFFFFF' }],
    }
    expect(bandView(matrix, 'LOW')).toEqual({ code: 'LOW', label: 'Low', colour: '#2E7D32', text_colour: '#FFFFFF' })
    expect(bandView(matrix, null)).toBeNull()
  })

  it('knows the comment participants of §9', () => {
    const f = { ownerId: 'o', creatorId: 'c', ownerManagerId: 'om', creatorManagerId: 'cm' }
    for (const id of ['o', 'c', 'om', 'cm']) expect(isCommentParticipant({ id, roles: ['employee'] }, f)).toBe(true)
    expect(isCommentParticipant({ id: 'x', roles: ['risk_officer'] }, f)).toBe(true)
    expect(isCommentParticipant({ id: 'x', roles: ['manager'] }, f)).toBe(false)
    expect(isCommentParticipant({ id: 'o', roles: ['auditor'] }, f)).toBe(false)
  })

  it('derives the detail permissions', () => {
    const facts: PermissionFacts = {
      status: 'DRAFT',
      editableFieldCount: 11,
      creatorId: 'm',
      ownerId: 'm',
      validatedAt: null,
      participant: true,
      pinnedIsPublished: true,
      openAcceptance: false,
    }
    expect(riskPermissions({ id: 'm', roles: ['manager'] }, facts)).toMatchObject({
      can_edit: true,
      can_delete: true,
      can_comment: true,
      can_link: true,
      can_unlink: false,
      can_change_controls: true,
    })
    expect(riskPermissions({ id: 'm3', roles: ['manager'] }, facts).can_delete).toBe(false)
    expect(riskPermissions({ id: 'e', roles: ['employee'] }, { ...facts, editableFieldCount: 0 })).toMatchObject({
      can_edit: false,
      can_delete: false,
      can_link: false,
      can_unlink: false,
    })
    const retired = riskPermissions({ id: 'r', roles: ['risk_officer'] }, { ...facts, status: 'RETIRED' })
    expect(retired).toMatchObject({ can_comment: false, can_link: false, can_unlink: false })
    expect(
      riskPermissions({ id: 'm', roles: ['manager'] }, { ...facts, status: 'ACTIVE' }).can_request_acceptance,
    ).toBe(true)
  })

  it('formats note headers, the outside-scope line and the failed-test warning', () => {
    expect(noteHeader('2026-11-23T15:05:09.123+01:00', 'ro@riskdesk.test', 'RETURNED_FOR_REVISION')).toBe(
      '[2026-11-23 15:05 - ro@riskdesk.test - RETURNED FOR REVISION]:',
    )
    expect(outsideScopeLine(0)).toBeNull()
    expect(outsideScopeLine(2)).toBe('+2 linked items outside your scope')
    expect(detailWarnings([{ is_active: 1, last_test_result: 'INEFFECTIVE' }])).toEqual([FAILED_TEST_WARNING])
    expect(detailWarnings([{ is_active: 0, last_test_result: 'INEFFECTIVE' }])).toEqual([])
    expect(detailWarnings([{ is_active: true, last_test_result: 'EFFECTIVE' }])).toEqual([])
  })
})
