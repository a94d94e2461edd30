import { mayCreateControls } from './control.create'
import { z } from 'zod'
import { defineCommand, defineQuery } from '../catalogue/define'
import { fail } from '../core/errors'
import { Id } from '../core/primitives'
import { insertControl } from './control.create'
import { insertFrameworkRef } from './control.frameworks'
import { controlValueIssues, refuseReadOnly } from './control.store'

type TemplateRef = { framework: string; clause: string; title: string | null }

/** Library codes in their natural order (A.9.2.1 before A.12.3.1). */
export const naturalCompare = (a: string, b: string) =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0)

/**
 * controls.md §5 `control.createFromTemplate`: template (NOT_FOUND) → read-only role → risk officer → BU in
 * scope, owner, code unused (VALIDATION "Control code already in use."). The control and every framework
 * reference of the template are written in one transaction; group-wide by default.
 */
export const createControlFromTemplate = defineCommand({
  name: 'control.createFromTemplate',
  summary: 'Add a starter-library control with its framework references.',
  input: z.strictObject({
    id: Id.optional(),
    template_code: z.string().trim().min(1).max(50),
    business_unit_id: Id,
    owner_id: Id,
    group_wide: z.boolean().optional(),
  }),
  sync: 'push',
  concurrency: 'none',
  touches: ['control', 'control_framework_ref'],
  creates: { prefix: 'CTL' },
  async handler(ctx, input) {
    const t = await ctx.db
      .selectFrom('control_template')
      .selectAll()
      .where('code', '=', input.template_code)
      .executeTakeFirst()
    if (!t) fail.notFound('Control template')
    refuseReadOnly(ctx.actor)
    if (!mayCreateControls(ctx.actor)) fail.forbidden('Only Risk Officers can create controls.')
    const issues = await controlValueIssues(ctx, {
      business_unit_id: input.business_unit_id,
      owner_id: input.owner_id,
      code: t.code,
    })
    if (issues.length > 0)
      fail.validation(issues.map((i) => (i.path[0] === 'code' ? { ...i, path: ['template_code'] } : i)))
    const control = await insertControl(ctx, {
      code: t.code,
      title: t.title,
      description: t.description,
      control_type: t.control_type,
      control_nature: t.control_nature,
      control_frequency: t.control_frequency,
      implementation_status: t.implementation_status,
      effectiveness: null,
      business_unit_id: input.business_unit_id,
      business_process_id: null,
      owner_id: input.owner_id,
      reference_doc: null,
      group_wide: input.group_wide ?? true,
    })
    const refs = JSON.parse(t.framework_refs) as TemplateRef[]
    for (const r of refs)
      await insertFrameworkRef(ctx, control, {
        framework_id: r.framework,
        clause_code: r.clause,
        clause_title: r.title,
      })
    return { id: control.id, ref: control.ref, version: control.version, framework_refs: refs.length }
  },
})

/** controls.md §5 and §12 `controlTemplate.list`: the starter library by code, "Added" when the code is in use. */
export const listControlTemplates = defineQuery({
  name: 'controlTemplate.list',
  summary: 'The starter library with its framework references.',
  input: z.strictObject({}),
  async handler(ctx) {
    const [templates, frameworks, used] = await Promise.all([
      ctx.db.selectFrom('control_template').selectAll().execute(),
      ctx.db.selectFrom('framework').select(['id', 'code', 'name']).execute(),
      ctx.db
        .selectFrom('control')
        .select((eb) => eb.fn<string>('lower', ['code']).as('code'))
        .where('tenant_id', '=', ctx.meta.tenantId)
        .where('code', 'is not', null)
        .execute(),
    ])
    const inUse = new Set(used.map((u) => u.code))
    const fw = new Map(frameworks.map((f) => [f.id, f]))
    return {
      items: templates
        .sort((a, b) => naturalCompare(a.code, b.code))
        .map((t) => ({
          code: t.code,
          title: t.title,
          description: t.description,
          control_type: t.control_type,
          control_nature: t.control_nature,
          control_frequency: t.control_frequency,
          implementation_status: t.implementation_status,
          added: inUse.has(t.code.toLowerCase()),
          framework_refs: (JSON.parse(t.framework_refs) as TemplateRef[]).map((r) => ({
            framework_id: r.framework,
            framework_code: fw.get(r.framework)?.code ?? r.framework,
            framework_name: fw.get(r.framework)?.name ?? r.framework,
            clause_code: r.clause,
            clause_title: r.title,
          })),
        })),
    }
  },
})
