import { describe, expect, it } from 'vitest'
import { parseNotes } from './notes-log'

const entry = (at: string, email: string, prefix: string, content: string) =>
  `[${at} - ${email} - ${prefix}]:\n${content}\n${'-'.repeat(20)}\n`

describe('parseNotes (measures §8)', () => {
  it('reads the MEA-07 entry', () => {
    expect(
      parseNotes(entry('2026-11-23 14:05', 'emp@riskdesk.test', 'EVIDENCE', 'Firewall rule 4711 deployed.')),
    ).toEqual([
      {
        at: '2026-11-23 14:05',
        email: 'emp@riskdesk.test',
        prefix: 'EVIDENCE',
        content: 'Firewall rule 4711 deployed.',
      },
    ])
  })

  it('keeps the newest-first order and multi-line content', () => {
    const log =
      entry('2026-11-24 09:00', 'ro@riskdesk.test', 'REASON FOR RETURN', 'Attach the change ticket.\nAnd the test.') +
      entry('2026-11-23 14:05', 'emp@riskdesk.test', 'EVIDENCE', 'Done.')
    expect(parseNotes(log).map((e) => [e.prefix, e.content])).toEqual([
      ['REASON FOR RETURN', 'Attach the change ticket.\nAnd the test.'],
      ['EVIDENCE', 'Done.'],
    ])
  })

  it('leaves a quoted header inside content alone', () => {
    const quoted = 'See below:\n[2026-01-01 00:00 - x@y.z - COMMENT]:\nold'
    const log = entry('2026-11-24 09:00', 'mgr@riskdesk.test', 'COMMENT', quoted)
    expect(parseNotes(log)).toHaveLength(1)
    expect(parseNotes(log)[0]?.content).toBe(quoted)
  })

  it('keeps content that holds a line of dashes', () => {
    const log = entry('2026-11-24 09:00', 'emp@riskdesk.test', 'COMMENT', `a\n${'-'.repeat(20)}\nb`)
    expect(parseNotes(log)[0]?.content).toBe(`a\n${'-'.repeat(20)}\nb`)
  })

  it('shows text in another format as one entry', () => {
    expect(parseNotes('free text')).toEqual([{ at: '', email: '', prefix: '', content: 'free text' }])
    expect(parseNotes(null)).toEqual([])
  })
})
