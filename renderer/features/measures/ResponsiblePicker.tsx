import { useCallback, useEffect, useState } from 'react'
import { api } from '#renderer/api'
import { useLoad } from '#renderer/hooks/use-load'
import type { Person } from './measure-types'

type Props = {
  id: string
  value: string
  onChange: (userId: string) => void
  /** The person chosen now, kept in the list even when the search does not find them. */
  current?: { id: string; full_name: string; email: string } | null
  invalid?: boolean
  describedBy?: string | undefined
  disabled?: boolean
  /** The catalogue query that lists the candidates (default: who can be responsible for a measure). */
  source?: 'measure.responsibleOptions' | 'control.testerOptions'
}

/**
 * measures §14: a user picker over measure.responsibleOptions (active users, auditors and admins left out by the
 * catalogue). The search narrows the list as the user types; the select holds the choice.
 */
export function ResponsiblePicker({
  id,
  value,
  onChange,
  current,
  invalid,
  describedBy,
  disabled,
  source = 'measure.responsibleOptions',
}: Props) {
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 250)
    return () => window.clearTimeout(timer)
  }, [typed])
  const load = useCallback(() => api.call(source, q ? { q, limit: 50 } : { limit: 50 }), [q, source])
  const options = useLoad(load)
  const people: Person[] = options.data?.items ?? []
  // The chosen person stays an option while a later search looks for someone else.
  const [chosen, setChosen] = useState<Person | null>(null)
  const keep = [current, chosen].filter((p): p is Person => !!p && p.id === value && !people.some((x) => x.id === p.id))
  const shown = [...keep.slice(0, 1), ...people]

  return (
    <div className="person-picker">
      <input
        type="search"
        aria-label="Search people"
        aria-controls={id}
        placeholder="Search by name or email"
        value={typed}
        disabled={disabled}
        onChange={(e) => setTyped(e.target.value)}
      />
      <select
        id={id}
        value={value}
        aria-invalid={invalid ?? false}
        aria-describedby={describedBy}
        aria-busy={options.loading}
        disabled={disabled}
        onChange={(e) => {
          setChosen(people.find((p) => p.id === e.target.value) ?? null)
          onChange(e.target.value)
        }}
      >
        <option value="">{options.loading ? 'Loading people…' : 'Choose a person…'}</option>
        {shown.map((p) => (
          <option key={p.id} value={p.id}>
            {p.full_name} ({p.email})
          </option>
        ))}
      </select>
      {options.data?.next_cursor && <p className="hint">Showing the first 50 matches: search to narrow the list.</p>}
      {options.error && <p className="field-error">{options.error.message}</p>}
    </div>
  )
}
