import type { ReactNode } from 'react'

type Row = readonly [label: string, value: ReactNode]

/** A titled panel of label/value pairs; an empty value reads "—" rather than vanishing. */
export function Facts({ title, rows }: { title: string; rows: readonly Row[] }) {
  const id = `facts-${title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value === null || value === undefined || value === '' ? <span className="muted">—</span> : value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
