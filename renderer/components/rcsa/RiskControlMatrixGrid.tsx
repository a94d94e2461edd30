// The risk–control matrix of controls.md §8.1: risks as rows (ref order), controls as columns, a tick per link
// with the link notes as its tooltip, row totals (red at 0, amber at 1–2) and column totals. Header row and the
// first three columns stay put while scrolling; rows come in blocks of 100 with paging.
import { useMemo, useState } from 'react'
import { InactiveBadge } from './RcsaBadges'
import {
  RCM_PAGE_SIZE,
  controlHeading,
  linkIndex,
  pageCount,
  pageRangeText,
  pageSlice,
  rowTotalTone,
} from './grid-layout'
import type { RiskControlMatrixAnswer } from './types'

export type RiskControlMatrixGridProps = {
  /** The `control.riskControlMatrix` answer. */
  data: RiskControlMatrixAnswer
  /** 0-based page; omit to let the grid keep its own page. */
  page?: number
  onPageChange?: (page: number) => void
  /** Rows per block (default 100, controls.md §8.1). */
  pageSize?: number
  /** Opens a risk; the ref renders as a link-styled button when given. */
  onRiskClick?: (riskId: string) => void
  /** Opens a control; the column heading renders as a link-styled button when given. */
  onControlClick?: (controlId: string) => void
}

export function RiskControlMatrixGrid(props: RiskControlMatrixGridProps) {
  const { data, onPageChange, pageSize = RCM_PAGE_SIZE, onRiskClick, onControlClick } = props
  const [ownPage, setOwnPage] = useState(0)
  const pages = pageCount(data.rows.length, pageSize)
  const page = Math.min(Math.max(0, props.page ?? ownPage), pages - 1)
  const setPage = (p: number) => {
    setOwnPage(p)
    onPageChange?.(p)
  }
  const links = useMemo(() => linkIndex(data.rows, data.cells), [data.rows, data.cells])
  const rows = pageSlice(data.rows, page, pageSize)

  if (data.rows.length === 0) return <p className="empty">No risks match these filters.</p>

  return (
    <div className="rcsa-rcm">
      <div className="rcsa-rcm-scroll" tabIndex={0} role="region" aria-label="Risk–control matrix">
        <table className="rcsa-rcm-table">
          <caption className="visually-hidden">
            Risk–control matrix: {data.rows.length} risks, {data.columns.length} controls
          </caption>
          <thead>
            <tr>
              <th scope="col" className="rcsa-rcm-ref">
                Risk
              </th>
              <th scope="col" className="rcsa-rcm-title">
                Title
              </th>
              <th scope="col" className="rcsa-rcm-total" title="Active controls linked to the risk">
                Controls
              </th>
              {data.columns.map((c) => (
                <th
                  key={c.control_id}
                  scope="col"
                  className={`rcsa-rcm-control${c.is_active ? '' : ' rcsa-rcm-inactive'}`}
                  title={controlHeading(c)}
                >
                  {onControlClick ? (
                    <button type="button" className="button-link" onClick={() => onControlClick(c.control_id)}>
                      {c.code ?? c.title}
                    </button>
                  ) : (
                    <span>{c.code ?? c.title}</span>
                  )}
                  {c.code && <span className="rcsa-rcm-control-title">{c.title}</span>}
                  {!c.is_active && <InactiveBadge />}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const tone = rowTotalTone(r.total)
              return (
                <tr key={r.risk_id} className={tone ? `rcsa-rcm-row-${tone}` : undefined}>
                  <th scope="row" className="rcsa-rcm-ref">
                    {onRiskClick ? (
                      <button type="button" className="button-link" onClick={() => onRiskClick(r.risk_id)}>
                        {r.ref}
                      </button>
                    ) : (
                      r.ref
                    )}
                  </th>
                  <td className="rcsa-rcm-title" title={r.title}>
                    {r.title}
                  </td>
                  <td className="rcsa-rcm-total">{r.total}</td>
                  {data.columns.map((c) => {
                    const inactive = c.is_active ? '' : ' rcsa-rcm-inactive'
                    if (!links.linked(r.risk_id, c.control_id))
                      return <td key={c.control_id} className={`rcsa-rcm-cell${inactive}`} />
                    const notes = links.notes(r.risk_id, c.control_id)
                    return (
                      <td
                        key={c.control_id}
                        className={`rcsa-rcm-cell rcsa-rcm-linked${inactive}`}
                        title={notes ?? 'Linked'}
                      >
                        <span aria-hidden="true">✓</span>
                        <span className="visually-hidden">{notes ? `Linked: ${notes}` : 'Linked'}</span>
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3} className="rcsa-rcm-foot">
                Risks per control
              </th>
              {data.columns.map((c) => (
                <td key={c.control_id} className={`rcsa-rcm-cell${c.is_active ? '' : ' rcsa-rcm-inactive'}`}>
                  {c.total}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <nav className="rcsa-pager" aria-label="Matrix rows">
        <button type="button" className="button-secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous {pageSize}
        </button>
        <span role="status">{pageRangeText(page, data.rows.length, pageSize)}</span>
        <button
          type="button"
          className="button-secondary"
          disabled={page >= pages - 1}
          onClick={() => setPage(page + 1)}
        >
          Next {pageSize}
        </button>
      </nav>
    </div>
  )
}
