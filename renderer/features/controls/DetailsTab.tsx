import { LocalTime } from '#renderer/components/index'
import { Fact } from './ControlBits'
import type { ControlData } from './control-types'
import { effectivenessText, implementationLabel } from './labels'

/** controls.md §11 Details tab: the §2.1 fields and the computed ones. */
export function DetailsTab({ control: c }: { control: ControlData }) {
  return (
    <section className="panel" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <dl className="facts">
        <Fact label="Description">
          <span className="prewrap">{c.description}</span>
        </Fact>
        <Fact label="Ref">{c.ref}</Fact>
        <Fact label="Code">{c.code ?? '—'}</Fact>
        <Fact label="Type">{c.control_type_label}</Fact>
        <Fact label="Nature">{c.control_nature_label}</Fact>
        <Fact label="Frequency">{c.control_frequency_label}</Fact>
        <Fact label="Implementation status">{implementationLabel(c.implementation_status)}</Fact>
        <Fact label="Design effectiveness">{effectivenessText(c.effectiveness)}</Fact>
        <Fact label="Operating effectiveness (last test)">
          {c.latest_test ? `${c.latest_test.result_label} on ${c.latest_test.test_date}` : 'Not tested'}
        </Fact>
        <Fact label="Evidence">{c.evidence_status_label}</Fact>
        <Fact label="Business unit">{c.business_unit.name}</Fact>
        <Fact label="Business process">{c.business_process?.name ?? '—'}</Fact>
        <Fact label="Owner">
          {c.owner ? (
            <>
              {c.owner.full_name} <span className="muted">({c.owner.email})</span>
            </>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label="Reference document">{c.reference_doc ?? '—'}</Fact>
        <Fact label="Group-wide">{c.group_wide ? 'Yes – visible in every business unit' : 'No'}</Fact>
        <Fact label="Status">{c.is_active ? 'Active' : 'Inactive'}</Fact>
        {!c.is_active && (
          <>
            <Fact label="Deactivated">
              <LocalTime iso={c.deactivated_at} /> {c.deactivated_by && `by ${c.deactivated_by.full_name}`}
            </Fact>
            <Fact label="Deactivation reason">{c.deactivation_reason ?? '—'}</Fact>
          </>
        )}
        <Fact label="Linked risks (ACTIVE / all)">
          {c.active_risks_count} / {c.linked_risks_count}
        </Fact>
        <Fact label="Created">
          <LocalTime iso={c.created_at} /> {c.created_by && `by ${c.created_by.full_name}`}
        </Fact>
        <Fact label="Last changed">
          <LocalTime iso={c.updated_at} /> {c.updated_by && `by ${c.updated_by.full_name}`}
        </Fact>
      </dl>
    </section>
  )
}
