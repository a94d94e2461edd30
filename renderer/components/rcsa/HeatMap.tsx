// The 5×5 heat map of risks.md §11: likelihood rows from 5 at the top, impact columns from 1 on the left, each
// cell on its band colour with its count (blank when 0). Every cell is a button named for screen readers.
import { countText, gridRows, levelText } from './grid-layout'
import type { BandStyle, HeatMapAnswer, HeatMapCell, MatrixLevel } from './types'

export type HeatMapProps = {
  /** "Inherent" or "Residual"; the figure caption and the accessible group name. */
  title: string
  /** The `risk.heatMap` answer. */
  data: HeatMapAnswer
  /** Axis labels of the published matrix version. */
  likelihoodLevels: readonly MatrixLevel[]
  impactLevels: readonly MatrixLevel[]
  /** Band labels for the cell tooltips ("Score 9 (Medium)"); the band code is shown when omitted. */
  bands?: readonly BandStyle[]
  /** Clicking a cell; without it the cells are not interactive (print, reports). */
  onCellClick?: (likelihood: number, impact: number) => void
  /** The cell to outline, e.g. the one whose risks are listed below the map. */
  selected?: { likelihood: number; impact: number } | null
  /** A matrix preview (the settings draft editor): cells show their score instead of a count, no risk total. */
  showScores?: boolean
}

export function HeatMap(props: HeatMapProps) {
  const { title, data, likelihoodLevels, impactLevels, bands, onCellClick, selected, showScores = false } = props
  const rows = gridRows(data.cells)
  const bandLabel = (code: string) => bands?.find((b) => b.code === code)?.label ?? code
  const cellName = (c: HeatMapCell) =>
    `Likelihood ${levelText(likelihoodLevels, c.likelihood)}, impact ${levelText(impactLevels, c.impact)}: ${showScores ? `score ${c.score}, ${bandLabel(c.band)}` : countText(c.count, 'risk', 'risks')}`

  return (
    <figure className="rcsa-heatmap" role="group" aria-label={`${title} heat map`}>
      <figcaption className="chart-title">
        {title}
        {!showScores && <span className="muted"> ({countText(data.total, 'risk', 'risks')})</span>}
      </figcaption>
      <div className="rcsa-heatmap-frame">
        <div className="rcsa-axis-title rcsa-axis-title-y" aria-hidden="true">
          Likelihood
        </div>
        <div className="rcsa-grid5">
          {rows.map((row) => [
            <div key={`l${row.likelihood}`} className="rcsa-level rcsa-level-y" aria-hidden="true">
              {levelText(likelihoodLevels, row.likelihood)}
            </div>,
            ...row.cells.map(({ impact, cell }) => {
              const key = `${row.likelihood}-${impact}`
              if (!cell) return <div key={key} className="rcsa-cell rcsa-cell-missing" />
              const isSelected = selected?.likelihood === cell.likelihood && selected.impact === cell.impact
              const className = `rcsa-cell${isSelected ? ' rcsa-cell-selected' : ''}`
              const style = { background: cell.colour, color: cell.text_colour }
              const tip = `Score ${cell.score} (${bandLabel(cell.band)})`
              const text = showScores ? cell.score : cell.count > 0 ? cell.count : ''
              return onCellClick ? (
                <button
                  key={key}
                  type="button"
                  className={className}
                  style={style}
                  title={tip}
                  aria-label={cellName(cell)}
                  aria-pressed={selected ? isSelected : undefined}
                  onClick={() => onCellClick(cell.likelihood, cell.impact)}
                >
                  {text}
                </button>
              ) : (
                <div key={key} className={className} style={style} title={tip} role="img" aria-label={cellName(cell)}>
                  {text}
                </div>
              )
            }),
          ])}
          <div className="rcsa-corner" aria-hidden="true" />
          {[1, 2, 3, 4, 5].map((impact) => (
            <div key={`i${impact}`} className="rcsa-level rcsa-level-x" aria-hidden="true">
              {levelText(impactLevels, impact)}
            </div>
          ))}
        </div>
        <div aria-hidden="true" />
        <div className="rcsa-axis-title" aria-hidden="true">
          Impact
        </div>
      </div>
      {data.earlier_matrix_count > 0 && (
        <p className="rcsa-note">{`${data.earlier_matrix_count} risks were assessed under an earlier matrix version.`}</p>
      )}
    </figure>
  )
}
