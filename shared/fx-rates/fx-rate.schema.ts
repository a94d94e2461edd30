import { z } from 'zod'
import { DateOnly, Id, Version } from '../core/primitives'
import { FX_MESSAGES, isCalendarDate, normalizeRate, rateIssue } from './fx-rate.rules'

// zod only: the Exchange rates form reuses these for early feedback.

export const RateText = z
  .string({ error: FX_MESSAGES.rate })
  .transform((s) => normalizeRate(s))
  .check((c) => {
    const message = rateIssue(c.value)
    if (message) c.issues.push({ code: 'custom', message, input: c.value })
  })

export const RateDate = DateOnly.refine(isCalendarDate, 'Enter a date like 2026-11-23.')

const Source = z
  .string()
  .transform((s) => s.trim())
  .check((c) => {
    if ([...c.value].length > 200)
      c.issues.push({ code: 'custom', message: 'Source must be at most 200 characters.', input: c.value })
  })
  .transform((s) => (s === '' ? null : s))

export const CurrencyCodeInput = z.string().regex(/^[A-Z]{3}$/, FX_MESSAGES.currency)

export const CreateFxRateInput = z.strictObject({
  id: Id.optional(),
  currency_code: CurrencyCodeInput,
  rate_date: RateDate,
  rate: RateText,
  source: Source.nullable().optional(),
})
export type CreateFxRateInput = z.input<typeof CreateFxRateInput>

export const UpdateFxRateInput = z.strictObject({
  id: Id,
  expected_version: Version,
  rate: RateText.optional(),
  source: Source.nullable().optional(),
})
export type UpdateFxRateInput = z.input<typeof UpdateFxRateInput>

export const DeleteFxRateInput = z.strictObject({ id: Id, expected_version: Version })

export const ListFxRatesInput = z.strictObject({
  currency_code: z.array(CurrencyCodeInput).max(50).optional(),
  rate_date_from: RateDate.optional(),
  rate_date_to: RateDate.optional(),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
})
export type ListFxRatesInput = z.input<typeof ListFxRatesInput>
