import type { IncidentForm } from '#renderer/types'
import type { ControlProps } from './FormField'

type Level = { id: string; name: string; level: number; parent_id: string | null }
const label = (t: Level) => `${t.id} ${t.name}`

/** Level-1 entries, each as a group holding itself and its level-2 children. */
export function HierarchyOptions({ rows }: { rows: readonly Level[] }) {
  return rows
    .filter((r) => r.level === 1)
    .map((top) => (
      <optgroup key={top.id} label={label(top)}>
        <option value={top.id}>{label(top)}</option>
        {rows
          .filter((r) => r.parent_id === top.id)
          .map((child) => (
            <option key={child.id} value={child.id}>
              {label(child)}
            </option>
          ))}
      </optgroup>
    ))
}

type Props = {
  control: ControlProps
  form: IncidentForm | null
  value: string
  simplifiedTypeId: string
  onChange: (id: string) => void
}

/**
 * incidents §7: the types mapped to the simplified type first ("Suggested for …", the default on top), then every
 * level-1 type with its level-2 children. The mapping never restricts the choice.
 */
export function BaselPicker({ control, form, value, simplifiedTypeId, onChange }: Props) {
  const types = form?.basel_event_types ?? []
  const typeName = form?.simplified_event_types.find((t) => t.id === simplifiedTypeId)?.name
  const mapped = (form?.basel_map ?? [])
    .filter((m) => m.simplified_event_type_id === simplifiedTypeId)
    .sort((a, b) => Number(b.is_default) - Number(a.is_default))
    .map((m) => types.find((t) => t.id === m.basel_event_type_id))
    .filter((t) => t !== undefined)
  const known = value === '' || types.some((t) => t.id === value)
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Not classified yet</option>
      {!known && <option value={value}>{value}</option>}
      {typeName && mapped.length > 0 && (
        <optgroup label={`Suggested for ${typeName}`}>
          {mapped.map((t) => (
            <option key={t.id} value={t.id}>
              {label(t)}
            </option>
          ))}
        </optgroup>
      )}
      <HierarchyOptions rows={types} />
    </select>
  )
}
