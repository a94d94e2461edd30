import { bandFlags, MAX_BANDS, nextBand, type BandFlags, type BandForm } from './matrix-draft'
import { Issues } from './Issues'

type Props = {
  bands: BandForm[]
  messages: readonly string[]
  disabled: boolean
  onChange: (bands: BandForm[]) => void
}

/** A #RRGGBB value for the native colour input (which accepts nothing else); the text field keeps what was typed. */
const pickerValue = (hex: string) => (/^#[0-9A-Fa-f]{6}$/.test(hex.trim()) ? hex.trim().toLowerCase() : '#ffffff')

/** risks.md §3.2 bands: ascending, contiguous from 1 to 25, unique codes and labels, #RRGGBB colours. */
export function BandsEditor({ bands, messages, disabled, onChange }: Props) {
  const flags = bandFlags(bands)
  const set = (i: number, patch: Partial<BandForm>) => onChange(bands.map((b, j) => (j === i ? { ...b, ...patch } : b)))
  const invalid = (i: number, key: keyof BandFlags) => {
    const on = messages.length > 0 && Boolean(flags[i]?.[key])
    return { 'aria-invalid': on, 'aria-describedby': on ? 'bands-error' : undefined }
  }
  const colour = (i: number, key: 'colour' | 'text_colour', name: string) => (
    <div className="rcsa-colour">
      <input
        type="color"
        aria-label={`Band ${i + 1} ${name} picker`}
        value={pickerValue(bands[i]![key])}
        disabled={disabled}
        onChange={(e) => set(i, { [key]: e.target.value.toUpperCase() })}
      />
      <input
        type="text"
        aria-label={`Band ${i + 1} ${name}`}
        className="rcsa-hex"
        spellCheck={false}
        maxLength={20}
        value={bands[i]![key]}
        disabled={disabled}
        {...invalid(i, key)}
        onChange={(e) => set(i, { [key]: e.target.value })}
      />
    </div>
  )

  return (
    <fieldset className="settings-fieldset rcsa-bands" aria-describedby="bands-hint">
      <legend>Bands</legend>
      <p id="bands-hint" className="hint">
        From the lowest to the highest score. Together the bands cover scores 1 to 25 without gaps or overlaps.
      </p>
      <div className="table-wrap">
        <table className="data rcsa-bands-table">
          <caption className="visually-hidden">Bands of the draft, lowest first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Code</th>
              <th scope="col">Label</th>
              <th scope="col">Min score</th>
              <th scope="col">Max score</th>
              <th scope="col">Colour</th>
              <th scope="col">Text colour</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {bands.map((b, i) => (
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td>
                  <input
                    type="text"
                    aria-label={`Band ${i + 1} code`}
                    className="rcsa-code"
                    spellCheck={false}
                    maxLength={40}
                    value={b.code}
                    disabled={disabled}
                    {...invalid(i, 'code')}
                    onChange={(e) => set(i, { code: e.target.value.toUpperCase() })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`Band ${i + 1} label`}
                    className="rcsa-band-label"
                    maxLength={200}
                    value={b.label}
                    disabled={disabled}
                    {...invalid(i, 'label')}
                    onChange={(e) => set(i, { label: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    inputMode="numeric"
                    className="rcsa-score"
                    aria-label={`Band ${i + 1} minimum score`}
                    maxLength={3}
                    value={b.min}
                    disabled={disabled}
                    {...invalid(i, 'min')}
                    onChange={(e) => set(i, { min: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    inputMode="numeric"
                    className="rcsa-score"
                    aria-label={`Band ${i + 1} maximum score`}
                    maxLength={3}
                    value={b.max}
                    disabled={disabled}
                    {...invalid(i, 'max')}
                    onChange={(e) => set(i, { max: e.target.value })}
                  />
                </td>
                <td>{colour(i, 'colour', 'colour')}</td>
                <td>{colour(i, 'text_colour', 'text colour')}</td>
                <td>
                  <button
                    type="button"
                    className="button-secondary button-small"
                    disabled={disabled || bands.length <= 1}
                    onClick={() => onChange(bands.filter((_, j) => j !== i))}
                  >
                    Remove<span className="visually-hidden"> band {i + 1}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Issues id="bands" messages={messages} />
      <div className="form-actions">
        <button
          type="button"
          className="button-secondary button-small"
          disabled={disabled || bands.length >= MAX_BANDS}
          onClick={() => onChange([...bands, nextBand(bands)])}
        >
          Add band
        </button>
        <span className="muted">{`${bands.length} of at most ${MAX_BANDS} bands`}</span>
      </div>
    </fieldset>
  )
}

/** The band as a chip would draw it, while its colours are valid; otherwise a neutral outline. */
export function BandSample({ band }: { band: Pick<BandForm, 'label' | 'colour' | 'text_colour'> }) {
  const ok = (c: string) => /^#[0-9A-Fa-f]{6}$/.test(c.trim())
  const style = ok(band.colour) && ok(band.text_colour) ? { background: band.colour, color: band.text_colour } : {}
  return (
    <span className="chip rcsa-band-sample" style={style}>
      {band.label.trim() || '—'}
    </span>
  )
}
