import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openStore } from '#main/store/open'

describe('audit protection at start', () => {
  it('SEC-36 dropped append-only triggers are recreated at start and an audit.protectionRestored entry is appended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskdesk-prot-'))
    const file = join(dir, 'riskdesk.sqlite')
    try {
      const first = await openStore(file)
      expect(first.protectionRestored).toBe(false)
      await first.close()

      const raw = new Database(file)
      for (const t of ['audit_entry_no_update', 'audit_entry_no_delete', 'audit_entry_link'])
        raw.exec(`DROP TRIGGER ${t}`)
      raw.close()

      const second = await openStore(file)
      expect(second.protectionRestored).toBe(true)
      const entries = await second.db.selectFrom('audit_entry').select(['action', 'actor_label']).execute()
      expect(entries).toEqual([{ action: 'audit.protectionRestored', actor_label: 'system:audit.protectionRestored' }])
      expect(() => second.raw.prepare('DELETE FROM audit_entry').run()).toThrow('audit_entry is append-only')
      await second.close()

      const third = await openStore(file)
      expect(third.protectionRestored).toBe(false)
      await third.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
