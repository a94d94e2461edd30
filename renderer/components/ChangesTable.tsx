import { auditValue } from '#renderer/lib/format'

type Change = { field: string; before: unknown; after: unknown }

/** Per-field before/after of one audit entry (audit-security §2.8). */
export function ChangesTable({ changes, caption }: { changes: readonly Change[]; caption: string }) {
  if (changes.length === 0) return <p className="muted">No field changed.</p>
  return (
    <table className="data changes">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.field}</th>
            <td className="value">{auditValue(c.before)}</td>
            <td className="value">{auditValue(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
