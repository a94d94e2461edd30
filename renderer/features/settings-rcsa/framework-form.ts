import type { FrameworkRow } from './types'

// The framework form's values as typed, and what a save sends (controls.md §2.2, §3.2).

export const FRAMEWORK_FIELDS = ['code', 'name', 'clause_pattern', 'clause_example'] as const
export type FrameworkField = (typeof FRAMEWORK_FIELDS)[number]
export type FrameworkValues = Record<FrameworkField, string>

export const valuesOf = (f: FrameworkRow | null): FrameworkValues => ({
  code: f?.code ?? '',
  name: f?.name ?? '',
  clause_pattern: f?.clause_pattern ?? '',
  clause_example: f?.clause_example ?? '',
})

/** Blank optional text is "none" (null), as the catalogue stores it. */
const optional = (s: string) => (s.trim() === '' ? null : s)

export function createInput(v: FrameworkValues) {
  return {
    code: v.code.trim(),
    name: v.name,
    clause_pattern: optional(v.clause_pattern),
    clause_example: optional(v.clause_example),
  }
}

/** The `fields` update shape: each changed field with the value the form started from. */
export function updateChanges(row: FrameworkRow, v: FrameworkValues) {
  const next = createInput(v)
  const out: Partial<Record<FrameworkField, { before: string | null; after: string | null }>> = {}
  for (const f of FRAMEWORK_FIELDS) {
    const before = row[f] ?? null
    const after = next[f]
    if ((before ?? '').trim() !== (after ?? '').trim()) out[f] = { before, after }
  }
  return out
}

/** A VALIDATION path of framework.create (`code`) or framework.update (`changes.code.after`) → the form's field. */
export function fieldOfPath(path: readonly (string | number)[]): FrameworkField | null {
  const name = path[0] === 'changes' ? path[1] : path[0]
  return (FRAMEWORK_FIELDS as readonly unknown[]).includes(name) ? (name as FrameworkField) : null
}
