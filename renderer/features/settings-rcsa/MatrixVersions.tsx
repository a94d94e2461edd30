import { LocalTime } from '#renderer/components/index'
import { isInstalled, STATUS_CHIP, STATUS_WORDS } from './matrix-labels'
import type { MatrixVersionRow } from './types'

type Props = {
  items: readonly MatrixVersionRow[]
  selectedId: string | null
  userName: (id: string | null) => string
  onOpen: (id: string) => void
}

/** risks.md §15: the versions list, newest first, with status and who published when. */
export function MatrixVersions({ items, selectedId, userName, onOpen }: Props) {
  return (
    <section className="panel settings-section" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <p className="hint">
        Exactly one version is published; new risks use it. Each risk keeps the version it was assessed under.
      </p>
      <div className="table-wrap">
        <table className="data" aria-labelledby="versions-title">
          <thead>
            <tr>
              <th scope="col" className="num">
                Version
              </th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Published by</th>
              <th scope="col">Published at</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => {
              const installed = isInstalled(v)
              const selected = v.id === selectedId
              return (
                <tr
                  key={v.id}
                  className={selected ? 'rcsa-row-selected' : undefined}
                  aria-current={selected || undefined}
                >
                  <td className="num">{v.version}</td>
                  <td>{v.name}</td>
                  <td>
                    <span className={`chip ${STATUS_CHIP[v.status] ?? ''}`}>{STATUS_WORDS[v.status] ?? v.status}</span>
                  </td>
                  <td>{installed ? <span className="muted">Installed</span> : <LocalTime iso={v.created_at} />}</td>
                  <td>
                    {installed ? (
                      <span className="muted">RiskDesk (installed)</span>
                    ) : v.published_by ? (
                      userName(v.published_by)
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    {installed ? <span className="muted">At installation</span> : <LocalTime iso={v.published_at} />}
                  </td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="button-secondary button-small"
                      aria-pressed={selected}
                      onClick={() => onOpen(v.id)}
                    >
                      {v.status === 'DRAFT' ? 'Edit' : 'View'}
                      <span className="visually-hidden">{` version ${v.version}`}</span>
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
