import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import { EDITABLE_FIELDS, inCatalogueOrder, REQUIRABLE_FIELDS } from './config.constants'
import { requireAdmin } from './config.store'
import { loadRules } from './routing.store'
import { loadSla } from './sla.commands'

/** Everything the "Incident workflow settings" screen shows (incidents §15), for administrators only. */
export const getIncidentConfig = defineQuery({
  name: 'incidentConfig.get',
  summary: 'The incident workflow configuration and the choices its editors offer.',
  input: z.strictObject({}),
  async handler(ctx) {
    requireAdmin(ctx.actor)
    const [transitions, required, editable, sla, rules, types, maps, basel, units, currency] = await Promise.all([
      ctx.db.selectFrom('incident_allowed_transition').selectAll().execute(),
      ctx.db.selectFrom('incident_required_field').selectAll().execute(),
      ctx.db.selectFrom('incident_editable_field').selectAll().execute(),
      loadSla(ctx.db),
      loadRules(ctx.db, ctx.meta.tenantId, { activeOnly: false }),
      ctx.db.selectFrom('simplified_event_type').selectAll().orderBy('sort_order').orderBy('name').execute(),
      ctx.db
        .selectFrom('simplified_to_basel_map as m')
        .innerJoin('basel_event_type as b', 'b.id', 'm.basel_event_type_id')
        .select(['m.simplified_event_type_id', 'm.basel_event_type_id', 'm.is_default'])
        .orderBy('b.sort_order')
        .orderBy('b.id')
        .execute(),
      ctx.db
        .selectFrom('basel_event_type')
        .select(['id', 'name', 'level', 'parent_id', 'is_active'])
        .orderBy('level')
        .orderBy('sort_order')
        .execute(),
      ctx.db
        .selectFrom('business_unit')
        .select(['id', 'name', 'is_active'])
        .where('tenant_id', '=', ctx.meta.tenantId)
        .orderBy('name')
        .execute(),
      ctx.db
        .selectFrom('currency')
        .select('minor_unit_digits')
        .where('code', '=', ctx.meta.reportingCurrency)
        .executeTakeFirst(),
    ])
    const unitName = new Map(units.map((u) => [u.id, u.name]))
    const order = (fields: string[], catalogue: readonly string[]) => inCatalogueOrder(fields, catalogue)
    return {
      transitions: transitions.map((t) => ({ from: t.from_status, to: t.to_status, role: t.role })),
      required: Object.fromEntries(
        [...new Set(required.map((r) => r.target_status))].map((s) => [
          s,
          order(
            required.filter((r) => r.target_status === s).map((r) => r.field),
            REQUIRABLE_FIELDS,
          ),
        ]),
      ),
      editable: editable.map((e) => ({ status: e.status, role: e.role, field: e.field })),
      editable_order: EDITABLE_FIELDS,
      sla,
      routing_rules: rules.map((r) => ({
        ...r,
        route_to_bu_name: r.route_to_bu_id ? unitName.get(r.route_to_bu_id) : null,
      })),
      simplified_types: types.map((t) => ({
        ...t,
        is_active: t.is_active === 1,
        basel_map: maps
          .filter((m) => m.simplified_event_type_id === t.id)
          .map((m) => ({ basel_event_type_id: m.basel_event_type_id, is_default: m.is_default === 1 })),
      })),
      basel_event_types: basel.map((b) => ({ ...b, is_active: b.is_active === 1 })),
      business_units: units.map((u) => ({ ...u, is_active: u.is_active === 1 })),
      reporting_currency: { code: ctx.meta.reportingCurrency, digits: currency?.minor_unit_digits ?? 2 },
    }
  },
})
