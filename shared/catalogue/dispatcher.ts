import { sql, type Kysely } from 'kysely'
import type { z } from 'zod'
import { appendAudit, type NewAuditEntry } from '../audit/append'
import { AppError, fail, internalMessage, type AppErrorData, type Result } from '../core/errors'
import { Id } from '../core/primitives'
import type { DB, Trx } from '../db/schema'
import { loadActor } from '../users/actor'
import type { Actor, AuditRecord, DbMeta, PublicCtx, Services, Session } from './context'
import type { AnyDef, CommandDef, PublicCommandDef, QueryDef, SystemCommandDef } from './define'
import { mintReference } from './references'
import { toIssues } from './zod-issues'

export type Logger = {
  error(fields: Record<string, unknown>): void
  info?(fields: Record<string, unknown>): void
}

export type DispatcherDeps = {
  db: Kysely<DB>
  catalogue: Readonly<Record<string, AnyDef>>
  clock: () => string
  newId: () => string
  services: Services
  log: Logger
  /** Bumped whenever any handler rule changes meaning (sync.md §2). */
  rulesVersion: number
  /** Test hook: called inside the transaction after the handler's writes, before the audit and COMMIT. */
  faultInjector?: (name: string) => void
}

export type CallRequest = {
  name: unknown
  input: unknown
  session: Session | null
  /** One correlation id shared by several commands of one user action (a bulk close). */
  correlationId?: unknown
  /** Set only by the host's job scheduler, never by a transport. */
  system?: boolean
}

const SIGN_IN = 'Sign in to continue.'
const LOCKED = 'Your session is locked.'

export type Dispatcher = ReturnType<typeof createDispatcher>

export function createDispatcher(deps: DispatcherDeps) {
  let metaCache: DbMeta | null = null
  async function meta(): Promise<DbMeta> {
    if (metaCache) return metaCache
    const row = await deps.db.selectFrom('db_meta').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
    metaCache = {
      databaseId: row.database_id,
      tenantId: row.tenant_id,
      deviceCode: row.device_code,
      demoMode: row.demo_mode === 1,
      reportingCurrency: row.reporting_currency,
    }
    return metaCache
  }

  async function call(req: CallRequest): Promise<Result<unknown>> {
    try {
      return { ok: true, value: await run(req) }
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toJSON() }
      return { ok: false, error: await internal(e, req) }
    }
  }

  async function internal(e: unknown, req: CallRequest): Promise<AppErrorData> {
    const correlationId = deps.newId()
    const err = e instanceof Error ? e : new Error(String(e))
    deps.log.error({
      event: 'internal_error',
      correlationId,
      command: String(req.name),
      message: err.message,
      stack: err.stack,
    })
    try {
      await deps.db
        .insertInto('error_log')
        .values({
          id: deps.newId(),
          at: deps.clock(),
          category: 'INTERNAL',
          source: 'dispatcher',
          code: 'INTERNAL',
          message: 'Unexpected error in a command or query.',
          correlation_id: correlationId,
          user_id: req.session?.userId ?? null,
          command: typeof req.name === 'string' ? req.name.slice(0, 100) : null,
          detail: null,
        })
        .execute()
    } catch (logError) {
      deps.log.error({ event: 'error_log_write_failed', correlationId, message: String(logError) })
    }
    return { code: 'INTERNAL', message: internalMessage(correlationId), correlationId }
  }

  async function run(req: CallRequest): Promise<unknown> {
    const def =
      typeof req.name === 'string' && Object.hasOwn(deps.catalogue, req.name) ? deps.catalogue[req.name] : undefined
    if (!def) return fail.validation([{ path: ['name'], message: 'Unknown command.' }])

    if (def.auth === 'system' && !req.system)
      fail.forbidden('This action runs automatically and cannot be started by a user.')
    // 1. session present and not locked
    if (def.auth === 'user') {
      if (!req.session) fail.forbidden(SIGN_IN)
      if (req.session.locked && !('whileLocked' in def && def.whileLocked)) fail.forbidden(LOCKED)
    }
    // 2. strict input
    const parsed = (def.input as z.ZodType).safeParse(req.input)
    if (!parsed.success) fail.validation(toIssues(parsed.error))
    const input = parsed.data
    const correlationId =
      req.correlationId === undefined
        ? deps.newId()
        : Id.safeParse(req.correlationId).success
          ? (req.correlationId as string)
          : fail.field('correlationId', 'Enter a valid id.')

    // 3. actor loaded fresh
    let actor: Actor | null = null
    if (req.session && def.auth !== 'none' && def.auth !== 'system') {
      actor = await loadActor(deps.db, req.session.userId)
      if (!actor || !actor.isActive) {
        if (def.auth === 'user') fail.forbidden(SIGN_IN)
        actor = null
      }
    }
    const m = await meta()
    const now = deps.clock()

    if (def.kind === 'query') {
      const q = def as QueryDef<string, z.ZodType, unknown>
      return q.handler({ db: deps.db, actor: actor as Actor, now, meta: m, services: deps.services }, input)
    }
    return runCommand(def as CommandDef | PublicCommandDef | SystemCommandDef, input, actor, m, now, correlationId)
  }

  async function runCommand(
    def: CommandDef | PublicCommandDef | SystemCommandDef,
    input: unknown,
    actor: Actor | null,
    m: DbMeta,
    now: string,
    correlationId: string,
  ): Promise<unknown> {
    const commandId = deps.newId()
    const refused: { error: AppError | null } = { error: null }
    const value = await deps.db.transaction().execute(async (trx) => {
      const records: AuditRecord[] = []
      const base: Record<string, number> = {}
      const minted = { id: '', ref: null as string | null }
      if (def.kind === 'command' && 'creates' in def && def.creates) {
        const given = (input as { id?: string }).id
        minted.id = given ?? deps.newId()
        if (given) await assertIdUnused(trx, def.touches[0], given)
        if (def.creates.prefix) minted.ref = await mintReference(trx, def.creates.prefix, now, m.deviceCode)
      }
      const ctx: PublicCtx = {
        db: trx,
        actor,
        now,
        meta: m,
        services: deps.services,
        correlationId,
        commandId,
        newId: deps.newId,
        minted,
        audit: { record: (r) => void records.push(r) },
        touch: (type, id, version) => {
          base[`${type}:${id}`] ??= version
        },
      }
      let result: unknown
      try {
        result = await (def.handler as (c: PublicCtx, i: unknown) => Promise<unknown>)(ctx, input)
      } catch (e) {
        // A refused sign-in still records its failure counter and audit event (audit-security §3.3).
        if (!(e instanceof AppError && (e as PersistingError).persist)) throw e
        refused.error = e
      }
      deps.faultInjector?.(def.name)
      if (def.auth === 'system') {
        for (const r of records) r.actor ??= { id: null, label: `system:${def.name}` }
        await trx
          .insertInto('job_run')
          .values({ job: def.name, last_run_at: now, last_outcome: 'ok' })
          .onConflict((oc) => oc.column('job').doUpdateSet({ last_run_at: now, last_outcome: 'ok' }))
          .execute()
      }
      await appendAudit(
        trx,
        { chainId: m.databaseId, tenantId: m.tenantId, sha256Hex: deps.services.sha256Hex },
        records.map((r) => toEntry(r, def.name, actor, now, correlationId, commandId, m.deviceCode, deps.newId)),
      )
      if (def.sync === 'push' && !refused.error && actor) {
        await writeOutbox(trx, {
          id: commandId,
          command: def.name,
          input: minted.id
            ? { ...(input as object), id: minted.id, ...(minted.ref ? { ref: minted.ref } : {}) }
            : input,
          userId: actor.id,
          correlationId,
          base,
          createdAt: now,
          rulesVersion: deps.rulesVersion,
        })
      }
      return result
    })
    if (refused.error) throw refused.error
    return value
  }

  async function assertIdUnused(trx: Trx, table: string | undefined, id: string) {
    if (!table) return
    const hit = await trx
      .selectFrom(table as 'incident')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (hit) fail.field('id', 'A record with this id already exists.')
  }

  /** Runs a scheduled job (spec README §2.10); a re-run creates nothing new. */
  const runJob = (name: string) => call({ name, input: {}, session: null, system: true })

  /**
   * What a successful call does to the caller's session, as its catalogue entry declares: every transport
   * (harness cookie, Electron main, later the server) applies this instead of deciding for itself.
   */
  function sessionEffect(name: unknown, result: Result<unknown>): { establish: string } | 'end' | null {
    const def = typeof name === 'string' && Object.hasOwn(deps.catalogue, name) ? deps.catalogue[name] : undefined
    if (!result.ok || !def || !('session' in def)) return null
    if (def.session === 'establish') return { establish: (result.value as { id: string }).id }
    return def.session === 'end' ? 'end' : null
  }

  return { call, runJob, sessionEffect, meta, catalogue: deps.catalogue }
}

export type PersistingError = AppError & { persist?: boolean }
/** An error whose command still commits what it recorded (a refused sign-in's counter and audit event). */
export function persistingError(data: AppErrorData): AppError {
  const e = new AppError(data) as PersistingError
  e.persist = true
  return e
}

function toEntry(
  r: AuditRecord,
  command: string,
  actor: Actor | null,
  now: string,
  correlationId: string,
  commandId: string,
  device: string,
  newId: () => string,
): NewAuditEntry {
  return {
    id: newId(),
    at: now,
    recorded_at: now,
    actor_id: r.actor ? r.actor.id : (actor?.id ?? null),
    actor_label: r.actor ? r.actor.label : (actor?.email ?? 'anonymous'),
    action: r.action ?? command,
    entity_type: r.entityType,
    entity_id: r.entityId,
    entity_ref: r.entityRef ?? null,
    changes: r.changes,
    reason: r.reason ?? null,
    correlation_id: correlationId,
    command_id: commandId,
    origin_device: device,
  }
}

async function writeOutbox(
  trx: Trx,
  o: {
    id: string
    command: string
    input: unknown
    userId: string
    correlationId: string
    base: Record<string, number>
    createdAt: string
    rulesVersion: number
  },
) {
  const state = await trx
    .updateTable('sync_state')
    .set({ next_client_seq: sql`next_client_seq + 1` })
    .where('id', '=', 1)
    .returning('next_client_seq')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('sync_outbox')
    .values({
      id: o.id,
      client_seq: Number(state.next_client_seq) - 1,
      command: o.command,
      input: JSON.stringify(o.input),
      user_id: o.userId,
      correlation_id: o.correlationId,
      base_versions: JSON.stringify(o.base),
      base_snapshot: null,
      rules_version: o.rulesVersion,
      created_at: o.createdAt,
      state: 'pending',
    })
    .execute()
}
