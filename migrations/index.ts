import type { Kysely } from 'kysely'
import * as m0001 from './0001_foundation'
import * as m0002 from './0002_reference_data'
import * as m0003 from './0003_incidents'
import * as m0004 from './0004_incident_loss_routing'
import * as m0005 from './0005_measures'
import * as m0006 from './0006_rcsa'

export type Migration = { version: number; name: string; up(db: Kysely<any>): Promise<void> }

/** The one static, ordered list (no folder scan); the schema version is the last number. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_foundation', up: m0001.up },
  { version: 2, name: '0002_reference_data', up: m0002.up },
  { version: 3, name: '0003_incidents', up: m0003.up },
  { version: 4, name: '0004_incident_loss_routing', up: m0004.up },
  { version: 5, name: '0005_measures', up: m0005.up },
  { version: 6, name: '0006_rcsa', up: m0006.up },
]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
export { createAuditProtection } from './0001_foundation'
