import { describe, expect, it } from 'vitest'
import { transitionDef, type MeasureStatus, type TransitionCommand } from './measure.constants'
import {
  availableActions,
  contextualRole,
  editableFields,
  firstLine,
  isOverdue,
  isParticipant,
  mayDelete,
  partiesOf,
  prependNote,
  transitionRefusal,
  type Caller,
  type MeasureFacts,
} from './measure.workflow'

// The test organisation's shape: emp reports to mgr, ro reports to mgr, emp3 reports to rol.
const people: Record<string, Caller & { manager: string | null }> = {
  emp: { id: 'emp', roles: ['employee'], manager: 'mgr' },
  mgr: { id: 'mgr', roles: ['manager'], manager: null },
  ro: { id: 'ro', roles: ['risk_officer'], manager: 'mgr' },
  rog: { id: 'rog', roles: ['risk_officer'], manager: null },
  rol: { id: 'rol', roles: ['risk_officer'], manager: null },
  emp3: { id: 'emp3', roles: ['employee'], manager: 'rol' },
  aud: { id: 'aud', roles: ['auditor'], manager: null },
}
const aMeasure = (status: MeasureStatus, responsible = 'emp', creator = 'mgr'): MeasureFacts => ({
  status,
  responsibleId: responsible,
  responsibleManagerId: people[responsible]?.manager ?? null,
  creatorId: creator,
  creatorManagerId: people[creator]?.manager ?? null,
})
const caller = (name: string): Caller => people[name]!
const outcome = (who: string, command: TransitionCommand, m: MeasureFacts) =>
  transitionRefusal(transitionDef(command), caller(who), m) ?? 'ok'

describe('measure transitions', () => {
  const t = (who: string, status: MeasureStatus, command: TransitionCommand, expected: string, responsible = 'emp') =>
    it(`${who} ${status} ${command} (responsible ${responsible}) → ${expected}`, () =>
      expect(outcome(who, command, aMeasure(status, responsible))).toBe(expected))
  t('emp', 'OPEN', 'measure.start', 'ok')
  t('mgr', 'OPEN', 'measure.start', 'ok')
  t('ro', 'OPEN', 'measure.start', "Role 'Risk Officer' is not authorized to move from 'OPEN' to 'IN_PROGRESS'.")
  t('emp', 'IN_PROGRESS', 'measure.submitForReview', 'ok')
  t('ro', 'IN_PROGRESS', 'measure.submitForReview', 'ok', 'ro')
  t('ro', 'PENDING_REVIEW', 'measure.complete', 'ok')
  t('ro', 'PENDING_REVIEW', 'measure.returnToProgress', 'ok')
  t('mgr', 'PENDING_REVIEW', 'measure.complete', 'Only Risk Officers can complete measures.', 'ro')
  t('emp', 'PENDING_REVIEW', 'measure.returnToProgress', 'Only Risk Officers can return measures to progress.')
  t('emp', 'IN_PROGRESS', 'measure.cancel', 'Only Risk Officers can cancel measures.')
  t(
    'ro',
    'PENDING_REVIEW',
    'measure.complete',
    'Segregation of duties: you are responsible for this measure or manage its responsible user, so you cannot complete it.',
    'ro',
  )
  t(
    'rol',
    'IN_PROGRESS',
    'measure.cancel',
    'Segregation of duties: you are responsible for this measure or manage its responsible user, so you cannot cancel it.',
    'emp3',
  )
  t('rog', 'PENDING_REVIEW', 'measure.complete', 'ok', 'ro')
  t('ro', 'OPEN', 'measure.cancel', "Transition from 'OPEN' to 'CANCELLED' is not defined.")
  t('ro', 'COMPLETED', 'measure.returnToProgress', "Status 'COMPLETED' has no defined transitions.")
  t('emp', 'CANCELLED', 'measure.start', "Status 'CANCELLED' has no defined transitions.")
})

describe('measure parties, actions and gates', () => {
  it('the responsible user and their manager act as responsible; a doer officer is not the risk_officer party', () => {
    expect(contextualRole(caller('mgr'), aMeasure('OPEN'))).toBe('responsible')
    expect(contextualRole(caller('ro'), aMeasure('OPEN'))).toBe('risk_officer')
    expect(partiesOf(caller('mgr'), aMeasure('OPEN'))).toEqual(['responsible_manager', 'creator'])
    expect(partiesOf(caller('rol'), aMeasure('OPEN', 'emp3', 'ro'))).toEqual(['responsible_manager'])
    expect(partiesOf(caller('ro'), aMeasure('OPEN', 'emp3', 'ro'))).toEqual(['creator', 'risk_officer'])
  })
  it('editable fields are the union over parties, and nothing in a terminal state', () => {
    const rows = [
      { party: 'responsible', field: 'deadline' },
      { party: 'creator', field: 'responsible_user_id' },
      { party: 'creator', field: 'description' },
    ]
    expect(editableFields('OPEN', ['responsible', 'creator'], rows)).toEqual([
      'description',
      'deadline',
      'responsible_user_id',
    ])
    expect(editableFields('OPEN', ['risk_officer'], rows)).toEqual([])
    expect(editableFields('COMPLETED', ['creator'], rows)).toEqual([])
  })
  it('MEA-26 actions per caller on a PENDING_REVIEW measure, none for an auditor', () => {
    const m = aMeasure('PENDING_REVIEW')
    expect(availableActions(caller('emp'), m)).toEqual([])
    expect(availableActions(caller('ro'), m).map((a) => a.label)).toEqual([
      'Return to Progress',
      'Complete Measure',
      'Cancel Measure',
    ])
    expect(availableActions(caller('aud'), m)).toEqual([])
    expect(availableActions(caller('mgr'), aMeasure('OPEN')).map((a) => a.label)).toEqual(['Start Progress'])
  })
  it('delete and comment gates', () => {
    const m = aMeasure('OPEN', 'emp3', 'ro')
    expect(['mgr', 'rol', 'ro', 'emp3'].map((u) => mayDelete(caller(u), m))).toEqual([true, true, true, false])
    expect(isParticipant(caller('aud'), m)).toBe(false)
    expect(isParticipant(caller('emp3'), m)).toBe(true)
  })
})

describe('measure notes and derived values', () => {
  it('MEA-07 a notes entry is prepended in the §8 format', () => {
    const first = prependNote(null, '2026-11-23T14:05:09.123Z', 'emp@riskdesk.test', 'EVIDENCE', 'Firewall rule.')
    expect(first).toBe('[2026-11-23 14:05 - emp@riskdesk.test - EVIDENCE]:\nFirewall rule.\n--------------------\n')
    const second = prependNote(first, '2026-11-24T08:00:00.000Z', 'ro@riskdesk.test', 'COMMENT', 'Checked.')
    expect(second.startsWith('[2026-11-24 08:00 - ro@riskdesk.test - COMMENT]:\nChecked.\n')).toBe(true)
    expect(second.endsWith(first)).toBe(true)
  })
  it('MEA-18 overdue only before today and only while OPEN or IN_PROGRESS', () => {
    expect(isOverdue('OPEN', '2026-11-22', '2026-11-23')).toBe(true)
    expect(isOverdue('IN_PROGRESS', '2026-11-23', '2026-11-23')).toBe(false)
    expect(isOverdue('COMPLETED', '2026-01-01', '2026-11-23')).toBe(false)
    expect(isOverdue('OPEN', null, '2026-11-23')).toBe(false)
  })
  it('lists show the first line cut at 120 characters', () => {
    expect(firstLine('Line one\nLine two')).toBe('Line one')
    expect([...firstLine('x'.repeat(130))].length).toBe(120)
  })
})
