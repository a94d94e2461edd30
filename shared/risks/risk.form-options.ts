import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import { publishedMatrix } from '../risk-matrix/matrix.bands'
import { categoriesWithTypes } from './risk.categories'
import { canWriteRisks, editableFieldsOf, isReadOnlyForRisks } from './risk.rules'
import { editableRows } from './risk.store'
import { inScope } from './risk.visibility'

/**
 * The choices of the new / edit risk form (risks.md §15): active categories with their allowed Basel types,
 * the business units in the caller's scope, the active users of each (owner candidates), processes and
 * products with their BU, and the published matrix (labels, bands, colours). `can_create` drives "New risk".
 */
export const riskFormOptions = defineQuery({
  name: 'risk.formOptions',
  summary: 'Choices for the risk form: categories with allowed Basel types, BUs, owners, processes, products, matrix.',
  input: z.strictObject({}),
  async handler(ctx) {
    const units = (
      await ctx.db
        .selectFrom('business_unit')
        .select(['id', 'code', 'name'])
        .where('is_active', '=', 1)
        .orderBy('name')
        .orderBy('id')
        .execute()
    ).filter((u) => inScope(ctx.actor, u.id))
    const unitIds = new Set(units.map((u) => u.id))
    const users = await ctx.db
      .selectFrom('users')
      .select(['id', 'full_name', 'email', 'business_unit_id'])
      .where('is_active', '=', 1)
      .where('tenant_id', '=', ctx.meta.tenantId)
      .orderBy('full_name')
      .orderBy('id')
      .execute()
    const owners: Record<string, { id: string; full_name: string; email: string }[]> = {}
    for (const u of units) owners[u.id] = []
    for (const u of users)
      if (u.business_unit_id && unitIds.has(u.business_unit_id))
        owners[u.business_unit_id]!.push({ id: u.id, full_name: u.full_name, email: u.email })
    const processes = await ctx.db
      .selectFrom('business_process')
      .select(['id', 'name', 'business_unit_id'])
      .where('is_active', '=', 1)
      .orderBy('name')
      .orderBy('id')
      .execute()
    const products = await ctx.db
      .selectFrom('product')
      .select(['id', 'name', 'business_unit_id'])
      .where('is_active', '=', 1)
      .orderBy('name')
      .orderBy('id')
      .execute()
    const fits = (p: { business_unit_id: string | null }) =>
      p.business_unit_id === null || unitIds.has(p.business_unit_id)
    const canCreate = !isReadOnlyForRisks(ctx.actor.roles) && canWriteRisks(ctx.actor.roles)
    return {
      can_create: canCreate,
      /** The fields the caller may fill on a new (DRAFT) risk (§6.3 lock row); the form shows the rest read-only. */
      draft_editable_fields: canCreate ? editableFieldsOf(await editableRows(ctx.db, 'DRAFT'), ctx.actor.roles) : [],
      categories: await categoriesWithTypes(ctx.db, true),
      business_units: units,
      owners,
      processes: processes.filter(fits),
      products: products.filter(fits),
      matrix: await publishedMatrix(ctx.db),
    }
  },
})
