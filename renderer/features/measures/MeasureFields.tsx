import type { ReactNode } from 'react'
import { LocalTime } from '#renderer/components/index'
import { formatDate, utcToday } from '#renderer/lib/time'
import { InlineField } from './InlineField'
import { Deadline } from './MeasureBits'
import type { MeasureDetail } from './measure-types'
import { ResponsiblePicker } from './ResponsiblePicker'

const person = (p: { full_name: string; email: string }) => (p.full_name ? `${p.full_name} (${p.email})` : p.email)

/** measures §14 header: description, responsible and deadline, each inline-editable or locked; then the dates. */
export function MeasureFields({ measure: m }: { measure: MeasureDetail }) {
  const overdue = m.is_overdue ? <Deadline date={m.deadline} overdue /> : null
  return (
    <section className="panel" aria-label="Measure fields">
      <div className="edit-grid">
        <InlineField
          measure={m}
          field="description"
          stored={m.description}
          shown={m.description}
          multiline
          control={(value, set, props) => (
            <textarea
              {...props}
              rows={Math.min(10, value.split('\n').length + 2)}
              value={value}
              onChange={(e) => set(e.target.value)}
            />
          )}
        />
        <InlineField
          measure={m}
          field="responsible_user_id"
          stored={m.responsible.id}
          shown={person(m.responsible)}
          control={(value, set, props) => (
            <ResponsiblePicker
              id={props.id}
              value={value}
              onChange={set}
              current={m.responsible}
              invalid={props['aria-invalid']}
              describedBy={props['aria-describedby']}
            />
          )}
        />
        <InlineField
          measure={m}
          field="deadline"
          stored={m.deadline}
          shown={m.deadline ? formatDate(m.deadline) : 'No deadline'}
          after={overdue && <p className="field-note">{overdue}</p>}
          control={(value, set, props) => (
            <input {...props} type="date" min={utcToday()} value={value} onChange={(e) => set(e.target.value)} />
          )}
        />
      </div>
      <dl className="facts facts-inline">
        <Fact term="Created by">{person(m.created_by)}</Fact>
        <Fact term="Created">
          <LocalTime iso={m.created_at} />
        </Fact>
        <Fact term="Started">
          <LocalTime iso={m.started_at} />
        </Fact>
        <Fact term="Submitted">
          <LocalTime iso={m.submitted_at} />
        </Fact>
        <Fact term="Closed">
          <LocalTime iso={m.closed_at} />
        </Fact>
      </dl>
    </section>
  )
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}
