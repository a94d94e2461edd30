import { describe, expect, it } from 'vitest'
import { csvField, toCsv } from './csv'
import { decimalText } from './sheet'

describe('csvField (RFC 4180)', () => {
  const t = (cell: Parameters<typeof csvField>[0], expected: string) =>
    it(`${JSON.stringify(cell)} → ${expected}`, () => expect(csvField(cell)).toBe(expected))
  t('plain', 'plain')
  t('a,b', '"a,b"')
  t('say "hi"', '"say ""hi"""')
  t('two\nlines', '"two\nlines"')
  t('cr\rhere', '"cr\rhere"')
  t('Zürich – Straße', 'Zürich – Straße')
  t(null, '')
  t(0, '0')
  t(false, 'false')
  t({ minor: 123450, digits: 2 }, '1234.50')
  t({ minor: 5, digits: 3 }, '0.005')
  t({ minor: 700, digits: 0 }, '700')
  // Text a spreadsheet would run as a formula is defused; numbers never are.
  t('=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"')
  t('+1', "'+1")
  t('@SUM(A1)', "'@SUM(A1)")
  t(-5, '-5')
})

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, ends every record with CRLF, header first', () => {
    const csv = toCsv({
      columns: [
        { header: 'Ref', kind: 'text' },
        { header: 'Gross, EUR', kind: 'decimal' },
      ],
      rows: [
        ['INC-2026-ABC-00001', { minor: 100, digits: 2 }],
        ['INC-2026-ABC-00002', null],
      ],
    })
    expect(csv).toBe('\uFEFFRef,"Gross, EUR"\r\nINC-2026-ABC-00001,1.00\r\nINC-2026-ABC-00002,\r\n')
  })
})

describe('decimalText', () => {
  it('prints amounts beyond double precision digit for digit', () => {
    expect(decimalText({ minor: 999_999_999_999_999, digits: 2 })).toBe('9999999999999.99')
    expect(decimalText({ minor: -1, digits: 2 })).toBe('-0.01')
  })
})
