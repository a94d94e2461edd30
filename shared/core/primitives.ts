import { z } from 'zod'

/** UUIDv7 text, lower-case (sync.md §17). */
export const Id = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'Enter a valid id.')
/** ISO-8601 UTC with milliseconds, fixed width so text order is time order. */
export const Ts = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'Enter a UTC timestamp like 2026-11-23T14:05:09.123Z.')
export const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-11-23.')
export const Version = z.number().int().min(1)

export type Id = z.infer<typeof Id>
export type Ts = z.infer<typeof Ts>

/** Trimmed text measured in code points (spec README §2.4). */
export function text(label: string, min: number, max: number) {
  const maxText = max.toLocaleString('en-US')
  return z
    .string({ error: `${label} is required.` })
    .transform((s) => s.trim())
    .check((ctx) => {
      const n = [...ctx.value].length
      if (n < min)
        ctx.issues.push({
          code: 'custom',
          message: min <= 1 ? `${label} is required.` : `${label} must be at least ${min} characters.`,
          input: ctx.value,
        })
      else if (n > max)
        ctx.issues.push({
          code: 'custom',
          message: `${label} must be at most ${maxText} characters.`,
          input: ctx.value,
        })
    })
}

export const ROLE_CODES = [
  'employee',
  'manager',
  'risk_officer',
  'auditor',
  'admin',
  'infosec',
  'fraud_investigator',
  'group_orm',
] as const
export const Role = z.enum(ROLE_CODES)
export type Role = z.infer<typeof Role>

export const ROLE_NAMES: Record<Role, string> = {
  employee: 'Employee',
  manager: 'Manager',
  risk_officer: 'Risk Officer',
  auditor: 'Auditor',
  admin: 'Admin',
  infosec: 'InfoSec',
  fraud_investigator: 'Fraud Investigator',
  group_orm: 'Group ORM',
}
