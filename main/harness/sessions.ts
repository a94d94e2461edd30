import { randomBytes } from 'node:crypto'
import type { Session } from '#shared/catalogue/context'

/** In-memory sessions of the harness, one per browser cookie; the actor is never taken from a request body. */
export function createSessionStore() {
  const sessions = new Map<string, Session>()
  return {
    get: (token: string | undefined): Session | null => (token ? (sessions.get(token) ?? null) : null),
    create(userId: string): string {
      const token = randomBytes(32).toString('base64url')
      sessions.set(token, { userId, locked: false })
      return token
    },
    end(token: string | undefined) {
      if (token) sessions.delete(token)
    },
  }
}
export type SessionStore = ReturnType<typeof createSessionStore>
