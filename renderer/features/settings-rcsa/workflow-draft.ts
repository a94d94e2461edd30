// The risk workflow settings sections edit sets of rows grouped the way the riskConfig commands replace them
// (one edge's roles, one status × role's fields, one target status's fields). A section's Save sends only the
// groups whose set changed.

export type Groups = Readonly<Record<string, readonly string[]>>

export const groupKey = (...parts: string[]) => parts.join('|')
export const keyParts = (key: string) => key.split('|')

/** Rows → sorted value sets per group; every key in `keys` is present (an empty group is a real state). */
export function groupsOf<T>(
  rows: readonly T[],
  keys: readonly string[],
  keyOf: (row: T) => string,
  valueOf: (row: T) => string,
): Groups {
  const out: Record<string, string[]> = {}
  for (const k of keys) out[k] = []
  for (const r of rows) (out[keyOf(r)] ??= []).push(valueOf(r))
  for (const k of Object.keys(out)) out[k] = [...new Set(out[k])].sort()
  return out
}

export function toggle(groups: Groups, key: string, value: string, on: boolean): Groups {
  const now = groups[key] ?? []
  const next = on ? [...new Set([...now, value])].sort() : now.filter((v) => v !== value)
  return { ...groups, [key]: next }
}

export const has = (groups: Groups, key: string, value: string) => (groups[key] ?? []).includes(value)

/** The groups whose value set differs between the saved and the edited state, in the edited state's key order. */
export function changedGroups(saved: Groups, edited: Groups): string[] {
  const same = (a: readonly string[] = [], b: readonly string[] = []) =>
    a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i])
  return Object.keys(edited).filter((k) => !same(saved[k], edited[k]))
}

/** Basel types as the category form lists them: each level-1 type followed by its level-2 children. */
export function baselTree<T extends { id: string; level: number; parent_id: string | null }>(types: readonly T[]) {
  return types
    .filter((t) => t.level === 1)
    .map((parent) => ({ parent, children: types.filter((c) => c.parent_id === parent.id) }))
}

/**
 * Ticks as the category form shows them: a child of a ticked level-1 type is included through its parent
 * (risks.md §3.4 "T is level 2 and its level-1 parent is mapped"), whatever its own tick says.
 */
export function includedThroughParent(
  ticked: ReadonlySet<string>,
  type: { level: number; parent_id: string | null },
): boolean {
  return type.level === 2 && type.parent_id !== null && ticked.has(type.parent_id)
}

/** A whole number typed in a settings field, or NaN for anything else (the command's own message then shows). */
export const wholeNumber = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : NaN)
