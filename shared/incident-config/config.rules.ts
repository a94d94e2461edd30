import type { Issue } from '../core/errors'
import { ROLE_NAMES, type Role } from '../core/primitives'
import { CONFIG_EDGES, EDITABLE_FIELDS, isConfigRole, REQUIRABLE_FIELDS, REQUIRED_TARGETS } from './config.constants'

// The save rules of incidents §13 with their exact messages: pure, listed in input order.

export function transitionIssues(row: { from: string; to: string; role: Role }): Issue[] {
  const issues: Issue[] = []
  if (!CONFIG_EDGES.some((e) => e.from === row.from && e.to === row.to))
    issues.push({ path: ['to'], message: `No action exists for ${row.from} → ${row.to}.` })
  if (!isConfigRole(row.role))
    issues.push({ path: ['role'], message: `Role '${ROLE_NAMES[row.role]}' cannot perform incident transitions.` })
  return issues
}

export function requiredFieldIssues(input: { status: string; fields: readonly string[] }): Issue[] {
  const issues: Issue[] = []
  if (!(REQUIRED_TARGETS as readonly string[]).includes(input.status))
    issues.push({
      path: ['status'],
      message: 'Required fields are set for PENDING_REVIEW, PENDING_VALIDATION, VALIDATED and CLOSED only.',
    })
  input.fields.forEach((f, i) => {
    if (!REQUIRABLE_FIELDS.includes(f)) issues.push({ path: ['fields', i], message: `'${f}' cannot be required.` })
  })
  return issues
}

export function editableFieldIssues(input: { status: string; role: Role; fields: readonly string[] }): Issue[] {
  const issues: Issue[] = []
  if (input.status === 'CLOSED') issues.push({ path: ['status'], message: 'Closed incidents cannot be edited.' })
  if (!isConfigRole(input.role))
    issues.push({ path: ['role'], message: `Role '${ROLE_NAMES[input.role]}' cannot edit incident fields.` })
  input.fields.forEach((f, i) => {
    if (!EDITABLE_FIELDS.includes(f)) issues.push({ path: ['fields', i], message: `Unknown field '${f}'.` })
    else if (f === 'net_loss_override' && input.role !== 'risk_officer')
      issues.push({ path: ['fields', i], message: 'Only the Risk Officer role may override the net loss.' })
  })
  return issues
}

export type MapEntry = { basel_event_type_id: string; is_default: boolean }

export function baselMapIssues(entries: readonly MapEntry[], known: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = []
  const seen = new Set<string>()
  entries.forEach((e, i) => {
    const path = ['entries', i, 'basel_event_type_id']
    if (!known.has(e.basel_event_type_id)) issues.push({ path, message: 'Unknown Basel event type.' })
    else if (seen.has(e.basel_event_type_id)) issues.push({ path, message: 'Each Basel type may appear once.' })
    seen.add(e.basel_event_type_id)
  })
  if (entries.filter((e) => e.is_default).length > 1)
    issues.push({ path: ['entries'], message: 'Only one default Basel type per simplified type.' })
  return issues
}
