import { hash, verify } from '@node-rs/argon2'
import type { PasswordHasher } from '#shared/catalogue/context'

// audit-security §3.2: Argon2id, 19,456 KiB, 2 iterations, parallelism 1, 32-byte tag.
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 }
let dummy: Promise<string> | null = null

export const argon2Passwords: PasswordHasher = {
  hash: (password) => hash(password, OPTIONS),
  async verify(stored, password) {
    try {
      return await verify(stored, password)
    } catch {
      return false
    }
  },
  async dummyVerify(password) {
    dummy ??= hash('riskdesk-timing-equaliser', OPTIONS)
    await verify(await dummy, password).catch(() => false)
  },
}
