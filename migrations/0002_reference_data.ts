import type { Kysely } from 'kysely'
import baselEventTypes from '../data/basel-event-types.json' with { type: 'json' }
import businessLines from '../data/business-lines.json' with { type: 'json' }
import currencies from '../data/currencies.json' with { type: 'json' }
import lossCauses from '../data/loss-causes.json' with { type: 'json' }
import riskCategories from '../data/risk-categories.json' with { type: 'json' }
import riskMatrix from '../data/risk-matrix-5x5.json' with { type: 'json' }
import simplifiedTypes from '../data/simplified-event-types.json' with { type: 'json' }

// Regulatory reference data, loaded from the repository's data/ files (never retyped). The codes in the
// files (EL2.2, RB, HUMAN_ERROR, EUR …) are stable identifiers and serve as the primary keys.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('basel_event_type')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('basel_event_type.id'))
    .addColumn('definition', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('corep_column', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createTable('basel_business_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('basel_business_line.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('tsa_beta', 'text')
    .addColumn('corep_row_base', 'integer')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createTable('currency')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('minor_unit_digits', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('loss_cause')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createTable('risk_category')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('allowed_event_types', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createTable('simplified_event_type')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('short_desc', 'text', (c) => c.notNull())
    .addColumn('front_end_hint', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('simplified_to_basel_map')
    .addColumn('simplified_event_type_id', 'text', (c) => c.notNull().references('simplified_event_type.id'))
    .addColumn('basel_event_type_id', 'text', (c) => c.notNull().references('basel_event_type.id'))
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('simplified_to_basel_map_pk', ['simplified_event_type_id', 'basel_event_type_id'])
    .execute()
  // The matrix is versioned data pinned per assessment (risks.md); version 1 comes from the data file.
  await db.schema
    .createTable('risk_matrix_version')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  for (const l1 of baselEventTypes.level1) {
    await db
      .insertInto('basel_event_type')
      .values({
        id: l1.code,
        name: l1.name,
        level: 1,
        parent_id: null,
        definition: l1.definition,
        sort_order: l1.sortOrder,
        corep_column: l1.corepC1701Column,
      })
      .execute()
    for (const l2 of l1.level2) {
      await db
        .insertInto('basel_event_type')
        .values({ id: l2.code, name: l2.name, level: 2, parent_id: l1.code, sort_order: l2.sortOrder })
        .execute()
    }
  }
  let order = 0
  for (const line of businessLines.lines) {
    await db
      .insertInto('basel_business_line')
      .values({
        id: line.code,
        name: line.name,
        level: 1,
        parent_id: null,
        sort_order: line.corepOrder,
        tsa_beta: line.tsaBeta ?? null,
        corep_row_base: line.corepC1701RowBase ?? null,
      })
      .execute()
    for (const l2 of line.level2 ?? []) {
      await db
        .insertInto('basel_business_line')
        .values({ id: l2.code, name: l2.name, level: 2, parent_id: line.code, sort_order: ++order })
        .execute()
    }
  }
  for (const c of currencies.currencies) {
    await db
      .insertInto('currency')
      .values({ code: c.code, name: c.name, minor_unit_digits: c.minorUnitDigits, is_active: c.isActive ? 1 : 0 })
      .execute()
  }
  for (const family of lossCauses.families) {
    for (const c of family.causes) {
      await db
        .insertInto('loss_cause')
        .values({ id: c.code, name: c.name, description: c.description, family: family.code })
        .execute()
    }
  }
  for (const c of riskCategories.categories) {
    await db
      .insertInto('risk_category')
      .values({
        id: c.code,
        name: c.name,
        description: c.description,
        allowed_event_types: JSON.stringify(c.allowedEventTypes),
        is_active: c.isActive ? 1 : 0,
      })
      .execute()
  }
  for (const t of simplifiedTypes.types) {
    await db
      .insertInto('simplified_event_type')
      .values({
        id: t.code,
        name: t.name,
        short_desc: t.shortDesc,
        front_end_hint: t.hint,
        is_active: t.isActive ? 1 : 0,
        sort_order: t.sortOrder,
      })
      .execute()
    for (const m of t.mapsTo) {
      await db
        .insertInto('simplified_to_basel_map')
        .values({ simplified_event_type_id: t.code, basel_event_type_id: m.basel, is_default: m.isDefault ? 1 : 0 })
        .execute()
    }
  }
  await db
    .insertInto('risk_matrix_version')
    .values({
      version: 1,
      name: riskMatrix.name,
      definition: JSON.stringify(riskMatrix),
      created_at: '1970-01-01T00:00:00.000Z',
    })
    .execute()
}
