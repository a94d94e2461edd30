/** The rule messages of one part of a form, under it; `${id}-error` is what its inputs' aria-describedby names. */
export function Issues({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null
  return (
    <div id={`${id}-error`} role="alert" className="rcsa-settings-issues">
      {messages.map((m) => (
        <p key={m} className="field-error">
          {m}
        </p>
      ))}
    </div>
  )
}

/** Live messages first, then the server's that the live rules did not already show. */
export const mergeMessages = (live: readonly string[], server: readonly string[] = []) => [
  ...new Set([...live, ...server]),
]
