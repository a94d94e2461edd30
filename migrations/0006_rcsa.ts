import { sql, type Kysely, type CreateTableBuilder } from 'kysely'
import frameworks from '../data/frameworks.json' with { type: 'json' }
import riskCategories from '../data/risk-categories.json' with { type: 'json' }
import riskMatrix from '../data/risk-matrix-5x5.json' with { type: 'json' }
import { isPostgres } from './engine'

type Table = CreateTableBuilder<string, any>
const synced = (t: Table) =>
  t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('scope_keys', 'text', (c) => c.notNull().defaultTo('[]'))

async function indexes(db: Kysely<any>, table: string, list: [string, string[]][]) {
  for (const [name, cols] of list) await db.schema.createIndex(name).on(table).columns(cols).execute()
}

/** A trigram text index over the given columns: pg_trgm on PostgreSQL, an external-content FTS5 table on SQLite. */
async function textSearch(db: Kysely<any>, table: string, cols: string[]) {
  const name = `${table}_search`
  if (isPostgres(db)) {
    const expr = cols.map((c) => `coalesce(${c}, '')`).join(` || ' ' || `)
    await sql.raw(`CREATE INDEX ${name} ON ${table} USING gin ((${expr}) gin_trgm_ops)`).execute(db)
    return
  }
  const list = cols.join(', ')
  const news = cols.map((c) => `new.${c}`).join(', ')
  const olds = cols.map((c) => `old.${c}`).join(', ')
  await sql
    .raw(
      `CREATE VIRTUAL TABLE ${name} USING fts5(${list}, content='${table}', content_rowid='rowid', tokenize='trigram')`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE TRIGGER ${name}_ai AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${name}(rowid, ${list}) VALUES (new.rowid, ${news}); END`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE TRIGGER ${name}_au AFTER UPDATE OF ${list} ON ${table} BEGIN
      INSERT INTO ${name}(${name}, rowid, ${list}) VALUES ('delete', old.rowid, ${olds});
      INSERT INTO ${name}(rowid, ${list}) VALUES (new.rowid, ${news}); END`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE TRIGGER ${name}_ad AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${name}(${name}, rowid, ${list}) VALUES ('delete', old.rowid, ${olds}); END`,
    )
    .execute(db)
}

const ALL_RISK_FIELDS_DRAFT_MANAGER = [
  'title',
  'description',
  'risk_category_id',
  'basel_event_type_id',
  'business_unit_id',
  'business_process_id',
  'product_id',
  'owner_id',
  'inherent_likelihood',
  'inherent_impact',
  'inherent_justification',
]
const RESIDUAL_FIELDS = ['residual_likelihood', 'residual_impact', 'residual_justification', 'next_review_date']
const ASSESSED_RISK_OFFICER = [
  'title',
  'description',
  'risk_category_id',
  'basel_event_type_id',
  'business_unit_id',
  'business_process_id',
  'product_id',
  ...RESIDUAL_FIELDS,
]

// Controls library, risk register (RCSA) and KRIs (controls.md, risks.md, kris.md): every table of the three
// modules in one migration, because their links point at each other (approval needs an active control, a
// control's deactivation depends on ACTIVE risks, a KRI breach creates a measure linked to risks).
export async function up(db: Kysely<any>): Promise<void> {
  // ---- settings shared by the three modules (admin-editable numbers and lists, JSON values) ----
  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute()
  const settings: [string, unknown][] = [
    ['risk_review_interval_days', 365],
    ['risk_acceptance_max_days', 365],
    ['risk_acceptance_warning_days', 30],
    ['control_fields_locked_when_linked_active', ['control_type', 'control_nature', 'business_unit_id']],
    ['evidence_max_file_mb', 50],
    ['kri_default_grace_days', { DAILY: 1, WEEKLY: 2, MONTHLY: 5, QUARTERLY: 10, ANNUALLY: 20 }],
  ]
  await db
    .insertInto('app_setting')
    .values(
      settings.map(([key, value]) => ({ key, value: JSON.stringify(value), updated_at: '1970-01-01T00:00:00.000Z' })),
    )
    .execute()

  // ---- the matrix as versioned data (risks.md §3.2); version 1 from the data file, PUBLISHED ----
  await db.schema.dropTable('risk_matrix_version').execute()
  await db.schema
    .createTable('risk_matrix_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('likelihood_levels', 'text', (c) => c.notNull())
    .addColumn('impact_levels', 'text', (c) => c.notNull())
    .addColumn('bands', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  const level = (l: { level: number; label: string; description: string }) => ({
    level: l.level,
    label: l.label,
    description: l.description,
  })
  await db
    .insertInto('risk_matrix_version')
    .values({
      id: 'matrix-v1',
      version: 1,
      name: riskMatrix.name,
      status: 'PUBLISHED',
      likelihood_levels: JSON.stringify(riskMatrix.likelihood.map(level)),
      impact_levels: JSON.stringify(riskMatrix.impact.map(level)),
      bands: JSON.stringify(
        riskMatrix.bands.map((b) => ({
          code: b.code,
          label: b.label,
          min_score: b.minScore,
          max_score: b.maxScore,
          colour: b.colour,
          text_colour: b.textColour,
        })),
      ),
      created_at: '1970-01-01T00:00:00.000Z',
      published_at: '1970-01-01T00:00:00.000Z',
    })
    .execute()

  // ---- categories restrict the Basel types (risks.md §3.4): the JSON column becomes a mapping table ----
  await db.schema
    .createTable('risk_category_event_type')
    .addColumn('category_id', 'text', (c) => c.notNull().references('risk_category.id'))
    .addColumn('basel_event_type_id', 'text', (c) => c.notNull().references('basel_event_type.id'))
    .addPrimaryKeyConstraint('risk_category_event_type_pk', ['category_id', 'basel_event_type_id'])
    .execute()
  for (const c of riskCategories.categories)
    for (const t of c.allowedEventTypes)
      await db.insertInto('risk_category_event_type').values({ category_id: c.code, basel_event_type_id: t }).execute()
  await db.schema.alterTable('risk_category').dropColumn('allowed_event_types').execute()

  // ---- controls library (controls.md §2) ----
  await db.schema
    .createTable('framework')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('clause_pattern', 'text')
    .addColumn('clause_example', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  for (const f of frameworks.frameworks)
    await db
      .insertInto('framework')
      .values({
        id: f.code,
        code: f.code,
        name: f.name,
        clause_pattern: f.clausePattern ?? null,
        clause_example: f.clauseExample ?? null,
        updated_at: '1970-01-01T00:00:00.000Z',
      })
      .execute()
  await db.schema
    .createTable('control_template')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('control_type', 'text', (c) => c.notNull())
    .addColumn('control_nature', 'text', (c) => c.notNull())
    .addColumn('control_frequency', 'text', (c) => c.notNull())
    .addColumn('implementation_status', 'text', (c) => c.notNull())
    .addColumn('framework_refs', 'text', (c) => c.notNull())
    .execute()
  for (const t of frameworks.controlTemplates)
    await db
      .insertInto('control_template')
      .values({
        code: t.code,
        title: t.title,
        description: t.description,
        control_type: t.controlType,
        control_nature: t.controlNature,
        control_frequency: t.controlFrequency,
        implementation_status: t.implementationStatus,
        framework_refs: JSON.stringify(
          t.refs.map((r) => ({ framework: r.framework, clause: r.clause, title: r.title })),
        ),
      })
      .execute()

  await db.schema
    .createTable('control')
    .$call(synced)
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('control_type', 'text', (c) => c.notNull())
    .addColumn('control_nature', 'text', (c) => c.notNull())
    .addColumn('control_frequency', 'text', (c) => c.notNull())
    .addColumn('implementation_status', 'text', (c) => c.notNull())
    .addColumn('effectiveness', 'integer')
    .addColumn('business_unit_id', 'text', (c) => c.notNull().references('business_unit.id'))
    .addColumn('business_process_id', 'text', (c) => c.references('business_process.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reference_doc', 'text')
    .addColumn('group_wide', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('deactivated_at', 'text')
    .addColumn('deactivated_by', 'text', (c) => c.references('users.id'))
    .addColumn('deactivation_reason', 'text')
    .addColumn('evidence_status', 'text', (c) => c.notNull().defaultTo('NONE'))
    .addColumn('last_test_date', 'text')
    .addColumn('last_test_result', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .execute()
  await db.schema.createIndex('control_ref').unique().on('control').columns(['tenant_id', 'ref']).execute()
  await sql`CREATE UNIQUE INDEX control_code ON control (tenant_id, lower(code)) WHERE code IS NOT NULL`.execute(db)
  await indexes(db, 'control', [
    ['control_bu', ['business_unit_id', 'is_active', 'title', 'id']],
    ['control_title', ['title', 'id']],
    ['control_owner', ['owner_id']],
    ['control_type', ['is_active', 'control_type']],
    ['control_nature', ['is_active', 'control_nature']],
    ['control_evidence', ['evidence_status']],
    ['control_last_test', ['last_test_result']],
    ['control_group', ['group_wide', 'is_active']],
  ])
  await textSearch(db, 'control', ['ref', 'code', 'title', 'description'])

  await db.schema
    .createTable('control_framework_ref')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('control_id', 'text', (c) => c.notNull().references('control.id'))
    .addColumn('framework_id', 'text', (c) => c.notNull().references('framework.id'))
    .addColumn('clause_code', 'text', (c) => c.notNull())
    .addColumn('clause_title', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await sql`CREATE UNIQUE INDEX control_framework_ref_unique ON control_framework_ref (control_id, framework_id, lower(clause_code))`.execute(
    db,
  )
  await indexes(db, 'control_framework_ref', [
    ['control_framework_ref_clause', ['framework_id', 'clause_code']],
    ['control_framework_ref_control', ['control_id']],
  ])

  await db.schema
    .createTable('evidence')
    .$call(synced)
    .addColumn('control_id', 'text', (c) => c.notNull().references('control.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('latest_version_no', 'integer', (c) => c.notNull())
    .addColumn('is_archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'text')
    .addColumn('archived_by', 'text', (c) => c.references('users.id'))
    .addColumn('archive_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .execute()
  await indexes(db, 'evidence', [['evidence_control', ['control_id', 'is_archived']]])
  await db.schema
    .createTable('evidence_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('file_sha256', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_size', 'bigint')
    .addColumn('media_type', 'text')
    .addColumn('url', 'text')
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('observation', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .execute()
  await db.schema
    .createIndex('evidence_revision_no')
    .unique()
    .on('evidence_revision')
    .columns(['evidence_id', 'version_no'])
    .execute()
  await indexes(db, 'evidence_revision', [['evidence_revision_status', ['status']]])

  await db.schema
    .createTable('control_test')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('control_id', 'text', (c) => c.notNull().references('control.id'))
    .addColumn('test_date', 'text', (c) => c.notNull())
    .addColumn('tester_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('evidence_revision_id', 'text', (c) => c.references('evidence_revision.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('voided_by', 'text', (c) => c.references('users.id'))
    .addColumn('void_reason', 'text')
    .execute()
  await indexes(db, 'control_test', [['control_test_control', ['control_id', 'test_date']]])

  // ---- risk register (risks.md §2) ----
  await db.schema
    .createTable('risk')
    .$call(synced)
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('risk_category_id', 'text', (c) => c.notNull().references('risk_category.id'))
    .addColumn('basel_event_type_id', 'text', (c) => c.references('basel_event_type.id'))
    .addColumn('business_unit_id', 'text', (c) => c.notNull().references('business_unit.id'))
    .addColumn('business_process_id', 'text', (c) => c.references('business_process.id'))
    .addColumn('product_id', 'text', (c) => c.references('product.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('matrix_version_id', 'text', (c) => c.notNull().references('risk_matrix_version.id'))
    .addColumn('inherent_likelihood', 'integer')
    .addColumn('inherent_impact', 'integer')
    .addColumn('inherent_score', 'integer')
    .addColumn('inherent_band', 'text')
    .addColumn('inherent_justification', 'text')
    .addColumn('residual_likelihood', 'integer')
    .addColumn('residual_impact', 'integer')
    .addColumn('residual_score', 'integer')
    .addColumn('residual_band', 'text')
    .addColumn('residual_justification', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('next_review_date', 'text')
    .addColumn('submitted_for_review_at', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .addColumn('validated_at', 'text')
    .addColumn('validated_by', 'text', (c) => c.references('users.id'))
    .addColumn('retired_at', 'text')
    .addColumn('retired_by', 'text', (c) => c.references('users.id'))
    .addColumn('retirement_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('risk_ref').unique().on('risk').columns(['tenant_id', 'ref']).execute()
  await indexes(db, 'risk', [
    ['risk_bu', ['business_unit_id', 'status', 'created_at', 'id']],
    ['risk_created', ['created_at', 'id']],
    ['risk_owner', ['owner_id', 'status']],
    ['risk_submitted', ['status', 'submitted_for_review_at']],
    ['risk_review', ['status', 'next_review_date']],
    ['risk_inherent_cell', ['status', 'inherent_likelihood', 'inherent_impact']],
    ['risk_residual_cell', ['status', 'residual_likelihood', 'residual_impact']],
    ['risk_inherent_score', ['status', 'inherent_score']],
    ['risk_residual_score', ['status', 'residual_score']],
    ['risk_creator', ['created_by', 'status']],
  ])
  await textSearch(db, 'risk', ['ref', 'title', 'description'])

  const link = (table: string, left: [string, string], right: [string, string], extra?: (t: Table) => Table) =>
    db.schema
      .createTable(table)
      .addColumn(left[0], 'text', (c) => c.notNull().references(left[1]))
      .addColumn(right[0], 'text', (c) => c.notNull().references(right[1]))
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('created_by_user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .$call((t) => (extra ? extra(t) : t))
      .addPrimaryKeyConstraint(`${table}_pk`, [left[0], right[0]] as never[])
      .execute()
  await link('risk_control', ['risk_id', 'risk.id'], ['control_id', 'control.id'], (t) =>
    t.addColumn('notes', 'text').addColumn('updated_at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('risk_control_control').on('risk_control').column('control_id').execute()
  await link('incident_risk', ['incident_id', 'incident.id'], ['risk_id', 'risk.id'])
  await db.schema.createIndex('incident_risk_risk').on('incident_risk').column('risk_id').execute()
  await link('risk_measure', ['risk_id', 'risk.id'], ['measure_id', 'measure.id'])
  await db.schema.createIndex('risk_measure_measure').on('risk_measure').column('measure_id').execute()

  await db.schema
    .createTable('risk_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risk.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await indexes(db, 'risk_note', [['risk_note_risk', ['risk_id', 'created_at']]])

  await db.schema
    .createTable('risk_snapshot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risk.id'))
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('risk_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('risk_category_id', 'text', (c) => c.notNull())
    .addColumn('basel_event_type_id', 'text')
    .addColumn('business_unit_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('matrix_version_id', 'text', (c) => c.notNull())
    .addColumn('inherent_likelihood', 'integer')
    .addColumn('inherent_impact', 'integer')
    .addColumn('inherent_score', 'integer')
    .addColumn('inherent_band', 'text')
    .addColumn('residual_likelihood', 'integer')
    .addColumn('residual_impact', 'integer')
    .addColumn('residual_score', 'integer')
    .addColumn('residual_band', 'text')
    .addColumn('control_ids', 'text', (c) => c.notNull())
    .addColumn('control_count', 'integer', (c) => c.notNull())
    // A decimal string rounded half up to 2 places ("3.50"), so it is exact on both engines.
    .addColumn('avg_control_design_effectiveness', 'text')
    .addColumn('open_measure_count', 'integer', (c) => c.notNull())
    .addColumn('incident_count', 'integer', (c) => c.notNull())
    .addColumn('worst_kri_status', 'text')
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .execute()
  await indexes(db, 'risk_snapshot', [
    ['risk_snapshot_risk', ['risk_id', 'taken_at']],
    ['risk_snapshot_taken', ['taken_at']],
  ])

  await db.schema
    .createTable('risk_acceptance')
    .$call(synced)
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risk.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('approver_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text')
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('bound_risk_version', 'integer', (c) => c.notNull())
    .addColumn('bound_snapshot_id', 'text', (c) => c.references('risk_snapshot.id'))
    .addColumn('bound_fingerprint', 'text', (c) => c.notNull())
    .addColumn('bound_control_ids', 'text', (c) => c.notNull())
    .addColumn('bound_residual_score', 'integer')
    .addColumn('bound_residual_band', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_risk_version', 'integer')
    .addColumn('decision_note', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text', (c) => c.references('users.id'))
    .addColumn('end_reason', 'text')
    .execute()
  await db.schema
    .createIndex('risk_acceptance_ref')
    .unique()
    .on('risk_acceptance')
    .columns(['tenant_id', 'ref'])
    .execute()
  await indexes(db, 'risk_acceptance', [
    ['risk_acceptance_risk', ['risk_id', 'state']],
    ['risk_acceptance_approver', ['approver_id', 'state']],
    ['risk_acceptance_expiry', ['state', 'expires_on']],
  ])

  // Workflow configuration as data (risks.md §2.6, §5.1, §6.3, §12.3), with the shipped rows.
  await db.schema
    .createTable('risk_allowed_transition')
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_allowed_transition_pk', ['from_status', 'to_status', 'role'])
    .execute()
  const transitions: [string, string, string][] = [
    ['DRAFT', 'ASSESSED', 'manager'],
    ['DRAFT', 'ASSESSED', 'risk_officer'],
    ['ASSESSED', 'ACTIVE', 'risk_officer'],
    ['DRAFT', 'ACTIVE', 'risk_officer'],
    ['ASSESSED', 'DRAFT', 'risk_officer'],
    ['ACTIVE', 'ASSESSED', 'risk_officer'],
    ['ASSESSED', 'RETIRED', 'risk_officer'],
    ['ACTIVE', 'RETIRED', 'risk_officer'],
  ]
  await db
    .insertInto('risk_allowed_transition')
    .values(transitions.map(([from_status, to_status, role]) => ({ from_status, to_status, role })))
    .execute()
  await db.schema
    .createTable('risk_editable_field')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_editable_field_pk', ['status', 'role', 'field'])
    .execute()
  const editable: [string, string, string[]][] = [
    ['DRAFT', 'manager', ALL_RISK_FIELDS_DRAFT_MANAGER],
    ['DRAFT', 'risk_officer', [...ALL_RISK_FIELDS_DRAFT_MANAGER, ...RESIDUAL_FIELDS]],
    ['ASSESSED', 'risk_officer', ASSESSED_RISK_OFFICER],
  ]
  await db
    .insertInto('risk_editable_field')
    .values(editable.flatMap(([status, role, fields]) => fields.map((field) => ({ status, role, field }))))
    .execute()
  await db.schema
    .createTable('risk_required_field')
    .addColumn('target_status', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_required_field_pk', ['target_status', 'field'])
    .execute()
  await db.schema
    .createTable('risk_acceptance_authority')
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('requires_group_scope', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('risk_acceptance_authority_pk', ['band', 'role'])
    .execute()
  await db
    .insertInto('risk_acceptance_authority')
    .values([
      { band: 'LOW', role: 'manager', requires_group_scope: 0 },
      { band: 'LOW', role: 'risk_officer', requires_group_scope: 0 },
      { band: 'MEDIUM', role: 'manager', requires_group_scope: 0 },
      { band: 'MEDIUM', role: 'risk_officer', requires_group_scope: 0 },
      { band: 'HIGH', role: 'risk_officer', requires_group_scope: 0 },
      { band: 'CRITICAL', role: 'risk_officer', requires_group_scope: 1 },
    ])
    .execute()

  // ---- KRIs (kris.md §2); numbers are integers scaled by 10 000 (bigint on PostgreSQL) ----
  await db.schema
    .createTable('kri')
    .$call(synced)
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('weekdays_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_period_start', 'text', (c) => c.notNull())
    .addColumn('grace_days', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('business_unit_id', 'text', (c) => c.notNull().references('business_unit.id'))
    .addColumn('data_source', 'text')
    .addColumn('create_measure_on_red', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('measure_due_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('activated_on', 'text', (c) => c.notNull())
    .addColumn('deactivated_at', 'text')
    .addColumn('deactivated_by', 'text', (c) => c.references('users.id'))
    .addColumn('deactivation_reason', 'text')
    .addColumn('current_status', 'text', (c) => c.notNull().defaultTo('NO_DATA'))
    .addColumn('current_period_start', 'text')
    .addColumn('current_value_e4', 'bigint')
    .addColumn('overdue_period_start', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('kri_ref').unique().on('kri').columns(['tenant_id', 'ref']).execute()
  await indexes(db, 'kri', [
    ['kri_status', ['is_active', 'current_status', 'name', 'id']],
    ['kri_bu', ['business_unit_id', 'is_active']],
    ['kri_owner', ['owner_id', 'is_active']],
    ['kri_overdue', ['overdue_period_start']],
  ])
  await textSearch(db, 'kri', ['ref', 'name', 'description'])

  await db.schema
    .createTable('kri_threshold_set')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('kri_id', 'text', (c) => c.notNull().references('kri.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('amber_e4', 'bigint')
    .addColumn('red_e4', 'bigint')
    .addColumn('amber_low_e4', 'bigint')
    .addColumn('amber_high_e4', 'bigint')
    .addColumn('red_low_e4', 'bigint')
    .addColumn('red_high_e4', 'bigint')
    .addColumn('target_e4', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .addColumn('superseded_by_set_id', 'text')
    .execute()
  await db.schema.createIndex('kri_threshold_seq').unique().on('kri_threshold_set').columns(['kri_id', 'seq']).execute()
  await indexes(db, 'kri_threshold_set', [['kri_threshold_effective', ['kri_id', 'effective_from']]])

  await db.schema
    .createTable('kri_value')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('kri_id', 'text', (c) => c.notNull().references('kri.id'))
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('value_e4', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('threshold_set_id', 'text', (c) => c.notNull().references('kri_threshold_set.id'))
    .addColumn('comment', 'text')
    .addColumn('correction_reason', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('breach_measure_id', 'text', (c) => c.references('measure.id'))
    .execute()
  await sql`CREATE UNIQUE INDEX kri_value_current ON kri_value (kri_id, period_start) WHERE is_current = 1`.execute(db)
  await db.schema
    .createIndex('kri_value_version')
    .unique()
    .on('kri_value')
    .columns(['kri_id', 'period_start', 'version_no'])
    .execute()
  await sql`CREATE INDEX kri_value_breach ON kri_value (status, period_end) WHERE is_current = 1 AND status <> 'GREEN'`.execute(
    db,
  )
  await link('kri_risk', ['kri_id', 'kri.id'], ['risk_id', 'risk.id'])
  await db.schema.createIndex('kri_risk_risk').on('kri_risk').column('risk_id').execute()
}
