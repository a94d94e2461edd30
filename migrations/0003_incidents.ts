import { sql, type Kysely } from 'kysely'
import { isPostgres } from './engine'

// Incident (loss event) table with every field of incidents.md §3.1, its config tables with their default
// rows (§3.6, §5.4, §6.3, §6.4), and the list indexes of §14.1 (partial on live rows).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incident')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('scope_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('business_unit_id', 'text', (c) => c.notNull().references('business_unit.id'))
    .addColumn('business_process_id', 'text', (c) => c.references('business_process.id'))
    .addColumn('product_id', 'text', (c) => c.references('product.id'))
    .addColumn('basel_business_line_id', 'text', (c) => c.references('basel_business_line.id'))
    .addColumn('simplified_event_type_id', 'text', (c) => c.references('simplified_event_type.id'))
    .addColumn('basel_event_type_id', 'text', (c) => c.references('basel_event_type.id'))
    .addColumn('near_miss', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gross_loss_amount', 'bigint')
    .addColumn('currency_code', 'text', (c) => c.references('currency.code'))
    .addColumn('net_loss_override', 'bigint')
    .addColumn('net_loss_override_reason', 'text')
    .addColumn('net_loss_amount', 'bigint')
    .addColumn('recovery_total', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('gross_loss_reporting', 'bigint')
    .addColumn('severity', 'text', (c) => c.notNull().defaultTo('unrated'))
    .addColumn('occurred_at', 'text')
    .addColumn('discovered_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('first_accounting_date', 'text')
    .addColumn('assigned_to_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('validated_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('validated_at', 'text')
    .addColumn('validated_version', 'integer')
    .addColumn('validated_hash', 'text')
    .addColumn('closed_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .addColumn('draft_due_at', 'text')
    .addColumn('review_due_at', 'text')
    .addColumn('validation_due_at', 'text')
    .addColumn('current_due_at', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('demo_batch_id', 'text')
    .execute()
  await db.schema.createIndex('incident_ref').unique().on('incident').columns(['tenant_id', 'ref']).execute()

  const live = sql.ref('deleted_at')
  const indexes: [string, string[]][] = [
    ['incident_created', ['created_at', 'id']],
    ['incident_status_due', ['status', 'current_due_at', 'id']],
    ['incident_due', ['current_due_at', 'id']],
    ['incident_bu_status', ['business_unit_id', 'status', 'created_at']],
    ['incident_creator', ['created_by_user_id', 'created_at']],
    ['incident_assignee', ['assigned_to_user_id', 'status', 'current_due_at']],
    ['incident_simplified', ['simplified_event_type_id', 'created_at']],
    ['incident_basel', ['basel_event_type_id', 'created_at']],
    ['incident_severity', ['severity', 'created_at']],
    ['incident_near_miss', ['near_miss', 'created_at']],
    ['incident_discovered', ['discovered_at', 'id']],
    ['incident_first_accounting', ['first_accounting_date', 'id']],
    ['incident_gross_reporting', ['gross_loss_reporting', 'id']],
  ]
  for (const [name, cols] of indexes) {
    await db.schema.createIndex(name).on('incident').columns(cols).where(live, 'is', null).execute()
  }
  // The creator's own list ("My incidents") pages newest first and may filter by status.
  await db.schema
    .createIndex('incident_creator_status')
    .on('incident')
    .columns(['created_by_user_id', 'status', 'created_at', 'id'])
    .where(live, 'is', null)
    .execute()
  if (isPostgres(db)) {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)
    await sql`CREATE INDEX incident_search ON incident USING gin ((ref || ' ' || title) gin_trgm_ops)`.execute(db)
  } else {
    await sql`CREATE VIRTUAL TABLE incident_search USING fts5(ref, title, content='incident', content_rowid='rowid', tokenize='trigram')`.execute(
      db,
    )
    await sql`CREATE TRIGGER incident_search_ai AFTER INSERT ON incident BEGIN
      INSERT INTO incident_search(rowid, ref, title) VALUES (new.rowid, new.ref, new.title); END`.execute(db)
    await sql`CREATE TRIGGER incident_search_au AFTER UPDATE OF title ON incident BEGIN
      INSERT INTO incident_search(incident_search, rowid, ref, title) VALUES ('delete', old.rowid, old.ref, old.title);
      INSERT INTO incident_search(rowid, ref, title) VALUES (new.rowid, new.ref, new.title); END`.execute(db)
  }

  await db.schema
    .createTable('incident_cause')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('loss_cause_id', 'text', (c) => c.notNull().references('loss_cause.id'))
    .addPrimaryKeyConstraint('incident_cause_pk', ['incident_id', 'loss_cause_id'])
    .execute()

  await db.schema
    .createTable('incident_allowed_transition')
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_allowed_transition_pk', ['from_status', 'to_status', 'role'])
    .execute()
  await db.schema
    .createTable('incident_required_field')
    .addColumn('target_status', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_required_field_pk', ['target_status', 'field'])
    .execute()
  await db.schema
    .createTable('incident_editable_field')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_editable_field_pk', ['status', 'role', 'field'])
    .execute()
  await db.schema
    .createTable('sla_config')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  const transitions: [string, string, string][] = [
    ['DRAFT', 'PENDING_REVIEW', 'employee'],
    ['PENDING_REVIEW', 'PENDING_VALIDATION', 'manager'],
    ['PENDING_REVIEW', 'DRAFT', 'manager'],
    ['PENDING_VALIDATION', 'VALIDATED', 'risk_officer'],
    ['PENDING_VALIDATION', 'PENDING_REVIEW', 'risk_officer'],
    ['VALIDATED', 'CLOSED', 'risk_officer'],
  ]
  await db
    .insertInto('incident_allowed_transition')
    .values(transitions.map(([from_status, to_status, role]) => ({ from_status, to_status, role })))
    .execute()

  const required: Record<string, string[]> = {
    PENDING_REVIEW: ['simplified_event_type_id'],
    PENDING_VALIDATION: ['product_id', 'business_process_id', 'gross_loss_amount', 'simplified_event_type_id'],
    VALIDATED: ['basel_event_type_id', 'net_loss_amount', 'currency_code'],
  }
  await db
    .insertInto('incident_required_field')
    .values(
      Object.entries(required).flatMap(([target_status, fields]) => fields.map((field) => ({ target_status, field }))),
    )
    .execute()

  const editable: [string, string, string[]][] = [
    [
      'DRAFT',
      'employee',
      [
        'title',
        'description',
        'business_unit_id',
        'simplified_event_type_id',
        'near_miss',
        'gross_loss_amount',
        'currency_code',
        'occurred_at',
        'discovered_at',
        'resolved_at',
      ],
    ],
    [
      'PENDING_REVIEW',
      'manager',
      [
        'business_process_id',
        'product_id',
        'gross_loss_amount',
        'simplified_event_type_id',
        'currency_code',
        'occurred_at',
        'discovered_at',
        'resolved_at',
        'first_accounting_date',
        'cause_ids',
      ],
    ],
    [
      'PENDING_VALIDATION',
      'risk_officer',
      [
        'basel_event_type_id',
        'recoveries',
        'net_loss_override',
        'currency_code',
        'title',
        'description',
        'gross_loss_amount',
        'business_unit_id',
        'business_process_id',
        'product_id',
        'basel_business_line_id',
        'simplified_event_type_id',
        'near_miss',
        'occurred_at',
        'discovered_at',
        'resolved_at',
        'first_accounting_date',
        'cause_ids',
      ],
    ],
  ]
  await db
    .insertInto('incident_editable_field')
    .values(editable.flatMap(([status, role, fields]) => fields.map((field) => ({ status, role, field }))))
    .execute()

  await db
    .insertInto('sla_config')
    .values([
      { key: 'draft_days', value_days: 7, updated_at: '1970-01-01T00:00:00.000Z' },
      { key: 'review_days', value_days: 5, updated_at: '1970-01-01T00:00:00.000Z' },
      { key: 'validation_days', value_days: 10, updated_at: '1970-01-01T00:00:00.000Z' },
    ])
    .execute()
}
