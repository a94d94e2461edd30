import type { MatrixLevel } from '#shared/risk-matrix/matrix.bands'
import { BandSample } from './BandsEditor'
import { MatrixPreview } from './MatrixPreview'
import { STATUS_WORDS } from './matrix-labels'
import type { MatrixVersionRow } from './types'

/** A PUBLISHED or SUPERSEDED version (risks.md §3.2: read-only), with the grid it gives. */
export function MatrixVersionView({ version }: { version: MatrixVersionRow }) {
  return (
    <section className="panel settings-section" aria-labelledby="version-title">
      <h2 id="version-title">{`Version ${version.version} (${STATUS_WORDS[version.status] ?? version.status})`}</h2>
      <p className="hint">
        {`${version.name}. Published and superseded versions cannot be changed; start a new draft to change the matrix.`}
      </p>
      <div className="table-wrap">
        <table className="data">
          <caption className="rcsa-caption">Bands</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Band</th>
              <th scope="col" className="num">
                Scores
              </th>
              <th scope="col">Colour</th>
              <th scope="col">Text colour</th>
            </tr>
          </thead>
          <tbody>
            {version.bands.map((b) => (
              <tr key={b.code}>
                <td className="rcsa-code">{b.code}</td>
                <td>
                  <BandSample band={b} />
                </td>
                <td className="num">{`${b.min_score}–${b.max_score}`}</td>
                <td className="rcsa-code">{b.colour}</td>
                <td className="rcsa-code">{b.text_colour}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="rcsa-matrix-row">
        <MatrixPreview
          title="Grid"
          likelihoodLevels={version.likelihood_levels}
          impactLevels={version.impact_levels}
          bands={version.bands}
        />
        <div className="rcsa-matrix-levels">
          <LevelsTable axis="Likelihood" levels={version.likelihood_levels} />
          <LevelsTable axis="Impact" levels={version.impact_levels} />
        </div>
      </div>
    </section>
  )
}

function LevelsTable({ axis, levels }: { axis: string; levels: readonly MatrixLevel[] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="rcsa-caption">{axis}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Level
            </th>
            <th scope="col">Label</th>
            <th scope="col">Guidance</th>
          </tr>
        </thead>
        <tbody>
          {[...levels]
            .sort((a, b) => a.level - b.level)
            .map((l) => (
              <tr key={l.level}>
                <td className="num">{l.level}</td>
                <td className="nowrap">{l.label}</td>
                <td>{l.description || <span className="muted">—</span>}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  )
}
