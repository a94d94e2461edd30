import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import { Id } from '../core/primitives'
import { STATUS_NAMES, type MeasureStatus } from './measure.constants'
import { visibleLinkedIncidents } from './measure.links-view'
import { linkedRisksOfMeasures } from './measure.risk-links'
import { loadMeasure } from './measure.store'
import { editableFor } from './measure.update'
import {
  availableActions,
  contextualRole,
  contextualRoleName,
  isOverdue,
  isParticipant,
  isReadOnly,
  mayDelete,
  mayLink,
  mayUnlink,
  todayOf,
} from './measure.workflow'

/** measures.md §12: one visible measure with its people, links, actions and permissions. */
export const getMeasure = defineQuery({
  name: 'measure.get',
  summary: 'One visible measure with its notes, links, actions and permissions.',
  input: z.strictObject({ id: Id }),
  async handler(ctx, input) {
    const { measure: m, facts, caller } = await loadMeasure(ctx, input.id)
    const people = await ctx.db
      .selectFrom('users')
      .select(['id', 'full_name', 'email'])
      .where('id', 'in', [m.responsible_user_id, m.created_by_user_id])
      .execute()
    const person = (id: string) => {
      const p = people.find((u) => u.id === id)
      return { id, full_name: p?.full_name ?? '', email: p?.email ?? '' }
    }
    // An auditor (or admin) reads only: every permission false and no actions (§12).
    const readOnly = isReadOnly(ctx.actor.roles)
    const editable = readOnly ? [] : await editableFor(ctx.db, caller, facts)
    const actions = availableActions(caller, facts)
    const role = contextualRole(caller, facts)
    const links = await visibleLinkedIncidents(ctx.db, ctx.actor, [m.id])
    const risks = (await linkedRisksOfMeasures(ctx.db, ctx.actor, [m.id])).get(m.id)
    return {
      id: m.id,
      ref: m.ref,
      description: m.description,
      status: { code: m.status as MeasureStatus, name: STATUS_NAMES[m.status as MeasureStatus] },
      responsible: person(m.responsible_user_id),
      created_by: person(m.created_by_user_id),
      deadline: m.deadline,
      notes: m.notes,
      closure_comment: m.closure_comment,
      started_at: m.started_at,
      submitted_at: m.submitted_at,
      closed_at: m.closed_at,
      created_at: m.created_at,
      updated_at: m.updated_at,
      version: m.version,
      is_overdue: isOverdue(m.status, m.deadline, todayOf(ctx.now)),
      contextual_role: role,
      contextual_role_name: contextualRoleName(role),
      linked_incidents: links.get(m.id) ?? [],
      linked_risks: risks?.visible ?? [],
      // Every link to a non-deleted risk, the ones outside the caller's scope included (as on the risk detail).
      linked_risk_count: risks?.total ?? 0,
      available_actions: actions,
      permissions: {
        editable_fields: editable,
        can_edit: editable.length > 0,
        can_delete: !readOnly && m.status === 'OPEN' && mayDelete(caller, facts),
        can_comment: !readOnly && isParticipant(caller, facts),
        can_link: !readOnly && m.status !== 'CANCELLED' && mayLink(caller, facts),
        can_unlink: !readOnly && mayUnlink(caller),
        can_transition: actions.length > 0,
      },
    }
  },
})
