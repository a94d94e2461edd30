import { z } from 'zod'
import { defineQuery } from '../catalogue/define'

/** What the report form needs: units, simplified types with hints, active currencies, the reporting currency. */
export const incidentFormOptions = defineQuery({
  name: 'reference.incidentForm',
  summary: 'Choices for the "Report an incident" form.',
  input: z.strictObject({}),
  async handler(ctx) {
    const [units, types, currencies] = await Promise.all([
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
    ])
    return {
      business_units: units,
      simplified_event_types: types,
      currencies,
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
