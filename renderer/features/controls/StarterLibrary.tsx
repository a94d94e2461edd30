import { useCallback, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError, Page } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { describedField } from '#renderer/lib/form-errors'
import { controlPath, href } from '#renderer/router'
import { useSession } from '#renderer/stores/session'
import { ResponsiblePicker } from '../measures/ResponsiblePicker'
import type { TemplateItem } from './control-types'
import { frequencyLabel, implementationLabel, natureLabel, typeLabel } from './labels'
import { useFormOptions } from './options'

/** controls.md §5, §11 "Starter library" (risk officers): the templates, "Added" once their code is in use. */
export function StarterLibrary() {
  const load = useCallback(() => api.call('controlTemplate.list', {}), [])
  const templates = useLoad(load)
  const [adding, setAdding] = useState<TemplateItem | null>(null)
  const [added, setAdded] = useState<{ id: string; ref: string; code: string } | null>(null)

  return (
    <Page title="Starter library">
      <p className="lead">
        Security control templates with their framework references. "Add to library" creates the control with every
        reference in one step.
      </p>
      {added && (
        <p className="banner banner-success" role="status">
          <span>
            {added.code} added as <a href={href(controlPath(added.id))}>{added.ref}</a>.
          </span>
        </p>
      )}
      <ErrorBanner error={templates.error} onRetry={templates.reload} />
      {!templates.data ? (
        !templates.error && (
          <p className="muted" role="status">
            Loading templates…
          </p>
        )
      ) : (
        <ul className="template-cards" aria-label="Control templates">
          {templates.data.items.map((t) => (
            <li key={t.code} className="template-card" aria-labelledby={`tpl-${t.code}`}>
              <div className="template-head">
                <h2 id={`tpl-${t.code}`}>
                  <span className="control-code">{t.code}</span> {t.title}
                </h2>
                {t.added ? (
                  <span className="badge rcsa-badge-accepted" title="A control with this code is in the library.">
                    Added
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button-primary"
                    aria-label={`Add ${t.code} ${t.title} to library`}
                    onClick={() => setAdding(t)}
                  >
                    Add to library
                  </button>
                )}
              </div>
              <p>{t.description}</p>
              <p className="muted">
                {typeLabel(t.control_type)} · {natureLabel(t.control_nature)} · {frequencyLabel(t.control_frequency)} ·{' '}
                {implementationLabel(t.implementation_status)}
              </p>
              <table className="data template-refs">
                <caption>Framework references ({t.framework_refs.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">Framework</th>
                    <th scope="col">Clause</th>
                    <th scope="col">Clause title</th>
                  </tr>
                </thead>
                <tbody>
                  {t.framework_refs.map((r) => (
                    <tr key={`${r.framework_id}-${r.clause_code}`}>
                      <td>{r.framework_name}</td>
                      <td className="mono nowrap">{r.clause_code}</td>
                      <td>{r.clause_title ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <AddTemplateDialog
          template={adding}
          onClose={() => setAdding(null)}
          onAdded={(created) => {
            setAdded({ ...created, code: adding.code })
            setAdding(null)
            templates.reload()
          }}
        />
      )}
    </Page>
  )
}

type Field = 'business_unit_id' | 'owner_id'

function AddTemplateDialog(props: {
  template: TemplateItem
  onClose: () => void
  onAdded: (created: { id: string; ref: string }) => void
}) {
  const { template: t, onClose, onAdded } = props
  const me = useSession((s) => s.user)
  const options = useFormOptions()
  const units = options.data?.business_units ?? []
  const [bu, setBu] = useState(me?.business_unit_id ?? '')
  const [owner, setOwner] = useState(me?.id ?? '')
  const [groupWide, setGroupWide] = useState(true)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const unit = units.some((u) => u.id === bu) ? bu : ''

  const submit = async () => {
    setBanner(null)
    if (!unit) return setErrors({ business_unit_id: 'Choose a business unit.' })
    setErrors({})
    setBusy(true)
    try {
      const created = await api.call('control.createFromTemplate', {
        template_code: t.code,
        business_unit_id: unit,
        owner_id: owner,
        group_wide: groupWide,
      })
      onAdded(created)
    } catch (e) {
      const error = toApiError(e)
      const fieldErrors: Partial<Record<Field, string>> = {}
      for (const i of error.issues)
        if (i.path[0] === 'business_unit_id' || i.path[0] === 'owner_id') fieldErrors[i.path[0]] ??= i.message
      if (!owner && fieldErrors.owner_id) fieldErrors.owner_id = 'Choose the owner.'
      setErrors(fieldErrors)
      if (Object.keys(fieldErrors).length === 0) setBanner(error)
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={`Add ${t.code} ${t.title} to the library`}
      submitLabel="Add to library"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={banner} />
      <p className="muted">
        The control gets the template's fields and its {t.framework_refs.length} framework references.
      </p>
      <div className="field">
        <label htmlFor="tpl-bu">Business unit</label>
        <select
          {...describedField('tpl-bu', errors.business_unit_id)}
          value={unit}
          onChange={(e) => setBu(e.target.value)}
        >
          <option value="">{options.loading ? 'Loading…' : 'Choose a business unit…'}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <FieldError id="tpl-bu" message={errors.business_unit_id} />
      </div>
      <div className="field">
        <label htmlFor="tpl-owner">Owner</label>
        <ResponsiblePicker
          id="tpl-owner"
          value={owner}
          onChange={setOwner}
          current={me ? { id: me.id, full_name: me.full_name, email: me.email } : null}
          invalid={!!errors.owner_id}
          describedBy={errors.owner_id ? 'tpl-owner-error' : undefined}
        />
        <FieldError id="tpl-owner" message={errors.owner_id} />
      </div>
      <div className="field field-toggle">
        <input
          id="tpl-group-wide"
          type="checkbox"
          className="toggle"
          checked={groupWide}
          aria-describedby="tpl-group-wide-hint"
          onChange={(e) => setGroupWide(e.target.checked)}
        />
        <label htmlFor="tpl-group-wide">Group-wide</label>
        <p className="hint" id="tpl-group-wide-hint">
          Visible to every user with control access in every business unit.
        </p>
      </div>
    </Dialog>
  )
}
