import { checkThresholds, DIRECTION_LABELS, DIRECTIONS, type Direction } from '#shared/kris/kri.status.rules'
import { FieldError } from '#renderer/components/index'
import { KRI_STATUS_COLOUR, KRI_STATUS_LABEL } from '#renderer/components/rcsa/index'
import { describedField } from '#renderer/lib/form-errors'
import { bandSegments } from './kri-logic'

export type ThresholdValues = {
  direction: Direction
  amber: string
  red: string
  amber_low: string
  amber_high: string
  red_low: string
  red_high: string
  target: string
}
export type ThresholdField = Exclude<keyof ThresholdValues, 'direction'>

export const EMPTY_THRESHOLDS: ThresholdValues = {
  direction: 'higher_is_worse',
  amber: '',
  red: '',
  amber_low: '',
  amber_high: '',
  red_low: '',
  red_high: '',
  target: '',
}

const LABELS: Record<ThresholdField, string> = {
  amber: 'Amber threshold',
  red: 'Red threshold',
  red_low: 'Red low',
  amber_low: 'Amber low',
  amber_high: 'Amber high',
  red_high: 'Red high',
  target: 'Target',
}

/** The fields the chosen direction sends (§4: the other direction's fields must be absent). */
export function thresholdPayload(t: ThresholdValues) {
  const fields: ThresholdField[] =
    t.direction === 'within_band'
      ? ['red_low', 'amber_low', 'amber_high', 'red_high', 'target']
      : ['amber', 'red', 'target']
  return { direction: t.direction, ...Object.fromEntries(fields.map((f) => [f, t[f].trim()])) }
}

type Props = {
  idPrefix: string
  values: ThresholdValues
  onChange: (v: ThresholdValues) => void
  unit: string
  errors: Partial<Record<'direction' | ThresholdField, string>>
}

/** kris.md §12: a direction selector switching between two and four threshold inputs, the target, a live band bar. */
export function ThresholdInputs({ idPrefix, values, onChange, unit, errors }: Props) {
  const fields: ThresholdField[] =
    values.direction === 'within_band' ? ['red_low', 'amber_low', 'amber_high', 'red_high'] : ['amber', 'red']
  const input = (f: ThresholdField) => {
    const id = `${idPrefix}-${f}`
    return (
      <div className="field" key={f}>
        <label htmlFor={id}>
          {LABELS[f]}
          {unit ? ` (${unit})` : ''}
        </label>
        <input
          {...describedField(id, errors[f])}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={values[f]}
          onChange={(e) => onChange({ ...values, [f]: e.target.value })}
        />
        <FieldError id={id} message={errors[f]} />
      </div>
    )
  }
  return (
    <fieldset className="kri-thresholds">
      <legend>Thresholds</legend>
      <div className="field">
        <label htmlFor={`${idPrefix}-direction`}>Direction</label>
        <select
          {...describedField(`${idPrefix}-direction`, errors.direction)}
          value={values.direction}
          onChange={(e) => onChange({ ...values, direction: e.target.value as Direction })}
        >
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {DIRECTION_LABELS[d]}
            </option>
          ))}
        </select>
        <FieldError id={`${idPrefix}-direction`} message={errors.direction} />
      </div>
      <div className="field-row">{fields.map(input)}</div>
      <div className="field-row">{input('target')}</div>
      <BandPreview values={values} />
    </fieldset>
  )
}

/** The live band preview: the shared §4 threshold check, then the zones left (low) to right (high). */
export function BandPreview({ values }: { values: ThresholdValues }) {
  const checked = checkThresholds(thresholdPayload(values))
  const blank = Object.entries(thresholdPayload(values)).some(([k, v]) => k !== 'direction' && String(v) === '')
  if (!checked.ok) {
    const message = blank ? 'Enter every threshold and the target to see the bands.' : checked.issues[0]?.message
    return (
      <p className="kri-band-note muted" aria-live="polite">
        {message}
      </p>
    )
  }
  const bands = bandSegments(checked.thresholds)
  if (!bands) return null
  const lo = bands.segments[0]!.from
  const hi = bands.segments[bands.segments.length - 1]!.to
  const pct = (v: number) => ((v - lo) / (hi - lo)) * 100
  const summary = bands.segments.map((s) => `${KRI_STATUS_LABEL[s.status]} ${s.label}`).join('; ')
  return (
    <div className="kri-band" aria-live="polite">
      <div className="kri-band-bar" role="img" aria-label={`Bands: ${summary}`}>
        {bands.segments.map((s, i) => (
          <span
            key={i}
            className={`kri-band-zone kri-band-${s.status.toLowerCase()}`}
            style={{
              left: `${pct(s.from)}%`,
              width: `${pct(s.to) - pct(s.from)}%`,
              background: KRI_STATUS_COLOUR[s.status],
            }}
          />
        ))}
        {bands.target !== null && (
          <span className="kri-band-target" style={{ left: `${pct(bands.target)}%` }} title="Target" />
        )}
      </div>
      <ul className="kri-band-legend">
        {bands.segments.map((s, i) => (
          <li key={i}>
            <span className="rcsa-swatch" style={{ background: KRI_STATUS_COLOUR[s.status] }} />
            {KRI_STATUS_LABEL[s.status]} {s.label}
          </li>
        ))}
        <li>
          <span className="kri-band-target-key" /> Target {values.target.trim()}
        </li>
      </ul>
    </div>
  )
}
