import { useState, type FormEvent } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import type { BaselType, RiskCategoryRow } from './types'
import { baselTree, includedThroughParent } from './workflow-draft'

const FIELDS = ['id', 'name', 'description', 'is_active', 'event_type_ids'] as const
type Field = (typeof FIELDS)[number]
type Props = {
  initial: RiskCategoryRow | null
  basel: readonly BaselType[]
  onClose: () => void
  onSaved: (m: string) => void
}

/**
 * risks.md §3.4: a category and the Basel event types it allows. Ticking a level-1 type allows all its level-2
 * types; a level-2 type can also be allowed on its own (EL2.2 for IT Risk).
 */
export function CategoryForm({ initial, basel, onClose, onSaved }: Props) {
  const [v, setV] = useState({
    id: initial?.id ?? '',
    name: initial?.name ?? '',
    description: initial?.description ?? '',
    is_active: initial?.is_active ?? true,
  })
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(initial?.event_type_ids ?? []))
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const tree = baselTree(basel)
  const what = initial ? `“${initial.name}”` : 'the new category'

  const tick = (id: string, on: boolean) =>
    setTicked((s) => {
      const next = new Set(s)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBanner(null)
    setBusy(true)
    // In the reference order, so the audit rows read like the list.
    const event_type_ids = basel.filter((t) => ticked.has(t.id)).map((t) => t.id)
    try {
      const answer = initial
        ? await api.call('riskCategory.update', {
            id: initial.id,
            name: v.name,
            description: v.description.trim() === '' ? null : v.description,
            is_active: v.is_active,
            event_type_ids,
          })
        : await api.call('riskCategory.create', {
            id: v.id.trim(),
            name: v.name,
            description: v.description.trim() === '' ? null : v.description,
            event_type_ids,
          })
      onSaved(`Category “${answer.name}” saved.`)
    } catch (err) {
      const split = splitError(toApiError(err), FIELDS)
      setErrors(split.fieldErrors)
      setBanner(split.banner?.error ?? null)
      setBusy(false)
    }
  }

  return (
    <form
      className="form form-wide settings-editor"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="category-editor-title"
    >
      <h3 id="category-editor-title">{initial ? `Edit category “${initial.name}”` : 'New risk category'}</h3>
      <ErrorBanner error={banner} />
      <div className="field-row">
        <div className="field">
          <label htmlFor="category-id">Code</label>
          <input
            {...describedField('category-id', errors.id, { hintId: 'category-id-hint' })}
            type="text"
            spellCheck={false}
            value={v.id}
            readOnly={initial !== null}
            onChange={(e) => setV((s) => ({ ...s, id: e.target.value.toUpperCase() }))}
          />
          <p id="category-id-hint" className="hint">
            {initial ? 'The code cannot change.' : 'Capital letters, digits or underscores, e.g. CONDUCT_RISK.'}
          </p>
          <FieldError id="category-id" message={errors.id} />
        </div>
        <div className="field field-grow">
          <label htmlFor="category-name">Name</label>
          <input
            {...describedField('category-name', errors.name)}
            type="text"
            value={v.name}
            onChange={(e) => setV((s) => ({ ...s, name: e.target.value }))}
          />
          <FieldError id="category-name" message={errors.name} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="category-description">Description</label>
        <textarea
          {...describedField('category-description', errors.description)}
          rows={2}
          value={v.description}
          onChange={(e) => setV((s) => ({ ...s, description: e.target.value }))}
        />
        <FieldError id="category-description" message={errors.description} />
      </div>
      {initial && (
        <div className="field field-toggle">
          <input
            id="category-active"
            type="checkbox"
            className="toggle"
            checked={v.is_active}
            onChange={(e) => setV((s) => ({ ...s, is_active: e.target.checked }))}
          />
          <label htmlFor="category-active">Active (offered on new and edited risks)</label>
        </div>
      )}
      <fieldset
        className="settings-fieldset"
        aria-invalid={Boolean(errors.event_type_ids)}
        aria-describedby={errors.event_type_ids ? 'category-types-error' : 'category-types-hint'}
      >
        <legend>Allowed Basel event types</legend>
        <p id="category-types-hint" className="hint">
          {`Ticking a level-1 type allows all its level-2 types. Risks of ${what} can only use the allowed types.`}
        </p>
        <FieldError id="category-types" message={errors.event_type_ids} />
        <div className="rcsa-basel-groups">
          {tree.map(({ parent, children }) => (
            <div key={parent.id} className="rcsa-basel-group">
              <label className="rcsa-check rcsa-check-l1">
                <input
                  type="checkbox"
                  checked={ticked.has(parent.id)}
                  onChange={(e) => tick(parent.id, e.target.checked)}
                />
                {`${parent.id} ${parent.name}`}
              </label>
              {children.map((c) => {
                const through = includedThroughParent(ticked, c)
                return (
                  <label key={c.id} className="rcsa-check rcsa-check-l2">
                    <input
                      type="checkbox"
                      checked={through || ticked.has(c.id)}
                      disabled={through}
                      onChange={(e) => tick(c.id, e.target.checked)}
                    />
                    {`${c.id} ${c.name}`}
                    {through && <span className="visually-hidden">{` (allowed through ${parent.id})`}</span>}
                  </label>
                )
              })}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {initial ? 'Save category' : 'Add category'}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
