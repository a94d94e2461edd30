import { levelFlags, type LevelForm } from './matrix-draft'
import { Issues } from './Issues'

type Props = {
  /** "Likelihood" or "Impact": the legend and the start of every input's name. */
  axis: string
  id: string
  levels: LevelForm[]
  messages: readonly string[]
  disabled: boolean
  onChange: (levels: LevelForm[]) => void
}

/** One axis of §3.2: five levels, each with a label (1–40, unique on the axis) and guidance (≤ 300). */
export function LevelsEditor({ axis, id, levels, messages, disabled, onChange }: Props) {
  const set = (level: number, patch: Partial<LevelForm>) =>
    onChange(levels.map((l) => (l.level === level ? { ...l, ...patch } : l)))
  const describedBy = messages.length > 0 ? `${id}-error` : undefined
  const flags = levelFlags(levels)
  return (
    <fieldset className="settings-fieldset rcsa-levels">
      <legend>{axis}</legend>
      <div className="table-wrap">
        <table className="data rcsa-levels-table">
          <caption className="visually-hidden">{axis} levels</caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Label</th>
              <th scope="col">Guidance</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l, i) => {
              const badLabel = flags[i]?.label ?? false
              const badGuidance = flags[i]?.description ?? false
              return (
                <tr key={l.level}>
                  <td className="num">{l.level}</td>
                  <td className="rcsa-level-label">
                    <input
                      type="text"
                      aria-label={`${axis} ${l.level} label`}
                      maxLength={200}
                      value={l.label}
                      disabled={disabled}
                      aria-invalid={messages.length > 0 && badLabel}
                      aria-describedby={describedBy}
                      onChange={(e) => set(l.level, { label: e.target.value })}
                    />
                  </td>
                  <td>
                    <textarea
                      aria-label={`${axis} ${l.level} guidance`}
                      rows={2}
                      maxLength={2000}
                      value={l.description}
                      disabled={disabled}
                      aria-invalid={messages.length > 0 && badGuidance}
                      aria-describedby={describedBy}
                      onChange={(e) => set(l.level, { description: e.target.value })}
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <Issues id={id} messages={messages} />
    </fieldset>
  )
}
