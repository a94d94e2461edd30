import { useCallback, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, LoadMore, LocalTime, Page } from '#renderer/components/index'
import { usePaged } from '#renderer/hooks/use-paged'
import { formatDate } from '#renderer/lib/time'
import { href, riskPath } from '#renderer/router'
import { BoundBand, DecisionButtons, DecisionDialog, type Decision } from './Acceptance'
import type { AcceptanceRow } from './risk-types'

/**
 * risks.md §7 / §15 "Acceptance inbox": the PENDING acceptances naming me as approver, with the risk, its bound
 * residual band, the justification and the expiry; Accept and Reject as the catalogue offers them.
 */
export function AcceptanceInbox() {
  const [deciding, setDeciding] = useState<{ a: AcceptanceRow; d: Decision } | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const list = usePaged(
    useCallback(
      (cursor: string | undefined) =>
        api.call('riskAcceptance.list', {
          state: ['PENDING'],
          approver_id: 'me',
          ordering: 'requested_at',
          ...(cursor === undefined ? {} : { cursor }),
        }),
      [],
    ),
  )
  const run = async (call: () => Promise<unknown>): Promise<ApiError | null> => {
    setBusy(true)
    try {
      await call()
      return null
    } catch (e) {
      return toApiError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page title="Acceptances awaiting my decision">
      <p className="lead">
        Risk owners and risk officers ask you, by name, to accept a residual risk until an expiry date. Soonest expiry
        first.
      </p>
      {done && (
        <div className="banner banner-success" role="status">
          <p>{done}</p>
        </div>
      )}
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading acceptances…
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="empty">No acceptance is waiting for your decision.</p>
      ) : (
        <div className="table-wrap">
          <table className="data risk-acceptances">
            <caption className="visually-hidden">Acceptances awaiting my decision</caption>
            <thead>
              <tr>
                <th scope="col">Acceptance</th>
                <th scope="col">Risk</th>
                <th scope="col">Residual</th>
                <th scope="col">Justification</th>
                <th scope="col">Requested</th>
                <th scope="col">Expiry</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((a) => (
                <tr key={a.id}>
                  <td className="nowrap mono">{a.ref}</td>
                  <td>
                    <a href={href(`${riskPath(a.risk_id)}/acceptance`)}>{a.risk_ref}</a> {a.risk_title}
                  </td>
                  <td className="nowrap">
                    <BoundBand a={a} />
                  </td>
                  <td className="prewrap risk-justification-cell">
                    {a.justification}
                    {a.conditions ? (
                      <>
                        <br />
                        <span className="muted">Conditions: {a.conditions}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {a.requested_by_name}
                    <br />
                    <span className="muted">
                      <LocalTime iso={a.requested_at} />
                    </span>
                  </td>
                  <td className="nowrap">{formatDate(a.expires_on)}</td>
                  <td>
                    <DecisionButtons
                      actions={a.available_actions.filter((x) => x === 'accept' || x === 'reject')}
                      onPick={(d) => setDeciding({ a, d })}
                      subject={a.ref}
                    />
                    {!a.available_actions.includes('accept') && a.risk_status !== 'ACTIVE' && (
                      <p className="muted">The risk is being reassessed: it can be accepted once it is active again.</p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      {deciding && (
        <DecisionDialog
          acceptance={deciding.a}
          decision={deciding.d}
          busy={busy}
          run={async (call) => {
            const failed = await run(call)
            if (!failed) {
              setDone(`${deciding.a.ref} ${deciding.d === 'accept' ? 'accepted' : 'rejected'}.`)
              list.reload()
            }
            return failed
          }}
          onClose={() => setDeciding(null)}
        />
      )}
    </Page>
  )
}
