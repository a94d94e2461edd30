import { sql, type Kysely } from 'kysely'
import { isPostgres } from './engine'

// Foundation tables: database identity, audit chain, error log, organisation, users, references,
// notifications, outbox and job bookkeeping. Booleans are integers 0/1 and JSON is text on both engines,
// so one mapper reads both.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('db_meta')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('database_id', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('tenant_name', 'text')
    .addColumn('device_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_app_version', 'text', (c) => c.notNull())
    .addColumn('clean_shutdown', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lock_after_minutes', 'integer', (c) => c.notNull().defaultTo(15))
    .addColumn('demo_mode', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reporting_currency', 'text', (c) => c.notNull().defaultTo('EUR'))
    .execute()

  await db.schema
    .createTable('audit_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('chain_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('entity_ref', 'text')
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('correlation_id', 'text', (c) => c.notNull())
    .addColumn('command_id', 'text')
    .addColumn('origin_device', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_entry_chain_seq').unique().on('audit_entry').columns(['chain_id', 'seq']).execute()
  await db.schema.createIndex('audit_entry_actor').on('audit_entry').columns(['chain_id', 'actor_id', 'seq']).execute()
  await db.schema.createIndex('audit_entry_action').on('audit_entry').columns(['chain_id', 'action', 'seq']).execute()
  await db.schema
    .createIndex('audit_entry_entity')
    .on('audit_entry')
    .columns(['chain_id', 'entity_type', 'entity_id', 'seq'])
    .execute()
  await db.schema.createIndex('audit_entry_at').on('audit_entry').columns(['chain_id', 'at']).execute()
  await db.schema.createIndex('audit_entry_correlation').on('audit_entry').column('correlation_id').execute()

  await db.schema
    .createTable('audit_head')
    .addColumn('chain_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('audit_verified')
    .addColumn('chain_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .execute()

  await createAuditProtection(db)

  await db.schema
    .createTable('error_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('correlation_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('command', 'text')
    .addColumn('detail', 'text')
    .execute()
  await db.schema.createIndex('error_log_at').on('error_log').columns(['at', 'id']).execute()
  await db.schema.createIndex('error_log_category').on('error_log').columns(['category', 'at']).execute()

  const synced = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('scope_keys', 'text', (c) => c.notNull().defaultTo('[]'))

  await synced('business_unit')
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('business_unit.id'))
    .addColumn('default_business_line_id', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await synced('business_process')
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('business_unit_id', 'text', (c) => c.references('business_unit.id'))
    .addColumn('parent_id', 'text', (c) => c.references('business_process.id'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await synced('product')
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('business_unit_id', 'text', (c) => c.references('business_unit.id'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await synced('users')
    .addColumn('username', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_lc', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('group_scope', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('business_unit_id', 'text', (c) => c.references('business_unit.id'))
    .addColumn('manager_id', 'text', (c) => c.references('users.id'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('password_hash', 'text')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sign_in_blocked_until', 'text')
    .addColumn('last_sign_in_at', 'text')
    .execute()
  await db.schema.createIndex('users_email').unique().on('users').columns(['tenant_id', 'email_lc']).execute()
  await db.schema.createIndex('users_name').on('users').columns(['tenant_id', 'full_name', 'id']).execute()
  await db.schema.createIndex('users_bu').on('users').columns(['tenant_id', 'business_unit_id']).execute()
  await db.schema.createIndex('users_manager').on('users').column('manager_id').execute()

  await db.schema
    .createTable('reference_counter')
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('device_code', 'text', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_counter_pk', ['prefix', 'year', 'device_code'])
    .execute()

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('sla_stage', 'text')
    .addColumn('routing_rule_id', 'text')
    .addColumn('triggered_by_user_id', 'text')
    .addColumn('recipient_user_id', 'text')
    .addColumn('recipient_role', 'text')
    .addColumn('recipient_bu_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('method', 'text', (c) => c.notNull().defaultTo('SYSTEM'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('requires_action', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('action_route', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('sent'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('notification_dedupe_active')
    .unique()
    .on('notification')
    .column('dedupe_key')
    .where(sql.ref('active'), '=', 1)
    .execute()
  await db.schema.createIndex('notification_entity').on('notification').columns(['entity_type', 'entity_id']).execute()

  await db.schema
    .createTable('user_notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notification.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('is_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute()
  await db.schema
    .createIndex('user_notification_unique')
    .unique()
    .on('user_notification')
    .columns(['notification_id', 'user_id'])
    .execute()
  await db.schema
    .createIndex('user_notification_inbox')
    .on('user_notification')
    .columns(['user_id', 'is_read', 'created_at'])
    .execute()

  await db.schema
    .createTable('sync_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('mode', 'text', (c) => c.notNull().defaultTo('standalone'))
    .addColumn('cursor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('audit_cursor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('next_client_seq', 'bigint', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('sync_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_seq', 'bigint', (c) => c.notNull())
    .addColumn('command', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('correlation_id', 'text', (c) => c.notNull())
    .addColumn('base_versions', 'text', (c) => c.notNull())
    .addColumn('base_snapshot', 'text')
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('server_seq', 'bigint')
    .addColumn('error', 'text')
    .addColumn('rebase_error', 'text')
    .addColumn('resolved_at', 'text')
    .execute()
  await db.schema.createIndex('sync_outbox_seq').unique().on('sync_outbox').column('client_seq').execute()
  await db.schema.createIndex('sync_outbox_state').on('sync_outbox').columns(['state', 'client_seq']).execute()

  await db.schema
    .createTable('job_run')
    .addColumn('job', 'text', (c) => c.primaryKey())
    .addColumn('last_run_at', 'text', (c) => c.notNull())
    .addColumn('last_outcome', 'text', (c) => c.notNull())
    .execute()
}

const APPEND_ONLY = ['audit_entry']

/** spec audit-security §2.4: the store itself refuses UPDATE, DELETE and out-of-chain inserts. */
export async function createAuditProtection(db: Kysely<any>): Promise<void> {
  const zeros = '0'.repeat(64)
  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION riskdesk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`.execute(db)
    await sql`CREATE OR REPLACE FUNCTION riskdesk_audit_link() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_entry WHERE chain_id = NEW.chain_id), 0) + 1
           OR NEW.prev_hash <> COALESCE((SELECT hash FROM audit_entry WHERE chain_id = NEW.chain_id AND seq = NEW.seq - 1),
                                        ${sql.lit(zeros)}) THEN
          RAISE EXCEPTION 'audit_entry out of chain order';
        END IF;
        RETURN NEW;
      END $$`.execute(db)
    for (const t of APPEND_ONLY) {
      await sql`CREATE TRIGGER ${sql.raw(t + '_no_update_delete')} BEFORE UPDATE OR DELETE ON ${sql.table(t)}
        FOR EACH ROW EXECUTE FUNCTION riskdesk_append_only()`.execute(db)
      await sql`CREATE TRIGGER ${sql.raw(t + '_no_truncate')} BEFORE TRUNCATE ON ${sql.table(t)}
        FOR EACH STATEMENT EXECUTE FUNCTION riskdesk_append_only()`.execute(db)
    }
    await sql`CREATE TRIGGER audit_entry_link BEFORE INSERT ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION riskdesk_audit_link()`.execute(db)
    return
  }
  for (const t of APPEND_ONLY) {
    await sql`CREATE TRIGGER IF NOT EXISTS ${sql.raw(t + '_no_update')} BEFORE UPDATE ON ${sql.table(t)}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(t + ' is append-only')}); END`.execute(db)
    await sql`CREATE TRIGGER IF NOT EXISTS ${sql.raw(t + '_no_delete')} BEFORE DELETE ON ${sql.table(t)}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(t + ' is append-only')}); END`.execute(db)
  }
  await sql`CREATE TRIGGER IF NOT EXISTS audit_entry_link BEFORE INSERT ON audit_entry
    WHEN NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_entry WHERE chain_id = NEW.chain_id), 0) + 1
      OR NEW.prev_hash <> COALESCE((SELECT hash FROM audit_entry WHERE chain_id = NEW.chain_id AND seq = NEW.seq - 1),
                                   ${sql.lit(zeros)})
    BEGIN SELECT RAISE(ABORT, 'audit_entry out of chain order'); END`.execute(db)
}
