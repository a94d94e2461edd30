import { HeatMap } from '#renderer/components/rcsa/index'
import type { MatrixBand, MatrixLevel } from '#shared/risk-matrix/matrix.bands'
import { NO_BAND, previewOf } from './matrix-draft'

type Props = {
  title: string
  likelihoodLevels: readonly MatrixLevel[]
  impactLevels: readonly MatrixLevel[]
  bands: readonly MatrixBand[]
}

/** The 5×5 grid a version gives (risks.md §3.3), drawn by the heat map with scores instead of counts. */
export function MatrixPreview({ title, likelihoodLevels, impactLevels, bands }: Props) {
  const data = previewOf(bands)
  const uncovered = data.cells.filter((c) => c.band === NO_BAND.code).map((c) => c.score)
  return (
    <div className="rcsa-matrix-preview">
      <HeatMap
        title={title}
        data={data}
        likelihoodLevels={likelihoodLevels}
        impactLevels={impactLevels}
        bands={[...bands, NO_BAND]}
        showScores
      />
      <ul className="rcsa-legend" aria-label="Bands">
        {bands.map((b, i) => (
          <li key={i}>
            <span
              className="rcsa-swatch rcsa-swatch-solid"
              style={{ background: /^#[0-9A-Fa-f]{6}$/.test(b.colour) ? b.colour : NO_BAND.colour }}
              aria-hidden="true"
            />
            {`${b.label.trim() || b.code || '—'} ${Number.isInteger(b.min_score) ? b.min_score : '?'}–${Number.isInteger(b.max_score) ? b.max_score : '?'}`}
          </li>
        ))}
      </ul>
      {uncovered.length > 0 && (
        <p className="rcsa-note">{`No band covers score ${[...new Set(uncovered)].sort((a, b) => a - b).join(', ')}.`}</p>
      )}
    </div>
  )
}
