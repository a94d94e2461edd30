import { sql } from 'kysely'
import { defineQuery } from '../catalogue/define'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { allMatrices, bandOf } from '../risk-matrix/matrix.bands'
import { riskVisible } from '../risks/risk.visibility'
import { acceptanceView } from './acceptance.commands'
import { acceptanceActions } from './acceptance.rules'
import { ListAcceptancesInput } from './acceptance.schema'

/**
 * risks.md §16 `riskAcceptance.list`: acceptances of the risks the caller sees (§12.2), every filter ANDed,
 * keyset paged by `requested_at desc` (default) or `expires_on`, each sort ending with `id`.
 */
export const listAcceptances = defineQuery({
  name: 'riskAcceptance.list',
  summary: 'Risk acceptances of visible risks, filtered and keyset paged.',
  input: ListAcceptancesInput,
  async handler(ctx, input) {
    const me = (v: string | undefined) => (v === 'me' ? ctx.actor.id : v)
    const today = ctx.now.slice(0, 10)
    let q = ctx.db
      .selectFrom('risk_acceptance as a')
      .innerJoin('risk', 'risk.id', 'a.risk_id')
      .where('a.tenant_id', '=', ctx.meta.tenantId)
      .where(riskVisible(ctx.actor))
    if (input.state?.length) q = q.where('a.state', 'in', input.state)
    const approver = me(input.approver_id)
    if (approver) q = q.where('a.approver_id', '=', approver)
    const requester = me(input.requested_by)
    if (requester) q = q.where('a.requested_by', '=', requester)
    if (input.risk_id) q = q.where('a.risk_id', '=', input.risk_id)
    if (input.expires_on_lte) q = q.where('a.expires_on', '<=', input.expires_on_lte)
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

    const byExpiry = input.ordering === 'expires_on'
    const col = byExpiry ? 'a.expires_on' : 'a.requested_at'
    const dir = input.ordering.startsWith('-') ? 'desc' : 'asc'
    const cmp = dir === 'asc' ? '>' : '<'
    const after = decodeCursor(input.cursor)
    if (after) {
      const [v, id] = [String(after[0]), String(after[1])]
      q = q.where((eb) => eb.or([eb(col, cmp, v), eb.and([eb(col, '=', v), eb('a.id', cmp, id)])]))
    }
    const rows = await q
      .innerJoin('users as approver', 'approver.id', 'a.approver_id')
      .innerJoin('users as requester', 'requester.id', 'a.requested_by')
      .selectAll('a')
      .select([
        'risk.ref as risk_ref',
        'risk.title as risk_title',
        'risk.status as risk_status',
        'risk.owner_id as risk_owner_id',
        'risk.matrix_version_id as risk_matrix_version_id',
        'approver.full_name as approver_name',
        'requester.full_name as requested_by_name',
      ])
      .orderBy(sql.ref(col), dir)
      .orderBy('a.id', dir)
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    const versions = await allMatrices(ctx.db)
    const snapshotMatrix = new Map(
      (
        await (page.some((r) => r.bound_snapshot_id)
          ? ctx.db
              .selectFrom('risk_snapshot')
              .select(['id', 'matrix_version_id'])
              .where(
                'id',
                'in',
                page.flatMap((r) => (r.bound_snapshot_id ? [r.bound_snapshot_id] : [])),
              )
              .execute()
          : Promise.resolve([]))
      ).map((s) => [s.id, s.matrix_version_id]),
    )
    return {
      items: page.map((r) => {
        const matrix = versions.get(snapshotMatrix.get(r.bound_snapshot_id ?? '') ?? r.risk_matrix_version_id)
        const score = r.bound_residual_score === null ? null : Number(r.bound_residual_score)
        const band = matrix ? bandOf(matrix, score) : null
        return {
          ...acceptanceView(r),
          risk_ref: r.risk_ref,
          risk_title: r.risk_title,
          risk_status: r.risk_status,
          risk_owner_id: r.risk_owner_id,
          approver_name: r.approver_name,
          requested_by_name: r.requested_by_name,
          bound_residual_band_label: band?.label ?? null,
          bound_residual_colour: band?.colour ?? null,
          bound_residual_text_colour: band?.text_colour ?? null,
          available_actions: acceptanceActions(
            { id: ctx.actor.id, roles: ctx.actor.roles },
            {
              state: r.state,
              approverId: r.approver_id,
              requesterId: r.requested_by,
              riskStatus: r.risk_status,
              expiresOn: r.expires_on,
            },
            today,
          ),
        }
      }),
      next_cursor:
        rows.length > input.limit && last
          ? encodeCursor([byExpiry ? last.expires_on : last.requested_at, last.id])
          : null,
      total,
    }
  },
})
