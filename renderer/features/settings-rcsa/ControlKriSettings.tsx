import { useCallback, useState, type FormEvent } from 'react'
import type { OutputOf } from '#shared/catalogue/types'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import { useLoad } from '#renderer/hooks/use-load'
import { wholeNumber } from './workflow-draft'

type Settings = OutputOf<'rcsaSettings.get'>['settings']
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUALLY'] as const
const FREQUENCY_LABELS: Record<(typeof FREQUENCIES)[number], string> = {
  DAILY: 'Daily',
  WEEKLY: 'Weekly',
  MONTHLY: 'Monthly',
  QUARTERLY: 'Quarterly',
  ANNUALLY: 'Annually',
}
type Key = 'evidence_max_file_mb' | 'control_fields_locked_when_linked_active' | 'kri_default_grace_days'
const KEYS: readonly Key[] = [
  'evidence_max_file_mb',
  'control_fields_locked_when_linked_active',
  'kri_default_grace_days',
]
const fieldLabel = (f: string) => f.replace(/_id$/, '').replace(/_/g, ' ')

type Lockable = OutputOf<'rcsaSettings.get'>['lockable_fields'][number]
type Draft = { mb: string; locked: Lockable[]; grace: Record<(typeof FREQUENCIES)[number], string> }
const draftOf = (s: Settings): Draft => ({
  mb: String(s.evidence_max_file_mb),
  // The setting holds names the command accepted, so they are lockable fields.
  locked: s.control_fields_locked_when_linked_active as Lockable[],
  grace: Object.fromEntries(FREQUENCIES.map((f) => [f, String(s.kri_default_grace_days[f])])) as Draft['grace'],
})

/** controls.md §2.6 and kris.md §2.5: the fields locked while linked, the evidence size limit, KRI grace days. */
export function ControlKriSettings() {
  const load = useCallback(() => api.call('rcsaSettings.get', {}), [])
  const loaded = useLoad(load)
  return (
    <section className="panel settings-section" aria-labelledby="control-kri-title">
      <h2 id="control-kri-title">Controls and KRIs</h2>
      <ErrorBanner error={loaded.error} />
      {loaded.data && <SettingsForm data={loaded.data} />}
    </section>
  )
}

function SettingsForm({ data }: { data: OutputOf<'rcsaSettings.get'> }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(data.settings))
  const [errors, setErrors] = useState<FieldErrors<Key>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setBanner(null)
    setStatus('')
    try {
      const answer = await api.call('rcsaSettings.set', {
        evidence_max_file_mb: wholeNumber(draft.mb),
        control_fields_locked_when_linked_active: draft.locked,
        kri_default_grace_days: Object.fromEntries(
          FREQUENCIES.map((f) => [f, wholeNumber(draft.grace[f])]),
        ) as Settings['kri_default_grace_days'],
      })
      setErrors({})
      setStatus(answer.changed.length === 0 ? 'Nothing to save: the values are unchanged.' : 'Settings saved.')
      setDraft(draftOf(answer.settings))
    } catch (err) {
      const split = splitError(toApiError(err), KEYS)
      setErrors(split.fieldErrors)
      setBanner(split.banner?.error ?? null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <ErrorBanner error={banner} />
      {
        <form className="form rcsa-settings-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="setting-evidence_max_file_mb">Largest evidence file (MB)</label>
            <input
              {...describedField('setting-evidence_max_file_mb', errors.evidence_max_file_mb)}
              type="text"
              inputMode="numeric"
              value={draft.mb}
              onChange={(e) => setDraft({ ...draft, mb: e.target.value })}
            />
            <FieldError id="setting-evidence_max_file_mb" message={errors.evidence_max_file_mb} />
          </div>
          <fieldset className="field rcsa-lock-grid">
            <legend>Control fields locked while the control is linked to an ACTIVE risk</legend>
            {data.lockable_fields.map((f) => (
              <label key={f} className="check">
                <input
                  type="checkbox"
                  checked={draft.locked.includes(f)}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      locked: e.target.checked ? [...draft.locked, f] : draft.locked.filter((x) => x !== f),
                    })
                  }
                />{' '}
                {fieldLabel(f)}
              </label>
            ))}
            <FieldError
              id="setting-control_fields_locked_when_linked_active"
              message={errors.control_fields_locked_when_linked_active}
            />
          </fieldset>
          <fieldset className="field">
            <legend>Default KRI grace days</legend>
            <div className="field-row">
              {FREQUENCIES.map((f) => (
                <div className="field" key={f}>
                  <label htmlFor={`setting-grace-${f}`}>{FREQUENCY_LABELS[f]}</label>
                  <input
                    id={`setting-grace-${f}`}
                    type="text"
                    inputMode="numeric"
                    value={draft.grace[f]}
                    onChange={(e) => setDraft({ ...draft, grace: { ...draft.grace, [f]: e.target.value } })}
                  />
                </div>
              ))}
            </div>
            <FieldError id="setting-kri_default_grace_days" message={errors.kri_default_grace_days} />
          </fieldset>
          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy}>
              Save
            </button>
            <span role="status">{status}</span>
          </div>
        </form>
      }
    </>
  )
}
