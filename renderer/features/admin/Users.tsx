import { useCallback, useState, type FormEvent } from 'react'
import { ROLE_CODES, ROLE_NAMES, type Role } from '#shared/core/primitives'
import type { InputOf } from '#shared/catalogue/types'
import { api } from '#renderer/api'
import { Badge, ErrorBanner, LoadMore, LocalTime, Page } from '#renderer/components/index'
import { usePaged } from '#renderer/hooks/use-paged'
import { roleNames } from '#renderer/lib/format'

type UserListInput = InputOf<'user.list'>
type Filters = { q: string; role: Role | ''; active: 'any' | 'active' | 'inactive' }

function toInput(f: Filters): UserListInput {
  const input: UserListInput = {}
  if (f.q) input.q = f.q
  if (f.role) input.role = f.role
  if (f.active !== 'any') input.active = f.active === 'active'
  return input
}

/** audit-security §8 Admin → Users (list only; create, edit and reset arrive with the user commands). */
export function Users() {
  const [filters, setFilters] = useState<Filters>({ q: '', role: '', active: 'any' })
  const [text, setText] = useState('')
  const key = JSON.stringify(toInput(filters))
  const query = useCallback(
    (cursor: string | undefined) => {
      const input = JSON.parse(key) as UserListInput
      return api.call('user.list', cursor === undefined ? input : { ...input, cursor })
    },
    [key],
  )
  const list = usePaged(query)

  const search = (e: FormEvent) => {
    e.preventDefault()
    setFilters((f) => ({ ...f, q: text.trim() }))
  }

  return (
    <Page title="Users">
      <div className="toolbar">
        <form className="filters" onSubmit={search} role="search" aria-label="Filter users">
          <div className="field field-search">
            <label htmlFor="users-q">Name or email</label>
            <div className="inline">
              <input id="users-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
              <button type="submit" className="button-secondary">
                Search
              </button>
            </div>
          </div>
          <div className="field">
            <label htmlFor="users-role">Role</label>
            <select
              id="users-role"
              value={filters.role}
              onChange={(e) => setFilters((f) => ({ ...f, role: e.target.value as Role | '' }))}
            >
              <option value="">All roles</option>
              {ROLE_CODES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_NAMES[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="users-active">Account</label>
            <select
              id="users-active"
              value={filters.active}
              onChange={(e) => setFilters((f) => ({ ...f, active: e.target.value as Filters['active'] }))}
            >
              <option value="any">Active and inactive</option>
              <option value="active">Active only</option>
              <option value="inactive">Inactive only</option>
            </select>
          </div>
        </form>
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading users…
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="empty">No users match these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Business unit</th>
                <th scope="col">Manager</th>
                <th scope="col">Active</th>
                <th scope="col">Last sign-in</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((u) => (
                <tr key={u.id}>
                  <td>{u.full_name}</td>
                  <td>{u.email}</td>
                  <td>
                    {roleNames(u.roles)}
                    {u.group_scope && (
                      <>
                        {' '}
                        <Badge tone="info">Group scope</Badge>
                      </>
                    )}
                  </td>
                  <td>{u.business_unit_name ?? <span className="muted">—</span>}</td>
                  <td>{u.manager_name ?? <span className="muted">—</span>}</td>
                  <td>{u.is_active ? 'Yes' : <Badge tone="warning">Inactive</Badge>}</td>
                  <td className="nowrap">
                    <LocalTime iso={u.last_sign_in_at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </Page>
  )
}
