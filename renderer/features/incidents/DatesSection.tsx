import { FIELD_LABELS } from '#shared/incidents/incident.constants'
import { LocalTime } from '#renderer/components/index'
import type { IncidentDetail } from '#renderer/types'
import { Facts } from './Facts'
import { FormField, useField } from './FormField'

const TIMES = ['occurred_at', 'discovered_at', 'resolved_at'] as const

function TimeField({ name }: { name: (typeof TIMES)[number] }) {
  const [value, setValue] = useField(name)
  return (
    <FormField
      name={name}
      label={FIELD_LABELS[name]}
      hint="Your local time."
      control={(p) => (
        <input {...p} type="datetime-local" step={1} value={value} onChange={(e) => setValue(e.target.value)} />
      )}
    />
  )
}

/** incidents §15 "Dates": the event's own times (local, stored as UTC) and the workflow's milestones. */
export function DatesSection({ incident: i }: { incident: IncidentDetail }) {
  const [accounting, setAccounting] = useField('first_accounting_date')
  return (
    <section className="panel" aria-labelledby="dates-title">
      <h2 id="dates-title">Dates</h2>
      <div className="edit-grid">
        {TIMES.map((name) => (
          <TimeField key={name} name={name} />
        ))}
        <FormField
          name="first_accounting_date"
          label={FIELD_LABELS.first_accounting_date}
          hint="The day the loss first hit the P&L; it places the event in a reporting period."
          control={(p) => (
            <input {...p} type="date" value={accounting} onChange={(e) => setAccounting(e.target.value)} />
          )}
        />
      </div>
      <Facts
        rows={[
          ['Submitted', <LocalTime iso={i.submitted_at} />],
          ['Reviewed', <LocalTime iso={i.reviewed_at} />],
          ['Validated', <LocalTime iso={i.validated_at} />],
          ['Closed', <LocalTime iso={i.closed_at} />],
        ]}
      />
    </section>
  )
}
