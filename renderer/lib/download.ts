/** Saves a file the renderer built: a Blob behind a temporary link (the browser's or Electron's download). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The click has handed the URL to the download; release it once that has started.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** `incident-register-2026-11-23-1405`: the export's name and the local time it was made. */
export function stampedName(base: string, ext: string, now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`
  return `${base}-${stamp}.${ext}`
}
