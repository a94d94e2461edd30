import { useState, type ReactNode } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { pickAndUpload, type StoredEvidenceFile } from '#renderer/lib/evidence-files'
import { describedField } from '#renderer/lib/form-errors'
import { localInputToUtc } from '#renderer/lib/time'
import { EVIDENCE_KINDS } from '#shared/controls/control.constants'
import type { InputOf } from '#shared/catalogue/types'
import type { EvidenceItem } from './control-types'
import { fileSizeText, kindLabel } from './labels'

type Field = 'title' | 'kind' | 'description' | 'file' | 'url' | 'collected_at' | 'valid_until' | 'observation'

type Props = {
  controlId: string
  /** Adds a revision to this record; a new record when absent. */
  evidence?: EvidenceItem
  onClose: () => void
  onSaved: () => void
}

const FILE_FIELDS = new Set(['file_sha256', 'file_name', 'file_size', 'media_type'])

/** The issue's field in this form: `revision.file_size` → file, `revision.url` → url, `title` → title. */
function fieldOf(path: (string | number)[]): Field | null {
  const name = path[0] === 'revision' ? path[1] : path[0]
  if (typeof name !== 'string') return null
  if (FILE_FIELDS.has(name)) return 'file'
  return ['title', 'kind', 'description', 'url', 'collected_at', 'valid_until', 'observation'].includes(name)
    ? (name as Field)
    : null
}

/** Now in the user's wall clock to the minute, so it is never after the catalogue's now. */
function nowLocalMinute(): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`
}

/**
 * controls.md §6.1–§6.2 "Add evidence" / "Add revision": the renderer never reads the file; "Choose file…" hands
 * it to the shell (or the harness), which stores it and answers name, size, type and SHA-256.
 */
export function EvidenceDialog({ controlId, evidence, onClose, onSaved }: Props) {
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<string>(evidence?.kind ?? 'DOCUMENT')
  const [description, setDescription] = useState('')
  const [file, setFile] = useState<StoredEvidenceFile | null>(null)
  const [url, setUrl] = useState('')
  const [collected, setCollected] = useState(nowLocalMinute)
  const [validUntil, setValidUntil] = useState('')
  const [observation, setObservation] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(false)
  const isLink = kind === 'LINK'

  const choose = async () => {
    setUploading(true)
    setErrors(({ file: _file, ...rest }) => rest)
    try {
      const stored = await pickAndUpload()
      if (stored) setFile(stored)
    } catch (e) {
      const error = toApiError(e)
      setErrors((x) => ({ ...x, file: error.issues[0]?.message ?? error.message }))
    } finally {
      setUploading(false)
    }
  }

  const submit = async () => {
    setBanner(null)
    const when = localInputToUtc(collected)
    if (!when.ok || when.iso === null) {
      setErrors({ collected_at: when.ok ? 'This field is required.' : when.message })
      return
    }
    if (!isLink && !file) {
      setErrors({ file: 'Choose the file to attach.' })
      return
    }
    setErrors({})
    setBusy(true)
    const revision = {
      ...(isLink
        ? { url }
        : {
            file_sha256: file!.file_sha256,
            file_name: file!.file_name,
            file_size: file!.file_size,
            media_type: file!.media_type,
          }),
      collected_at: when.iso,
      ...(validUntil ? { valid_until: validUntil } : {}),
      ...(observation.trim() ? { observation } : {}),
    }
    try {
      if (evidence) await api.call('evidence.addRevision', { evidence_id: evidence.id, revision })
      else
        await api.call('evidence.create', {
          control_id: controlId,
          title,
          kind,
          ...(description.trim() ? { description } : {}),
          revision,
        } as InputOf<'evidence.create'>)
      onSaved()
    } catch (e) {
      const error = toApiError(e)
      const fieldErrors: Partial<Record<Field, string>> = {}
      const elsewhere: string[] = []
      for (const issue of error.issues) {
        const f = fieldOf(issue.path)
        if (f) fieldErrors[f] ??= issue.message
        else elsewhere.push(issue.message)
      }
      setErrors(fieldErrors)
      if (error.code !== 'VALIDATION' || elsewhere.length > 0) setBanner(error)
      setBusy(false)
    }
  }

  const input = (
    id: string,
    field: Field,
    label: string,
    control: (p: ReturnType<typeof describedField>) => ReactNode,
    hint?: string,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control(describedField(id, errors[field], hint ? { hintId: `${id}-hint` } : {}))}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={errors[field]} />
    </div>
  )

  return (
    <Dialog
      title={evidence ? `Add revision to “${evidence.title}”` : 'Add evidence'}
      submitLabel={evidence ? 'Add revision' : 'Add evidence'}
      busy={busy || uploading}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={banner} />
      {!evidence && (
        <>
          {input('evidence-title', 'title', 'Title', (p) => (
            <input {...p} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
          ))}
          {input(
            'evidence-kind',
            'kind',
            'Kind',
            (p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
                {EVIDENCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
            ),
            'A link carries a URL; every other kind carries a file.',
          )}
          {input('evidence-description', 'description', 'Description (optional)', (p) => (
            <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          ))}
        </>
      )}
      {isLink ? (
        input('evidence-url', 'url', 'Link', (p) => (
          <input
            {...p}
            type="text"
            inputMode="url"
            placeholder="https://…"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        ))
      ) : (
        <div className="field">
          <span className="label" id="evidence-file-label">
            File
          </span>
          <div className="inline">
            <button
              type="button"
              className="button-secondary"
              aria-describedby={errors.file ? 'evidence-file-error' : 'evidence-file-hint'}
              disabled={uploading}
              onClick={() => void choose()}
            >
              {file ? 'Choose another file…' : 'Choose file…'}
            </button>
            {uploading && (
              <span className="muted" role="status">
                Storing the file…
              </span>
            )}
          </div>
          {file ? (
            <dl className="file-facts" id="evidence-file-hint" aria-label="Chosen file">
              <div>
                <dt>Name</dt>
                <dd>{file.file_name}</dd>
              </div>
              <div>
                <dt>Size</dt>
                <dd title={`${file.file_size} bytes`}>{fileSizeText(file.file_size)}</dd>
              </div>
              <div>
                <dt>SHA-256</dt>
                <dd className="mono hash">{file.file_sha256}</dd>
              </div>
            </dl>
          ) : (
            <p className="hint" id="evidence-file-hint">
              The file is copied into RiskDesk's evidence store and fingerprinted (SHA-256).
            </p>
          )}
          <FieldError id="evidence-file" message={errors.file} />
        </div>
      )}
      <div className="field-row">
        {input(
          'evidence-collected',
          'collected_at',
          'Collected at',
          (p) => (
            <input {...p} type="datetime-local" value={collected} onChange={(e) => setCollected(e.target.value)} />
          ),
          'When the proof was produced; not in the future.',
        )}
        {input(
          'evidence-valid-until',
          'valid_until',
          'Valid until (optional)',
          (p) => (
            <input {...p} type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
          ),
          'Empty: the proof does not expire.',
        )}
      </div>
      {input(
        'evidence-observation',
        'observation',
        'Observation (optional)',
        (p) => (
          <textarea {...p} rows={3} value={observation} onChange={(e) => setObservation(e.target.value)} />
        ),
        'What the proof shows, gaps noticed.',
      )}
    </Dialog>
  )
}
