import type { BenchContext } from './context'
import { BENCH_NOW } from './dataset'
import { benchLine, ratePerSecond, timeMedian } from './stats'

type Page = { items: { id: string }[] }
const PAGE_INPUT = { status: ['PENDING_VALIDATION'], sort: 'current_due_at', limit: 50 }

/** A filtered, sorted register page through incident.list as rog (risk officer, group scope). */
export async function listPage(b: BenchContext, log: (s: string) => void): Promise<string> {
  // Hand-written: the same list row (columns, joins and the notes header), the status index named, 51 rows.
  const raw = b.store.raw.prepare(`
    SELECT i.id, i.ref, i.title, i.status, i.severity, i.near_miss, i.business_unit_id, bu.name AS business_unit_name,
           i.simplified_event_type_id, st.name AS simplified_event_type_name, i.basel_event_type_id,
           i.gross_loss_amount, i.gross_loss_reporting, i.currency_code, i.net_loss_amount, i.assigned_to_user_id,
           a.full_name AS assignee_name, i.basel_business_line_id, i.current_due_at, i.discovered_at, i.first_accounting_date, i.created_at,
           i.updated_at, i.created_by_user_id, c.full_name AS creator_name, i.deleted_at,
           substr(i.notes, 1, 40) AS notes_head
    FROM incident i INDEXED BY incident_status_due
    LEFT JOIN business_unit bu ON bu.id = i.business_unit_id
    LEFT JOIN simplified_event_type st ON st.id = i.simplified_event_type_id
    LEFT JOIN users a ON a.id = i.assigned_to_user_id
    JOIN users c ON c.id = i.created_by_user_id
    WHERE i.status = ? AND i.deleted_at IS NULL AND i.tenant_id = ? AND i.current_due_at IS NOT NULL
    ORDER BY i.current_due_at, i.id LIMIT 51`)
  const page = await b.call<Page>('rog', 'incident.list', PAGE_INPUT)
  const rawRows = raw.all('PENDING_VALIDATION', b.tenantId) as { id: string }[]
  const same =
    page.items.map((i) => i.id).join() ===
    rawRows
      .slice(0, 50)
      .map((r) => r.id)
      .join()
  if (!same) log('  WARNING: the catalogue page and the hand-written page differ')
  // Both sides warm (JIT and page cache) and timed over the same number of runs.
  const value = await timeMedian(() => b.call('rog', 'incident.list', PAGE_INPUT), { runs: 300, warmup: 100 })
  const rawMs = await timeMedian(() => raw.all('PENDING_VALIDATION', b.tenantId), { runs: 300, warmup: 100 })
  return benchLine('incidents.list-page', value, 'ms', rawMs)
}

/** incident.metrics.counts by status over every visible incident, against a raw GROUP BY count. */
export async function count(b: BenchContext): Promise<string> {
  const raw = b.store.raw.prepare(
    'SELECT status, count(*) AS n FROM incident WHERE tenant_id = ? AND deleted_at IS NULL GROUP BY status',
  )
  const value = await timeMedian(() => b.call('rog', 'incident.metrics.counts', { group_by: 'status' }), {
    runs: 7,
    warmup: 1,
  })
  const rawMs = await timeMedian(() => raw.all(b.tenantId), { runs: 7, warmup: 1 })
  return benchLine('incidents.count', value, 'ms', rawMs)
}

/** incident.get on a sample of ids, against a raw select by primary key. */
export async function detail(b: BenchContext): Promise<string> {
  const ids = (
    b.store.raw.prepare("SELECT id FROM incident WHERE status = 'PENDING_VALIDATION' ORDER BY id LIMIT 200").all() as {
      id: string
    }[]
  ).map((r) => r.id)
  const raw = b.store.raw.prepare('SELECT * FROM incident WHERE id = ?')
  let i = 0
  const next = () => ids[i++ % ids.length]!
  const value = await timeMedian(() => b.call('rog', 'incident.get', { id: next() }), { runs: 200, warmup: 10 })
  const rawMs = await timeMedian(() => raw.get(next()), { runs: 200, warmup: 10 })
  return benchLine('incidents.detail', value, 'ms', rawMs)
}

const IMPORT_ROWS = 250
const IMPORT_ROUNDS = 6

/**
 * Bulk create through incident.create (zod, reference checks, SLA, ref minting, audit chain, outbox), one
 * command (= one durable transaction) per row, against a raw prepared INSERT of the same row, also one
 * durable transaction per row: both pay the same commit cost, so the ratio is what the catalogue path adds.
 */
export async function importRows(b: BenchContext): Promise<string> {
  const at = (h: number) => new Date(Date.parse(BENCH_NOW) - h * 3_600_000).toISOString()
  const input = (i: number) => ({
    title: `Imported incident ${i}`,
    description: 'Bulk import through the catalogue (bench).',
    simplified_event_type_id: i % 2 ? 'FRAUD' : 'IT_DATA_CYBER',
    gross_loss_amount: 10_000 + i,
    currency_code: 'EUR',
    occurred_at: at(48),
    discovered_at: at(24),
  })
  const meta = b.store.raw.prepare('SELECT tenant_id, device_code FROM db_meta').get() as {
    tenant_id: string
    device_code: string
  }
  const businessUnit = (
    b.store.raw.prepare('SELECT business_unit_id FROM users WHERE id = ?').get(b.users['emp']) as {
      business_unit_id: string
    }
  ).business_unit_id
  const insert = b.store.raw.prepare(`INSERT INTO incident (id, tenant_id, version, created_at, updated_at, scope_keys,
      ref, title, description, status, business_unit_id, simplified_event_type_id, near_miss, gross_loss_amount,
      currency_code, net_loss_amount, recovery_total, gross_loss_reporting, severity, occurred_at, discovered_at,
      draft_due_at, current_due_at, created_by_user_id)
    VALUES (@id, @tenant_id, 1, @now, @now, @scope_keys, @ref, @title, @description, 'DRAFT', @bu, @type, 0, @gross,
      'EUR', @gross, 0, @gross, 'medium', @occurred, @discovered, @due, @due, @creator)`)
  const { newId } = await import('#main/ids')
  const rawRow = (i: number) => {
    const v = input(i)
    insert.run({
      id: newId(),
      tenant_id: meta.tenant_id,
      now: BENCH_NOW,
      scope_keys: '[]',
      ref: `INC-2026-${meta.device_code}-R${String(i).padStart(6, '0')}`,
      title: v.title,
      description: v.description,
      bu: businessUnit,
      type: v.simplified_event_type_id,
      gross: v.gross_loss_amount,
      occurred: v.occurred_at,
      discovered: v.discovered_at,
      due: BENCH_NOW,
      creator: b.users['emp'],
    })
  }
  // Interleaved rounds, so both paths see the same disk and WAL conditions (commit latency varies on a VM).
  let catalogueSeconds = 0
  let rawSeconds = 0
  for (let round = 0; round < IMPORT_ROUNDS; round++) {
    const offset = round * IMPORT_ROWS
    catalogueSeconds +=
      IMPORT_ROWS / (await ratePerSecond(IMPORT_ROWS, (i) => b.call('emp', 'incident.create', input(offset + i))))
    rawSeconds += IMPORT_ROWS / (await ratePerSecond(IMPORT_ROWS, (i) => rawRow(offset + i)))
  }
  const value = (IMPORT_ROWS * IMPORT_ROUNDS) / catalogueSeconds
  const rawRate = (IMPORT_ROWS * IMPORT_ROUNDS) / rawSeconds
  return benchLine('incidents.import', value, 'rows/s', rawRate)
}
