import { mintReference } from '#shared/catalogue/references'
import type { Trx } from '#shared/db/schema'
import { bandOf, publishedMatrix, scoreOf } from '#shared/risk-matrix/matrix.bands'
import { averageEffectiveness } from '#shared/risks/risk.rules'
import org from '../../data/demo-org.json' with { type: 'json' }
import { newId, sha256Hex } from '../ids'
import { demoAudit } from './demo-audit'

const DAY = 86_400_000

/** Where the demo's evidence files go: the host's content-addressed evidence store, when it has one. */
export type EvidenceSink = (bytes: Uint8Array, fileName: string, mediaType: string) => Promise<{ sha256: string }>

type Relative = { daysAgo?: number; daysAhead?: number }
type DemoControl = (typeof org.controls)[number] & {
  fromTemplate?: string
  controlType?: string
  controlNature?: string
  controlFrequency?: string
  implementationStatus?: string
  description?: string
  businessProcess?: string | null
  frameworkRefs?: { framework: string; clause: string; title: string }[]
}
type DemoRisk = (typeof org.risks)[number] & { product?: string; businessProcess?: string; validatedBy?: string }

export type PendingSnapshot = {
  row: Record<string, unknown> & { id: string; risk_id: string; taken_at: string }
  ref: string
}
export type RcsaKeys = { risks: Map<string, string>; controls: Map<string, string>; snapshots: PendingSnapshot[] }

/**
 * The demo organisation's controls (with framework references, evidence and tests) and risks (with control,
 * incident and measure links), from data/demo-org.json. Every row gets a `demo.load` audit entry. Runs inside
 * the demo load's transaction after users, incidents and measures. The approval snapshots of the ACTIVE risks
 * are returned, not written: seed-kris.ts adds the worst KRI status they had at the approval and writes them.
 */
export async function seedRcsa(
  trx: Trx,
  opts: { now: string; tenantId: string; evidence?: EvidenceSink | undefined },
): Promise<RcsaKeys> {
  const meta = await trx.selectFrom('db_meta').selectAll().executeTakeFirstOrThrow()
  const tenantId = opts.tenantId
  const now = opts.now
  const today = now.slice(0, 10)
  const dayOf = (r: Relative) =>
    new Date(Date.parse(`${today}T00:00:00.000Z`) + ((r.daysAhead ?? 0) - (r.daysAgo ?? 0)) * DAY)
      .toISOString()
      .slice(0, 10)
  const at = (daysAgo: number) => new Date(Date.parse(now) - daysAgo * DAY).toISOString()
  const ids = async (table: 'users' | 'business_unit' | 'business_process' | 'product', key: 'username' | 'code') =>
    new Map(
      ((await trx.selectFrom(table).selectAll().execute()) as Record<string, unknown>[]).map((r) => [
        String(r[key]),
        String(r.id),
      ]),
    )
  const users = await ids('users', 'username')
  const units = await ids('business_unit', 'code')
  const processes = await ids('business_process', 'code')
  const products = await ids('product', 'code')
  const user = (name: string) => users.get(name)!

  const { record, flush } = demoAudit(meta, now)

  // Controls: the file's own fields, or the starter template's (controls.md §5, §13).
  const controls = new Map<string, string>()
  const effectiveness = new Map<string, number | null>()
  const createdAt = at(30)
  for (const c of org.controls as DemoControl[]) {
    const template = c.fromTemplate
      ? await trx
          .selectFrom('control_template')
          .selectAll()
          .where('code', '=', c.fromTemplate)
          .executeTakeFirstOrThrow()
      : null
    const ref = await mintReference(trx, 'CTL', createdAt, meta.device_code)
    const row = {
      id: newId(),
      tenant_id: tenantId,
      version: 1,
      created_at: createdAt,
      updated_at: createdAt,
      scope_keys: '[]',
      ref,
      code: c.code ?? null,
      title: c.title,
      description: template?.description ?? c.description!,
      control_type: template?.control_type ?? c.controlType!,
      control_nature: template?.control_nature ?? c.controlNature!,
      control_frequency: template?.control_frequency ?? c.controlFrequency!,
      implementation_status: template?.implementation_status ?? c.implementationStatus!,
      effectiveness: c.effectiveness ?? null,
      business_unit_id: units.get(c.businessUnit)!,
      business_process_id: c.businessProcess ? (processes.get(c.businessProcess) ?? null) : null,
      owner_id: user(c.owner),
      reference_doc: null,
      group_wide: c.groupWide ? 1 : 0,
      is_active: 1,
      deactivated_at: null,
      deactivated_by: null,
      deactivation_reason: null,
      evidence_status: 'NONE',
      last_test_date: null,
      last_test_result: null,
      created_by: user(c.createdBy),
      updated_by: user(c.createdBy),
    }
    await trx.insertInto('control').values(row).execute()
    record('control', row.id, row, ref)
    controls.set(c.key, row.id)
    effectiveness.set(row.id, row.effectiveness)
    const refs = template
      ? (JSON.parse(template.framework_refs) as { framework: string; clause: string; title: string }[])
      : (c.frameworkRefs ?? [])
    for (const f of refs) {
      const framework = await trx
        .selectFrom('framework')
        .select('id')
        .where('code', '=', f.framework)
        .executeTakeFirstOrThrow()
      const link = {
        id: newId(),
        tenant_id: tenantId,
        control_id: row.id,
        framework_id: framework.id,
        clause_code: f.clause,
        clause_title: f.title,
        created_by: row.created_by,
        created_at: createdAt,
      }
      await trx.insertInto('control_framework_ref').values(link).execute()
      record('control_framework_ref', link.id, link, ref)
    }
  }

  // Evidence: one accepted revision each; the file body goes to the host's store when it has one.
  for (const e of org.evidence) {
    const controlId = controls.get(e.control)!
    const validUntil = dayOf(e.validUntil)
    // Collected and uploaded 60 days before the later of today and the expiry, so the proof predates both.
    const uploadedAt = new Date(Math.min(Date.parse(now), Date.parse(`${validUntil}T12:00:00.000Z`)) - 60 * DAY)
    const uploaded = uploadedAt.toISOString()
    const reviewed = new Date(uploadedAt.getTime() + DAY).toISOString()
    const bytes = new TextEncoder().encode(e.fileText)
    const fileName = `${e.title}.txt`
    const sha = opts.evidence ? (await opts.evidence(bytes, fileName, 'text/plain')).sha256 : sha256Hex(e.fileText)
    const evidence = {
      id: newId(),
      tenant_id: tenantId,
      version: 2,
      created_at: uploaded,
      updated_at: reviewed,
      scope_keys: '[]',
      control_id: controlId,
      title: e.title,
      kind: e.kind,
      description: null,
      latest_version_no: 1,
      is_archived: 0,
      archived_at: null,
      archived_by: null,
      archive_reason: null,
      created_by: user(e.uploadedBy),
    }
    await trx.insertInto('evidence').values(evidence).execute()
    record('evidence', evidence.id, evidence, null)
    const revision = {
      id: newId(),
      tenant_id: tenantId,
      evidence_id: evidence.id,
      version_no: 1,
      file_sha256: sha,
      file_name: fileName,
      file_size: bytes.byteLength,
      media_type: 'text/plain',
      url: null,
      collected_at: uploaded,
      valid_until: validUntil,
      observation: null,
      status: e.status,
      uploaded_by: user(e.uploadedBy),
      uploaded_at: uploaded,
      reviewed_by: user(e.reviewedBy),
      reviewed_at: reviewed,
      review_note: null,
    }
    await trx.insertInto('evidence_revision').values(revision).execute()
    record('evidence_revision', revision.id, revision, null)
    const status = validUntil < today ? 'EXPIRED' : 'VALID'
    const current = await trx
      .selectFrom('control')
      .select('evidence_status')
      .where('id', '=', controlId)
      .executeTakeFirstOrThrow()
    // controls.md §6.5: EXPIRED wins over VALID across a control's records.
    if (current.evidence_status !== 'EXPIRED')
      await trx.updateTable('control').set({ evidence_status: status }).where('id', '=', controlId).execute()
  }

  for (const t of org.controlTests) {
    const controlId = controls.get(t.control)!
    const testDate = dayOf(t.testedOn)
    const test = {
      id: newId(),
      tenant_id: tenantId,
      control_id: controlId,
      test_date: testDate,
      tester_id: user(t.tester),
      result: t.result,
      notes: t.notes,
      evidence_revision_id: null,
      recorded_by: user(t.tester),
      recorded_at: `${testDate}T16:00:00.000Z`,
      voided_at: null,
      voided_by: null,
      void_reason: null,
    }
    await trx.insertInto('control_test').values(test).execute()
    record('control_test', test.id, test, null)
    await trx
      .updateTable('control')
      .set({ last_test_date: testDate, last_test_result: t.result })
      .where('id', '=', controlId)
      .execute()
  }

  // Risks with their links; an ACTIVE risk went through submit and approval a few days before install.
  const matrix = await publishedMatrix(trx)
  const risks = new Map<string, string>()
  const snapshots: PendingSnapshot[] = []
  const incidentTitles = new Map(org.incidents.map((i) => [i.key, i.title]))
  const measureDescriptions = new Map(org.measures.map((m) => [m.key, m.description]))
  for (const r of org.risks as DemoRisk[]) {
    const active = r.status === 'ACTIVE'
    const created = at(20)
    const submitted = active ? at(12) : null
    const validated = active ? at(10) : null
    const inherent = scoreOf(r.inherent.likelihood, r.inherent.impact)
    const residual = r.residual ? scoreOf(r.residual.likelihood, r.residual.impact) : null
    const ref = await mintReference(trx, 'RSK', created, meta.device_code)
    const row = {
      id: newId(),
      tenant_id: tenantId,
      version: 1,
      created_at: created,
      updated_at: validated ?? created,
      scope_keys: '[]',
      ref,
      title: r.title,
      description: r.description,
      risk_category_id: r.category,
      basel_event_type_id: r.baselEventType ?? null,
      business_unit_id: units.get(r.businessUnit)!,
      business_process_id: r.businessProcess ? (processes.get(r.businessProcess) ?? null) : null,
      product_id: r.product ? (products.get(r.product) ?? null) : null,
      owner_id: user(r.owner),
      matrix_version_id: matrix.id,
      inherent_likelihood: r.inherent.likelihood,
      inherent_impact: r.inherent.impact,
      inherent_score: inherent,
      inherent_band: bandOf(matrix, inherent)?.code ?? null,
      inherent_justification: null,
      residual_likelihood: r.residual?.likelihood ?? null,
      residual_impact: r.residual?.impact ?? null,
      residual_score: residual,
      residual_band: bandOf(matrix, residual)?.code ?? null,
      residual_justification: null,
      status: r.status,
      next_review_date: validated
        ? new Date(Date.parse(validated.slice(0, 10)) + 365 * DAY).toISOString().slice(0, 10)
        : null,
      submitted_for_review_at: submitted,
      submitted_by: active ? user(r.createdBy) : null,
      validated_at: validated,
      validated_by: active && r.validatedBy ? user(r.validatedBy) : null,
      retired_at: null,
      retired_by: null,
      retirement_reason: null,
      created_by: user(r.createdBy),
      updated_by: user(active && r.validatedBy ? r.validatedBy : r.createdBy),
      deleted_at: null,
      deleted_by: null,
    }
    await trx.insertInto('risk').values(row).execute()
    risks.set(r.key, row.id)
    const links: string[] = []
    for (const l of org.riskControlLinks.filter((x) => x.risk === r.key)) {
      const link = {
        risk_id: row.id,
        control_id: controls.get(l.control)!,
        tenant_id: tenantId,
        notes: null,
        created_by_user_id: user(l.linkedBy),
        created_at: created,
        updated_at: created,
      }
      await trx.insertInto('risk_control').values(link).execute()
      record('risk_control', `${row.id}:${link.control_id}`, link, ref)
      links.push(link.control_id)
    }
    // Control links and the approval each moved the version on (risks.md §1 "Versions").
    const version = 1 + links.length + (active ? 2 : 0)
    await trx.updateTable('risk').set({ version }).where('id', '=', row.id).execute()
    record('risk', row.id, { ...row, version }, ref)

    let incidents = 0
    for (const i of org.incidents.filter((x) => (x as { linkedRisks?: string[] }).linkedRisks?.includes(r.key))) {
      const incident = await trx
        .selectFrom('incident')
        .select('id')
        .where('title', '=', incidentTitles.get(i.key)!)
        .executeTakeFirst()
      if (!incident) continue
      const link = {
        incident_id: incident.id,
        risk_id: row.id,
        tenant_id: tenantId,
        created_by_user_id: row.created_by,
        created_at: created,
      }
      await trx.insertInto('incident_risk').values(link).execute()
      record('incident_risk', `${incident.id}:${row.id}`, link, ref)
      incidents++
    }
    let openMeasures = 0
    for (const m of org.measures.filter((x) => (x as { linkedRisks?: string[] }).linkedRisks?.includes(r.key))) {
      const measure = await trx
        .selectFrom('measure')
        .select(['id', 'status'])
        .where('description', '=', measureDescriptions.get(m.key)!)
        .executeTakeFirst()
      if (!measure) continue
      const link = {
        risk_id: row.id,
        measure_id: measure.id,
        tenant_id: tenantId,
        created_by_user_id: row.created_by,
        created_at: created,
      }
      await trx.insertInto('risk_measure').values(link).execute()
      record('risk_measure', `${row.id}:${measure.id}`, link, ref)
      if (measure.status !== 'COMPLETED' && measure.status !== 'CANCELLED') openMeasures++
    }

    if (active) {
      const controlIds = [...links].sort()
      const rated = controlIds.map((id) => effectiveness.get(id)).filter((e): e is number => e != null)
      const snapshot = {
        id: newId(),
        tenant_id: tenantId,
        risk_id: row.id,
        taken_at: validated!,
        trigger: 'APPROVAL',
        risk_version: version,
        status: 'ACTIVE',
        title: row.title,
        risk_category_id: row.risk_category_id,
        basel_event_type_id: row.basel_event_type_id,
        business_unit_id: row.business_unit_id,
        owner_id: row.owner_id,
        matrix_version_id: row.matrix_version_id,
        inherent_likelihood: row.inherent_likelihood,
        inherent_impact: row.inherent_impact,
        inherent_score: row.inherent_score,
        inherent_band: row.inherent_band,
        residual_likelihood: row.residual_likelihood,
        residual_impact: row.residual_impact,
        residual_score: row.residual_score,
        residual_band: row.residual_band,
        control_ids: JSON.stringify(controlIds),
        control_count: controlIds.length,
        avg_control_design_effectiveness: averageEffectiveness(rated),
        open_measure_count: openMeasures,
        incident_count: incidents,
        worst_kri_status: null,
        actor_id: user(r.validatedBy!),
      }
      snapshots.push({ row: snapshot, ref })
    }
  }
  await flush(trx)
  return { risks, controls, snapshots }
}
