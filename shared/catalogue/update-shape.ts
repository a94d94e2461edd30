import { z } from 'zod'
import { fail } from '../core/errors'

// The shared update shape of `fields` commands (spec README §2.2, Sync §7.4), for every module.

export type Change = { before: unknown; after: unknown }

/**
 * The shared update shape (spec README §2.2): `{<field>: {before, after}}`, 1–50 keys from `catalogue`, each
 * with its base value; `after` parsed by the field's own schema so errors carry the path changes.<field>.
 */
export function changesSchema<F extends string>(catalogue: readonly F[], values: Record<F, z.ZodType>) {
  return z.record(z.string(), z.unknown()).transform((raw, c) => {
    const out: Partial<Record<F, Change>> = {}
    const keys = Object.keys(raw)
    if (keys.length === 0 || keys.length > 50)
      c.issues.push({ code: 'custom', message: 'Send between 1 and 50 changes.', input: raw })
    for (const key of keys) {
      const pair = raw[key]
      if (!(catalogue as readonly string[]).includes(key)) {
        c.issues.push({ code: 'custom', message: `Unknown field '${key}'.`, path: [key], input: pair })
        continue
      }
      if (typeof pair !== 'object' || pair === null || !('before' in pair)) {
        c.issues.push({ code: 'custom', message: `Field '${key}' is missing from base.`, path: [key], input: pair })
        continue
      }
      const extra = Object.keys(pair).filter((k) => k !== 'before' && k !== 'after')
      if (extra.length > 0 || !('after' in pair)) {
        c.issues.push({ code: 'custom', message: `Send '${key}' as {before, after}.`, path: [key], input: pair })
        continue
      }
      const parsed = values[key as F].safeParse(pair.after)
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          c.issues.push({ code: 'custom', message: issue.message, path: [key, 'after', ...issue.path], input: pair })
        continue
      }
      out[key as F] = { before: pair.before, after: parsed.data }
    }
    return out
  })
}

/** Equality of stored and sent values; loss causes compare as sets. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = (a as unknown[]).map(String).sort()
    const y = (b as unknown[]).map(String).sort()
    return x.length === y.length && x.every((v, i) => v === y[i])
  }
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim()
  return (a ?? null) === (b ?? null)
}

type Json = z.infer<ReturnType<typeof z.json>>
const json = (v: unknown): Json => (v === undefined ? null : (v as Json))

/** The sent keys, in catalogue order, whose `after` differs from the stored value: the real changes. */
export function changedKeys<F extends string>(
  catalogue: readonly F[],
  sent: Partial<Record<F, Change>>,
  stored: Record<F, unknown>,
): F[] {
  return catalogue.filter((f) => sent[f] !== undefined && !sameValue(sent[f].after, stored[f]))
}

/** A change whose base is neither the stored value nor the new one fails the whole command with CONFLICT. */
export function assertFreshBase<F extends string>(
  target: { entity: string; id: string; message: string },
  keys: readonly F[],
  sent: Partial<Record<F, Change>>,
  stored: Record<F, unknown>,
): void {
  const stale = keys.filter((k) => !sameValue(sent[k]!.before, stored[k]))
  if (stale.length > 0)
    fail.conflict({
      ...target,
      fields: stale.map((f) => ({
        field: f,
        before: json(sent[f]!.before),
        mine: json(sent[f]!.after),
        theirs: json(stored[f]),
      })),
    })
}
