import { z } from 'zod'
import { defineCommand, defineQuery } from '../catalogue/define'
import { fail } from '../core/errors'
import { CONTROL_EDITABLE_FIELDS } from '../controls/control.constants'
import { hasRole } from '../users/actor'
import { getSetting, type AppSettings } from './app-settings'

// The admin-editable settings of the controls library (controls.md §2.6) and the KRIs (kris.md §2.5). The
// risk settings have their own command (riskConfig.setSettings) with the risk workflow tables.

const GRACE = z.number().int().min(0).max(90)
const SETTINGS = z.strictObject({
  control_fields_locked_when_linked_active: z
    .array(z.enum(CONTROL_EDITABLE_FIELDS))
    .max(CONTROL_EDITABLE_FIELDS.length)
    .refine((a) => new Set(a).size === a.length, 'Each field can be listed once.')
    .optional(),
  evidence_max_file_mb: z.number().int().min(1).max(2048).optional(),
  kri_default_grace_days: z
    .strictObject({ DAILY: GRACE, WEEKLY: GRACE, MONTHLY: GRACE, QUARTERLY: GRACE, ANNUALLY: GRACE })
    .optional(),
})
type Key = keyof z.infer<typeof SETTINGS>
const KEYS: readonly Key[] = [
  'control_fields_locked_when_linked_active',
  'evidence_max_file_mb',
  'kri_default_grace_days',
]

const requireAdmin = (roles: Parameters<typeof hasRole>[0]) => {
  if (!hasRole(roles, 'admin')) fail.forbidden('Only administrators can change these settings.')
}

async function current(db: Parameters<typeof getSetting>[0]) {
  const out: Partial<AppSettings> = {}
  for (const key of KEYS) Object.assign(out, { [key]: await getSetting(db, key) })
  return out as Pick<AppSettings, Key>
}

export const getRcsaSettings = defineQuery({
  name: 'rcsaSettings.get',
  summary: 'The controls and KRI settings, with the fields that may be locked while a control is linked.',
  input: z.strictObject({}),
  async handler(ctx) {
    requireAdmin(ctx.actor)
    return { settings: await current(ctx.db), lockable_fields: [...CONTROL_EDITABLE_FIELDS] }
  },
})

export const setRcsaSettings = defineCommand({
  name: 'rcsaSettings.set',
  summary: 'Change the controls and KRI settings (fields locked while linked, evidence size limit, KRI grace days).',
  input: SETTINGS,
  sync: 'push',
  concurrency: 'none',
  touches: ['app_setting'],
  async handler(ctx, input) {
    requireAdmin(ctx.actor)
    const changed: Key[] = []
    for (const key of KEYS) {
      const value = input[key]
      if (value === undefined) continue
      const before = await getSetting(ctx.db, key)
      if (JSON.stringify(before) === JSON.stringify(value)) continue
      await ctx.db
        .updateTable('app_setting')
        .set({ value: JSON.stringify(value), updated_at: ctx.now, updated_by: ctx.actor.id })
        .where('key', '=', key)
        .execute()
      ctx.audit.record({
        entityType: 'app_setting',
        entityId: key,
        changes: [{ field: 'value', before, after: value }],
      })
      changed.push(key)
    }
    return { changed, settings: await current(ctx.db) }
  },
})
