import type { ReactNode } from 'react'

type SelectProps = { id: string; label: string; value: string; onChange: (v: string) => void; children: ReactNode }

export function FilterSelect({ id, label, value, onChange, children }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  )
}

type DateProps = { id: string; label: string; value: string; onChange: (v: string) => void }

export function FilterDate({ id, label, value, onChange }: DateProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  )
}

type ChecksProps<T extends string> = {
  legend: string
  all: readonly T[]
  names: (v: T) => string
  chosen: readonly T[]
  onChange: (v: T[]) => void
}

/** "One or more" filters (status, severity) as a group of checkboxes. */
export function FilterChecks<T extends string>({ legend, all, names, chosen, onChange }: ChecksProps<T>) {
  return (
    <fieldset className="field check-group">
      <legend>{legend}</legend>
      {all.map((v) => (
        <label key={v} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v))}
          />{' '}
          {names(v)}
        </label>
      ))}
    </fieldset>
  )
}
