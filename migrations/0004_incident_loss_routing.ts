import type { Kysely } from 'kysely'

// Recoveries (incidents §3.2), exchange rates read for gross_loss_reporting (Reports §3.5) and the
// notification routing rules (incidents §3.7, §9).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incident_recovery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('scope_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema.createIndex('incident_recovery_incident').on('incident_recovery').column('incident_id').execute()

  await db.schema
    .createTable('fx_rate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('currency_code', 'text', (c) => c.notNull().references('currency.code'))
    .addColumn('rate_date', 'text', (c) => c.notNull())
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('updated_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('scope_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema
    .createIndex('fx_rate_currency_date')
    .unique()
    .on('fx_rate')
    .columns(['tenant_id', 'currency_code', 'rate_date'])
    .execute()

  await db.schema
    .createTable('routing_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(100))
    .addColumn('predicate', 'text', (c) => c.notNull())
    .addColumn('route_to_role', 'text')
    .addColumn('route_to_bu_id', 'text', (c) => c.references('business_unit.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('scope_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema
    .createIndex('routing_rule_order')
    .on('routing_rule')
    .columns(['active', 'priority', 'created_at', 'id'])
    .execute()
}
