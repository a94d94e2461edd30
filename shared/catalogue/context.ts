import type { Db, Trx } from '../db/schema'
import type { Role } from '../core/primitives'

export type Actor = {
  id: string
  email: string
  fullName: string
  roles: Role[]
  groupScope: boolean
  businessUnitId: string | null
  managerId: string | null
  isActive: boolean
}

export type Session = { userId: string; locked: boolean }

export type DbMeta = {
  databaseId: string
  tenantId: string
  deviceCode: string
  demoMode: boolean
  reportingCurrency: string
}

/** Password hashing runs in the host (Node): shared code only sees this interface. */
export type PasswordHasher = {
  hash(password: string): Promise<string>
  verify(hash: string, password: string): Promise<boolean>
  /** Spends the same effort as a verify, so an unknown email takes as long as a wrong password. */
  dummyVerify(password: string): Promise<void>
}

/** The host's content-addressed evidence store (controls.md §6.1), keyed by the SHA-256 of the bytes. */
export type EvidenceFiles = {
  has(sha256: string): Promise<boolean>
  verify(sha256: string): Promise<'MATCH' | 'MISMATCH' | 'MISSING'>
  /** Desktop only: the native file dialog, then the file streamed into the store; null when cancelled. */
  pickAndImport?(
    maxBytes: number,
  ): Promise<{ file_sha256: string; file_name: string; file_size: number; media_type: string } | null>
  /** Desktop only: opens a temporary copy of the stored file with the system's default application. */
  openCopy?(sha256: string, fileName: string): Promise<void>
}

export type Services = {
  passwords: PasswordHasher
  sha256Hex: (text: string) => string
  /** Absent where no store is wired: every file then counts as missing. */
  evidenceFiles?: EvidenceFiles
}

export type AuditChange = { field: string; before: unknown; after: unknown }
export type AuditRecord = {
  entityType: string
  entityId: string
  entityRef?: string | null
  changes: AuditChange[]
  reason?: string | null
  /** Defaults to the command name. */
  action?: string
  /** Defaults to the signed-in actor; events such as a failed sign-in name their own. */
  actor?: { id: string | null; label: string }
}

export interface QueryCtx {
  db: Db
  actor: Actor
  now: string
  meta: DbMeta
  services: Services
}

export interface CommandCtx extends Omit<QueryCtx, 'db'> {
  db: Trx
  correlationId: string
  commandId: string
  /** Ids for rows no command ever addresses (notification fan-out, link rows). */
  newId(): string
  /** Id and human reference minted by the dispatcher before the handler ran (creates only). */
  minted: { id: string; ref: string | null }
  audit: { record(entry: AuditRecord): void }
  /** Records the version of an existing record the command read for update (outbox base_versions). */
  touch(entityType: string, id: string, version: number): void
}

/** Commands that run before anyone is signed in see no actor. */
export interface PublicCtx extends Omit<CommandCtx, 'actor'> {
  actor: Actor | null
}
