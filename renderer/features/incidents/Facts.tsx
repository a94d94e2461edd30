import type { ReactNode } from 'react'

type Row = readonly [label: string, value: ReactNode]

/** Label/value pairs; an empty value reads "—" rather than vanishing. With a title, a panel of its own. */
export function Facts({ title, rows }: { title?: string; rows: readonly Row[] }) {
  const list = (
    <dl className={title ? 'facts' : 'facts facts-inline'}>
      {rows.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? <span className="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  )
  if (!title) return list
  const id = `facts-${title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {list}
    </section>
  )
}
