// The scoring picker of the risk form (risks.md §15): a 5×5 grid in the pinned matrix's labels and colours where a
// click sets likelihood and impact, with the two number selects beside it. Read-only when `disabled`.
import { FieldError } from '../FieldError'
import { BandChip } from './RcsaBadges'
import { IMPACT_ORDER, LIKELIHOOD_ORDER, levelText, matrixCells } from './grid-layout'
import type { MatrixBand, MatrixLevel } from './types'
import { bandOf } from '#shared/risk-matrix/matrix.bands'

export type MatrixPickerProps = {
  /** "Inherent" or "Residual": the fieldset legend and the chip prefix. */
  label: string
  /** Field name prefix: the selects get ids `${name}_likelihood` and `${name}_impact`, matching VALIDATION paths. */
  name: string
  likelihood: number | null
  impact: number | null
  /** Called with both values after any change; a select set to "—" passes null. */
  onChange: (likelihood: number | null, impact: number | null) => void
  likelihoodLevels: readonly MatrixLevel[]
  impactLevels: readonly MatrixLevel[]
  bands: readonly MatrixBand[]
  /** Read-only: the risk's lock row does not let this viewer edit the pair. */
  disabled?: boolean
  errors?: { likelihood?: string | undefined; impact?: string | undefined }
}

const parseLevel = (v: string) => (v === '' ? null : Number(v))

export function MatrixPicker(props: MatrixPickerProps) {
  const { label, name, likelihood, impact, onChange, likelihoodLevels, impactLevels, bands, disabled, errors } = props
  const lId = `${name}_likelihood`
  const iId = `${name}_impact`
  const score = likelihood != null && impact != null ? likelihood * impact : null
  const band = bandOf({ bands: [...bands] }, score)

  return (
    <fieldset className="field rcsa-picker" disabled={disabled}>
      <legend>{label}</legend>
      <div className="rcsa-picker-body">
        <div className="rcsa-grid5 rcsa-grid5-compact" role="group" aria-label={`${label} scoring grid`}>
          {matrixCells(bands).map((row) => [
            <div key={`l${row.likelihood}`} className="rcsa-level rcsa-level-y" aria-hidden="true">
              {levelText(likelihoodLevels, row.likelihood)}
            </div>,
            ...row.cells.map(({ impact: i, cell }) => {
              if (!cell) return null
              const picked = cell.likelihood === likelihood && cell.impact === impact
              return (
                <button
                  key={`${cell.likelihood}-${i}`}
                  type="button"
                  className={`rcsa-cell${picked ? ' rcsa-cell-selected' : ''}`}
                  style={{ background: cell.band?.colour, color: cell.band?.text_colour }}
                  aria-pressed={picked}
                  aria-label={`Likelihood ${levelText(likelihoodLevels, cell.likelihood)}, impact ${levelText(impactLevels, cell.impact)}: score ${cell.score}${cell.band ? ` ${cell.band.label}` : ''}`}
                  title={`${cell.score} ${cell.band?.label ?? ''}`.trim()}
                  onClick={() => onChange(cell.likelihood, cell.impact)}
                >
                  {cell.score}
                </button>
              )
            }),
          ])}
          <div className="rcsa-corner" aria-hidden="true" />
          {IMPACT_ORDER.map((i) => (
            <div key={`i${i}`} className="rcsa-level rcsa-level-x" aria-hidden="true">
              {levelText(impactLevels, i)}
            </div>
          ))}
        </div>
        <div className="rcsa-picker-fields">
          <div className="field">
            <label htmlFor={lId}>Likelihood</label>
            <select
              id={lId}
              value={likelihood ?? ''}
              aria-invalid={!!errors?.likelihood}
              aria-describedby={errors?.likelihood ? `${lId}-error` : undefined}
              onChange={(e) => onChange(parseLevel(e.target.value), impact)}
            >
              <option value="">—</option>
              {[...LIKELIHOOD_ORDER].reverse().map((l) => (
                <option key={l} value={l}>
                  {levelText(likelihoodLevels, l)}
                </option>
              ))}
            </select>
            <FieldError id={lId} message={errors?.likelihood} />
          </div>
          <div className="field">
            <label htmlFor={iId}>Impact</label>
            <select
              id={iId}
              value={impact ?? ''}
              aria-invalid={!!errors?.impact}
              aria-describedby={errors?.impact ? `${iId}-error` : undefined}
              onChange={(e) => onChange(likelihood, parseLevel(e.target.value))}
            >
              <option value="">—</option>
              {IMPACT_ORDER.map((i) => (
                <option key={i} value={i}>
                  {levelText(impactLevels, i)}
                </option>
              ))}
            </select>
            <FieldError id={iId} message={errors?.impact} />
          </div>
          <div className="rcsa-picker-score" aria-live="polite">
            <BandChip score={score} band={band} label="Score" />
          </div>
        </div>
      </div>
    </fieldset>
  )
}
