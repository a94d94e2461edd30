// Fails the build when a folder imports across a boundary DESIGN §4 forbids: main/ and server/ never import
// each other, renderer/ imports nothing from main/ or server/, shared/ imports no Node, Electron, React or driver.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const rules = {
  shared: [
    /^#(main|server|renderer)\//,
    /^node:/,
    /^(electron|better-sqlite3|pg|react|react-dom|fs|path)$/,
    /\.\.\/(main|server|renderer)\//,
  ],
  main: [/^#(server|renderer)\//, /\.\.\/(server|renderer)\//],
  server: [/^#(main|renderer)\//, /\.\.\/(main|renderer)\//],
  renderer: [
    /^#(main|server|migrations)\//,
    /^node:/,
    /^(electron|better-sqlite3|pg|kysely)$/,
    /\.\.\/(main|server)\//,
  ],
}
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
const problems = []
function walk(dir, folder) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, folder)
    else if (/\.(ts|tsx)$/.test(name) && !(folder === 'shared' && name.endsWith('.test.ts'))) {
      const text = readFileSync(p, 'utf8')
      for (const m of text.matchAll(importRe)) {
        const spec = m[1] ?? m[2]
        if (rules[folder].some((r) => r.test(spec))) problems.push(`${p}: imports '${spec}'`)
      }
    }
  }
}
for (const folder of Object.keys(rules)) {
  try {
    walk(folder, folder)
  } catch (e) {
    if (e.code !== 'ENOENT') throw e
  }
}
if (problems.length) {
  console.error('Import boundaries broken:\n' + problems.join('\n'))
  process.exit(1)
}
console.log('Import boundaries hold.')
