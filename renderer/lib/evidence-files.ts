// Evidence files for the UI (controls.md §6.1): the renderer never reads files itself. In the desktop app
// the main process shows the file dialog and streams the file into the store; in the browser harness the
// chosen file is streamed to the harness's upload route. Both answer the metadata the evidence commands carry.
import { api, ApiError } from '../api'
import type { AppErrorData } from '#shared/core/errors'

export type StoredEvidenceFile = { file_sha256: string; file_name: string; file_size: number; media_type: string }

const UNAVAILABLE = 'RiskDesk could not reach its service. Check that it is running, then try again.'

/** A one-off hidden `<input type=file>`; resolves null when the user cancels. */
function chooseInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.style.display = 'none'
    let settled = false
    const done = (f: File | null) => {
      if (settled) return
      settled = true
      input.remove()
      resolve(f)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}

async function uploadToHarness(file: File): Promise<StoredEvidenceFile> {
  const params = new URLSearchParams({ name: file.name, type: file.type })
  let response: Response
  try {
    response = await fetch(`/evidence/upload?${params.toString()}`, {
      method: 'POST',
      body: file,
      headers: { 'content-type': 'application/octet-stream' },
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError('UNAVAILABLE', UNAVAILABLE)
  }
  const body = (await response.json().catch(() => null)) as
    { ok: true; value: StoredEvidenceFile } | { ok: false; error: AppErrorData } | null
  if (!body) throw new ApiError('UNAVAILABLE', UNAVAILABLE)
  if (!body.ok) throw ApiError.from(body.error)
  return body.value
}

/**
 * "Attach file": asks for a file and stores it; null when the user cancels. Refusals ("The file is empty.",
 * "The file is larger than 50 MB.") arrive as VALIDATION ApiErrors.
 */
export async function pickAndUpload(): Promise<StoredEvidenceFile | null> {
  if (window.riskdesk) return (await api.call('evidence.pickFile', {})).file
  const file = await chooseInBrowser()
  return file ? uploadToHarness(file) : null
}

/** "Open": the desktop opens a temporary copy with the system app; the browser downloads the file. */
export async function openEvidenceFile(sha256: string, fileName: string): Promise<void> {
  if (window.riskdesk) {
    await api.call('evidence.openFile', { file_sha256: sha256 })
    return
  }
  const a = document.createElement('a')
  a.href = `/evidence/file/${encodeURIComponent(sha256)}?${new URLSearchParams({ name: fileName }).toString()}`
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
}
