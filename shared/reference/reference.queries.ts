import { z } from 'zod'
import { defineQuery } from '../catalogue/define'

/**
 * What the report and edit forms need: units, simplified types with hints, active currencies, the reporting
 * currency, and for the detail's edit form the processes, products, Basel lines and types, causes and the
 * simplified → Basel map.
 */
export const incidentFormOptions = defineQuery({
  name: 'reference.incidentForm',
  summary: 'Choices for the "Report an incident" form and the incident edit form.',
  input: z.strictObject({}),
  async handler(ctx) {
    const [units, types, currencies, processes, products, businessLines, baselTypes, causes, baselMap] =
      await Promise.all([
        ctx.db
          .selectFrom('business_unit')
          .select(['id', 'name', 'code'])
          .where('tenant_id', '=', ctx.meta.tenantId)
          .where('is_active', '=', 1)
          .orderBy('name')
          .execute(),
        ctx.db
          .selectFrom('simplified_event_type')
          .select(['id', 'name', 'short_desc', 'front_end_hint'])
          .where('is_active', '=', 1)
          .orderBy('sort_order')
          .execute(),
        ctx.db
          .selectFrom('currency')
          .select(['code', 'name', 'minor_unit_digits'])
          .where('is_active', '=', 1)
          .orderBy('code')
          .execute(),
        ctx.db
          .selectFrom('business_process')
          .select(['id', 'name', 'business_unit_id'])
          .where('tenant_id', '=', ctx.meta.tenantId)
          .where('is_active', '=', 1)
          .orderBy('name')
          .orderBy('id')
          .execute(),
        ctx.db
          .selectFrom('product')
          .select(['id', 'name', 'business_unit_id'])
          .where('tenant_id', '=', ctx.meta.tenantId)
          .where('is_active', '=', 1)
          .orderBy('name')
          .orderBy('id')
          .execute(),
        ctx.db
          .selectFrom('basel_business_line')
          .select(['id', 'name', 'level', 'parent_id'])
          .where('is_active', '=', 1)
          .orderBy('level')
          .orderBy('sort_order')
          .orderBy('id')
          .execute(),
        ctx.db
          .selectFrom('basel_event_type')
          .select(['id', 'name', 'level', 'parent_id'])
          .where('is_active', '=', 1)
          .orderBy('level')
          .orderBy('sort_order')
          .orderBy('id')
          .execute(),
        ctx.db
          .selectFrom('loss_cause')
          .select(['id', 'name', 'family'])
          .where('is_active', '=', 1)
          .orderBy('family')
          .orderBy('name')
          .execute(),
        ctx.db
          .selectFrom('simplified_to_basel_map')
          .select(['simplified_event_type_id', 'basel_event_type_id', 'is_default'])
          .orderBy('simplified_event_type_id')
          .orderBy('basel_event_type_id')
          .execute(),
      ])
    return {
      business_units: units,
      simplified_event_types: types,
      currencies,
      business_processes: processes,
      products,
      basel_business_lines: businessLines,
      basel_event_types: baselTypes,
      loss_causes: causes,
      // The picker lists a type's mapped Basel types first, the default one on top (incidents §7).
      basel_map: baselMap.map((m) => ({ ...m, is_default: m.is_default === 1 })),
      reporting_currency: ctx.meta.reportingCurrency,
      default_business_unit_id: ctx.actor.businessUnitId,
    }
  },
})

export const listBusinessUnits = defineQuery({
  name: 'businessUnit.list',
  summary: 'Business units with their head count (admin screen).',
  input: z.strictObject({}),
  async handler(ctx) {
    const rows = await ctx.db
      .selectFrom('business_unit as bu')
      .leftJoin('users as u', (j) => j.onRef('u.business_unit_id', '=', 'bu.id').on('u.is_active', '=', 1))
      .select((eb) => ['bu.id', 'bu.code', 'bu.name', 'bu.is_active', eb.fn.count<number>('u.id').as('user_count')])
      .where('bu.tenant_id', '=', ctx.meta.tenantId)
      .groupBy(['bu.id', 'bu.code', 'bu.name', 'bu.is_active'])
      .orderBy('bu.name')
      .execute()
    return { items: rows.map((r) => ({ ...r, is_active: r.is_active === 1, user_count: Number(r.user_count) })) }
  },
})
