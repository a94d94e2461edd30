import { useCallback } from 'react'
import { api } from '#renderer/api'
import { Badge, ErrorBanner, Page } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'

/** Admin → Business units (list only; editing arrives with the business-unit commands). */
export function BusinessUnits() {
  const load = useCallback(() => api.call('businessUnit.list', {}), [])
  const { data, error, loading, reload } = useLoad(load)

  return (
    <Page title="Business units">
      <ErrorBanner error={error} onRetry={reload} />
      {loading ? (
        <p className="muted" role="status">
          Loading business units…
        </p>
      ) : data && data.items.length === 0 ? (
        <p className="empty">No business units yet.</p>
      ) : (
        data && (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">Business units</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Code</th>
                  <th scope="col">Active</th>
                  <th scope="col" className="num">
                    Active users
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((bu) => (
                  <tr key={bu.id}>
                    <td>{bu.name}</td>
                    <td className="mono">{bu.code}</td>
                    <td>{bu.is_active ? 'Yes' : <Badge tone="warning">Inactive</Badge>}</td>
                    <td className="num">{bu.user_count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
    </Page>
  )
}
