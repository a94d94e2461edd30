import { useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import { BandsEditor } from './BandsEditor'
import { Issues, mergeMessages } from './Issues'
import { LevelsEditor } from './LevelsEditor'
import {
  bandsOf,
  changesOf,
  draftIssues,
  formOf,
  hasIssues,
  issuePart,
  levelsOf,
  type DraftForm,
  type DraftIssues,
} from './matrix-draft'
import { MatrixPreview } from './MatrixPreview'
import type { MatrixVersionRow } from './types'

type Props = {
  version: MatrixVersionRow
  /** The draft was saved; the screen reloads the versions. */
  onSaved: () => void
  onPublished: (message: string) => void
  onDeleted: (message: string) => void
}

type Confirm = 'publish' | 'delete' | null

/**
 * risks.md §15 "Risk matrix (settings)": the draft editor. The §3.2 rules run as the admin types (the catalogue's
 * own rules, the save is still the judge) and the preview follows every keystroke. Publish works on the saved draft.
 */
export function MatrixDraftEditor({ version, onSaved, onPublished, onDeleted }: Props) {
  const [form, setForm] = useState<DraftForm>(() => formOf(version))
  const [server, setServer] = useState<Partial<DraftIssues>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirm, setConfirm] = useState<Confirm>(null)

  const live = draftIssues(form)
  const changes = changesOf(version, form)
  const dirty = Object.keys(changes).length > 0
  const messages = (part: keyof DraftIssues) => mergeMessages(live[part], server[part])

  const edit = (patch: Partial<DraftForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    setServer({})
    setSaved(null)
  }

  const fail = (e: unknown) => {
    const error = toApiError(e)
    const byPart: Partial<DraftIssues> = {}
    const elsewhere: string[] = []
    for (const issue of error.issues) {
      const part = issuePart(issue.path)
      if (part) (byPart[part] ??= []).push(issue.message)
      else elsewhere.push(issue.message)
    }
    setServer(byPart)
    setBanner(error.code !== 'VALIDATION' || elsewhere.length > 0 ? error : null)
  }

  const save = async () => {
    setBanner(null)
    setSaved(null)
    if (!dirty) {
      setSaved('Nothing to save: the draft has no unsaved changes.')
      return
    }
    setBusy(true)
    try {
      const answer = await api.call('riskMatrix.updateDraft', { id: version.id, changes })
      setForm(formOf(answer))
      setSaved(`Draft version ${version.version} saved.`)
      onSaved()
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  const run = async (what: Exclude<Confirm, null>) => {
    setBusy(true)
    setBanner(null)
    try {
      if (what === 'publish') {
        const answer = await api.call('riskMatrix.publish', { id: version.id, expected_version: version.row_version })
        const superseded = answer.superseded_ids.length > 0 ? ' The previous version is now superseded.' : ''
        onPublished(`Version ${version.version} published: new risks use it from now on.${superseded}`)
      } else {
        await api.call('riskMatrix.deleteDraft', { id: version.id, expected_version: version.row_version })
        onDeleted(`Draft version ${version.version} deleted.`)
      }
    } catch (e) {
      setConfirm(null)
      fail(e)
      setBusy(false)
    }
  }

  return (
    <section className="panel settings-section" aria-labelledby="draft-title">
      <div className="settings-head">
        <h2 id="draft-title">{`Draft version ${version.version}`}</h2>
        <div className="inline">
          <button type="button" className="button-primary" disabled={busy} onClick={() => void save()}>
            Save draft
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={busy || dirty}
            aria-describedby={dirty ? 'publish-hint' : undefined}
            onClick={() => setConfirm('publish')}
          >
            Publish…
          </button>
          <button type="button" className="button-danger-outline" disabled={busy} onClick={() => setConfirm('delete')}>
            Delete draft
          </button>
        </div>
      </div>
      <p className="hint" id="publish-hint">
        {dirty
          ? 'You have unsaved changes. Save the draft before publishing it.'
          : 'Publishing makes this version the one new risks use. Existing risks keep their version.'}
      </p>
      <ErrorBanner error={banner} />
      <p className="settings-status muted" role="status">
        {saved ?? ''}
      </p>
      <div className="field rcsa-matrix-name">
        <label htmlFor="matrix-name">Name</label>
        <input
          {...describedField('matrix-name', messages('name')[0])}
          type="text"
          maxLength={200}
          value={form.name}
          disabled={busy}
          onChange={(e) => edit({ name: e.target.value })}
        />
        <Issues id="matrix-name" messages={messages('name')} />
      </div>
      <BandsEditor
        bands={form.bands}
        messages={messages('bands')}
        disabled={busy}
        onChange={(bands) => edit({ bands })}
      />
      <div className="rcsa-matrix-row">
        <MatrixPreview
          title={hasIssues(live) ? 'Preview (fix the messages before saving)' : 'Preview'}
          likelihoodLevels={levelsOf(form.likelihood)}
          impactLevels={levelsOf(form.impact)}
          bands={bandsOf(form.bands)}
        />
        <div className="rcsa-matrix-levels">
          <LevelsEditor
            axis="Likelihood"
            id="likelihood-levels"
            levels={form.likelihood}
            messages={messages('likelihood')}
            disabled={busy}
            onChange={(likelihood) => edit({ likelihood })}
          />
          <LevelsEditor
            axis="Impact"
            id="impact-levels"
            levels={form.impact}
            messages={messages('impact')}
            disabled={busy}
            onChange={(impact) => edit({ impact })}
          />
        </div>
      </div>
      {confirm === 'publish' && (
        <Dialog
          title={`Publish matrix version ${version.version}`}
          submitLabel="Publish"
          busy={busy}
          onClose={() => setConfirm(null)}
          onSubmit={() => void run('publish')}
        >
          <p>
            {`Version ${version.version} “${version.name}” becomes the published matrix and the current one is superseded.`}
          </p>
          <p>
            New risks use it from now on. Existing risks keep the version they were assessed under until a risk officer
            adopts the current matrix. Published versions cannot be changed.
          </p>
        </Dialog>
      )}
      {confirm === 'delete' && (
        <Dialog
          title={`Delete draft version ${version.version}`}
          submitLabel="Delete draft"
          danger
          busy={busy}
          onClose={() => setConfirm(null)}
          onSubmit={() => void run('delete')}
        >
          <p>The draft and its unsaved changes are discarded. The published version stays as it is.</p>
        </Dialog>
      )}
    </section>
  )
}
