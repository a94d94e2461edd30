import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

type Props = {
  title: string
  onClose: () => void
  onSubmit: () => void
  /** The primary button's words; the secondary one is always Cancel. */
  submitLabel: string
  busy?: boolean
  danger?: boolean
  children: ReactNode
}

/**
 * A modal form on the native <dialog>: focus stays inside, Escape cancels. Mounted = open, so the caller keeps
 * what the user typed in its own state and decides when it goes away. Portalled to <body>, so a dialog opened
 * from inside a form never nests one form in another.
 */
export function Dialog({ title, onClose, onSubmit, submitLabel, busy = false, danger = false, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!busy) onSubmit()
  }
  return createPortal(
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <form className="dialog-form" onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={danger ? 'button-danger' : 'button-primary'} disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  )
}
