import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import { fail } from '../core/errors'
import { DateOnly } from '../core/primitives'
import { hasRole } from '../users/actor'
import { incidentVisible } from './incident.visibility'

/**
 * The period rule of incidents §6.7 that the regulatory loss reports build on: a VALIDATED or CLOSED loss (not
 * a near miss) belongs to the period containing its first accounting date; occurrence and discovery never
 * decide. Such events without the date are data-quality exceptions and count in no total.
 */
export const lossPeriod = defineQuery({
  name: 'incident.lossPeriod',
  summary: 'Validated losses of a reporting period by first accounting date, with the exceptions list.',
  input: z
    .strictObject({ from: DateOnly, to: DateOnly })
    .refine((v) => v.from <= v.to, { message: 'The period must end on or after its start.', path: ['to'] }),
  async handler(ctx, input) {
    if (!hasRole(ctx.actor, 'risk_officer', 'auditor'))
      fail.forbidden('Only Risk Officers and Auditors can run loss reports.')
    const base = ctx.db
      .selectFrom('incident')
      .where('incident.tenant_id', '=', ctx.meta.tenantId)
      .where('incident.deleted_at', 'is', null)
      .where('incident.status', 'in', ['VALIDATED', 'CLOSED'])
      .where('incident.near_miss', '=', 0)
      .where(incidentVisible(ctx.actor))
    const cols = [
      'incident.id',
      'incident.ref',
      'incident.title',
      'incident.status',
      'incident.first_accounting_date',
      'incident.gross_loss_reporting',
      'incident.net_loss_amount',
      'incident.currency_code',
    ] as const
    const events = await base
      .select(cols)
      .where('incident.first_accounting_date', '>=', input.from)
      .where('incident.first_accounting_date', '<=', input.to)
      .orderBy('incident.first_accounting_date')
      .orderBy('incident.id')
      .execute()
    const exceptions = await base
      .select(cols)
      .where('incident.first_accounting_date', 'is', null)
      .orderBy('incident.ref')
      .execute()
    return {
      from: input.from,
      to: input.to,
      reporting_currency: ctx.meta.reportingCurrency,
      events,
      totals: {
        count: events.length,
        gross_loss_reporting: events.reduce((s, e) => s + (e.gross_loss_reporting ?? 0), 0),
        unconverted: events.filter((e) => e.gross_loss_reporting === null).length,
      },
      exceptions: exceptions.map((e) => ({ ...e, problem: 'No first accounting date.' })),
    }
  },
})
