import { sql, type Kysely } from 'kysely'
import { isPostgres } from './engine'

// Measures (measures.md §3): the record, its link to incidents, and the admin-editable field locks with
// their default rows (§6). risk_measure comes with the risk register.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('measure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('scope_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('responsible_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('deadline', 'text')
    .addColumn('notes', 'text')
    .addColumn('closure_comment', 'text')
    .addColumn('started_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .execute()
  await db.schema.createIndex('measure_ref').unique().on('measure').columns(['tenant_id', 'ref']).execute()
  const indexes: [string, string[]][] = [
    ['measure_created', ['created_at', 'id']],
    ['measure_status_deadline', ['status', 'deadline', 'id']],
    ['measure_status_submitted', ['status', 'submitted_at', 'id']],
    ['measure_deadline', ['deadline', 'id']],
    ['measure_responsible', ['responsible_user_id', 'status', 'deadline']],
    ['measure_creator', ['created_by_user_id', 'created_at']],
  ]
  for (const [name, cols] of indexes) await db.schema.createIndex(name).on('measure').columns(cols).execute()
  if (isPostgres(db)) {
    await sql`CREATE INDEX measure_search ON measure USING gin ((ref || ' ' || description) gin_trgm_ops)`.execute(db)
  } else {
    await sql`CREATE VIRTUAL TABLE measure_search USING fts5(ref, description, content='measure', content_rowid='rowid', tokenize='trigram')`.execute(
      db,
    )
    await sql`CREATE TRIGGER measure_search_ai AFTER INSERT ON measure BEGIN
      INSERT INTO measure_search(rowid, ref, description) VALUES (new.rowid, new.ref, new.description); END`.execute(db)
    await sql`CREATE TRIGGER measure_search_au AFTER UPDATE OF description ON measure BEGIN
      INSERT INTO measure_search(measure_search, rowid, ref, description) VALUES ('delete', old.rowid, old.ref, old.description);
      INSERT INTO measure_search(rowid, ref, description) VALUES (new.rowid, new.ref, new.description); END`.execute(db)
    await sql`CREATE TRIGGER measure_search_ad AFTER DELETE ON measure BEGIN
      INSERT INTO measure_search(measure_search, rowid, ref, description) VALUES ('delete', old.rowid, old.ref, old.description); END`.execute(
      db,
    )
  }

  await db.schema
    .createTable('incident_measure')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('measure_id', 'text', (c) => c.notNull().references('measure.id'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_measure_pk', ['incident_id', 'measure_id'])
    .execute()
  await db.schema.createIndex('incident_measure_measure').on('incident_measure').column('measure_id').execute()

  await db.schema
    .createTable('measure_editable_field')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_editable_field_pk', ['status', 'party', 'field'])
    .execute()
  const editable: [string, string, string[]][] = [
    ['OPEN', 'responsible', ['description', 'deadline']],
    ['OPEN', 'responsible_manager', ['description', 'deadline', 'responsible_user_id']],
    ['OPEN', 'creator', ['description', 'deadline', 'responsible_user_id']],
    ['OPEN', 'risk_officer', ['deadline']],
    ['IN_PROGRESS', 'responsible', ['description']],
    ['IN_PROGRESS', 'risk_officer', ['deadline']],
  ]
  await db
    .insertInto('measure_editable_field')
    .values(editable.flatMap(([status, party, fields]) => fields.map((field) => ({ status, party, field }))))
    .execute()
}
