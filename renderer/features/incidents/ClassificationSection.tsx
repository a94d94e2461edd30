import { FIELD_LABELS } from '#shared/incidents/incident.constants'
import { useReference } from '#renderer/stores/reference'
import type { IncidentDetail, IncidentForm } from '#renderer/types'
import { BaselPicker, HierarchyOptions } from './BaselPicker'
import { FormField, useField } from './FormField'

type UnitRow = { id: string; name: string; business_unit_id: string | null }

/** Processes and products may belong to any unit (incidents §3.1): grouped by unit, unit-less ones last. */
function ByUnit({ rows, form }: { rows: readonly UnitRow[]; form: IncidentForm | null }) {
  const units = form?.business_units ?? []
  const groups = [
    ...units.map((u) => ({ key: u.id, label: u.name, rows: rows.filter((r) => r.business_unit_id === u.id) })),
    {
      key: 'any',
      label: 'Any unit',
      rows: rows.filter((r) => r.business_unit_id === null || !units.some((u) => u.id === r.business_unit_id)),
    },
  ].filter((g) => g.rows.length > 0)
  return groups.map((g) => (
    <optgroup key={g.key} label={g.label}>
      {g.rows.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </optgroup>
  ))
}

/** A stored choice that is no longer offered (deactivated) stays selectable under its own name. */
const keep = (value: string, name: string | null, offered: readonly { id: string }[]) =>
  value !== '' && !offered.some((o) => o.id === value) ? <option value={value}>{name ?? value}</option> : null

/** incidents §15 "Classification (with the Basel suggestion)". */
export function ClassificationSection({ incident: i }: { incident: IncidentDetail }) {
  const form = useReference((s) => s.form)
  const [simplified, setSimplified] = useField('simplified_event_type_id')
  const [basel, setBasel] = useField('basel_event_type_id')
  const [line, setLine] = useField('basel_business_line_id')
  const [process, setProcess] = useField('business_process_id')
  const [product, setProduct] = useField('product_id')
  const suggested = i.suggested_basel_event_type_id
  const suggestedType = form?.basel_event_types.find((t) => t.id === suggested)
  const baselHint =
    suggested && basel === suggested && i.basel_event_type_id === null
      ? `Suggested for ${i.simplified_event_type_name ?? 'this type'}: ${suggested} ${suggestedType?.name ?? ''}. It is saved when you save your changes.`
      : 'The suggested types for the incident type come first.'

  return (
    <section className="panel" aria-labelledby="classification-title">
      <h2 id="classification-title">Classification</h2>
      <div className="edit-grid">
        <FormField
          name="simplified_event_type_id"
          label={FIELD_LABELS.simplified_event_type_id}
          control={(p) => (
            <select {...p} value={simplified} onChange={(e) => setSimplified(e.target.value)}>
              <option value="">Not chosen</option>
              {keep(simplified, i.simplified_event_type_name, form?.simplified_event_types ?? [])}
              {form?.simplified_event_types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        />
        <FormField
          name="basel_event_type_id"
          label={FIELD_LABELS.basel_event_type_id}
          hint={baselHint}
          control={(p) => (
            <BaselPicker control={p} form={form} value={basel} simplifiedTypeId={simplified} onChange={setBasel} />
          )}
        />
        <FormField
          name="basel_business_line_id"
          label={FIELD_LABELS.basel_business_line_id}
          control={(p) => (
            <select {...p} value={line} onChange={(e) => setLine(e.target.value)}>
              <option value="">Not chosen</option>
              {keep(line, i.basel_business_line_name, form?.basel_business_lines ?? [])}
              <HierarchyOptions rows={form?.basel_business_lines ?? []} />
            </select>
          )}
        />
        <FormField
          name="business_process_id"
          label={FIELD_LABELS.business_process_id}
          control={(p) => (
            <select {...p} value={process} onChange={(e) => setProcess(e.target.value)}>
              <option value="">Not chosen</option>
              {keep(process, i.business_process_name, form?.business_processes ?? [])}
              <ByUnit rows={form?.business_processes ?? []} form={form} />
            </select>
          )}
        />
        <FormField
          name="product_id"
          label={FIELD_LABELS.product_id}
          control={(p) => (
            <select {...p} value={product} onChange={(e) => setProduct(e.target.value)}>
              <option value="">Not chosen</option>
              {keep(product, i.product_name, form?.products ?? [])}
              <ByUnit rows={form?.products ?? []} form={form} />
            </select>
          )}
        />
      </div>
    </section>
  )
}
