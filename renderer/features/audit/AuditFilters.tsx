import { useState, type FormEvent } from 'react'
import { Id } from '#shared/core/primitives'
import { FieldError } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'

export type AuditFilterValues = { action: string; entityType: string; correlationId: string }
export const NO_AUDIT_FILTERS: AuditFilterValues = { action: '', entityType: '', correlationId: '' }

// Entity types the catalogue writes today; the box still accepts any other.
const ENTITY_TYPES = ['incident', 'user', 'settings', 'database', 'business_unit', 'user_notification']

type Props = { applied: AuditFilterValues; onApply: (values: AuditFilterValues) => void }

/** Typed filters apply on "Apply filters", so a half-typed correlation id never reaches the query. */
export function AuditFilters({ applied, onApply }: Props) {
  const [draft, setDraft] = useState(applied)
  const [seenApplied, setSeenApplied] = useState(applied)
  const [idError, setIdError] = useState<string | undefined>()
  // "All entries of this action" sets the filter from the table: show it in the boxes too.
  if (seenApplied !== applied) {
    setSeenApplied(applied)
    setDraft(applied)
  }

  const apply = (e: FormEvent) => {
    e.preventDefault()
    const values = {
      action: draft.action.trim(),
      entityType: draft.entityType.trim(),
      correlationId: draft.correlationId.trim().toLowerCase(),
    }
    const id = values.correlationId === '' ? null : Id.safeParse(values.correlationId)
    if (id && !id.success) {
      setIdError('Enter a correlation id like 01936f5e-3333-7333-8333-333333333333.')
      return
    }
    setIdError(undefined)
    onApply(values)
  }

  const field = (name: keyof AuditFilterValues, label: string, extra: Record<string, string> = {}) => (
    <div className="field">
      <label htmlFor={`audit-${name}`}>{label}</label>
      <input
        {...describedField(`audit-${name}`, name === 'correlationId' ? idError : undefined)}
        {...extra}
        type="text"
        value={draft[name]}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
      />
      {name === 'correlationId' && <FieldError id="audit-correlationId" message={idError} />}
    </div>
  )

  return (
    <form className="filters" onSubmit={apply} role="search" aria-label="Filter the audit trail">
      {field('action', 'Action', { placeholder: 'e.g. incident.create' })}
      {field('entityType', 'Entity type', { list: 'audit-entity-types' })}
      <datalist id="audit-entity-types">
        {ENTITY_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {field('correlationId', 'Correlation id')}
      <div className="filter-buttons">
        <button type="submit" className="button-secondary">
          Apply filters
        </button>
        <button
          type="button"
          className="button-link"
          onClick={() => {
            setIdError(undefined)
            setDraft(NO_AUDIT_FILTERS)
            onApply(NO_AUDIT_FILTERS)
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  )
}
