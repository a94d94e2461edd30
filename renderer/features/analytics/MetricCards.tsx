import { hours, type MttxRow } from './analytics-data'

/** MTTD and MTTR (incidents §11) with the number of incidents each mean covers. */
export function MetricCards({ overall }: { overall: MttxRow | null }) {
  return (
    <div className="metric-cards">
      <MetricCard
        title="MTTD"
        long="Mean time to detect"
        value={overall?.mttd_hours ?? null}
        n={overall?.mttd_n ?? 0}
        basis="incidents with occurrence and discovery times"
      />
      <MetricCard
        title="MTTR"
        long="Mean time to resolve"
        value={overall?.mttr_hours ?? null}
        n={overall?.mttr_n ?? 0}
        basis="closed incidents"
      />
    </div>
  )
}

function MetricCard(props: { title: string; long: string; value: number | null; n: number; basis: string }) {
  const id = `metric-${props.title.toLowerCase()}`
  return (
    <section className="metric-card" aria-labelledby={id}>
      <h2 id={id} className="metric-title">
        {props.title} <span className="muted">{props.long}</span>
      </h2>
      <p className="metric-value">{hours(props.value)}</p>
      <p className="muted">
        {props.n.toLocaleString('en-US')} {props.basis}
      </p>
    </section>
  )
}
