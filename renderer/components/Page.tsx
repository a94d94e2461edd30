import { useEffect, useRef, type ReactNode } from 'react'

type Props = { title: string; heading?: ReactNode; actions?: ReactNode; children: ReactNode }

/** One <h1> per screen; focus moves to it on arrival so screen readers announce the new page. */
export function Page({ title, heading, actions, children }: Props) {
  const h1 = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} – RiskDesk`
  }, [title])
  useEffect(() => {
    h1.current?.focus({ preventScroll: true })
  }, [])
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title" ref={h1} tabIndex={-1}>
          {heading ?? title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </section>
  )
}
