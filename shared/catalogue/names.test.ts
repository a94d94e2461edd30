import { describe, expect, it } from 'vitest'
import { catalogue } from './index'
import { COMMAND_NAMES } from './names'

describe('catalogue names', () => {
  it("SEC-24 the preload's allow-list is exactly the catalogue's names", () => {
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(catalogue).sort())
  })

  it('every command declares how it syncs, and only creates that mint references name a prefix', () => {
    for (const def of Object.values(catalogue)) {
      if (def.kind !== 'command') continue
      expect(['push', 'local', 'online']).toContain(def.sync)
      expect(['fields', 'version', 'none']).toContain(def.concurrency)
      expect(def.name).toMatch(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/)
    }
  })
})
