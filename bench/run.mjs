// `npm run bench`: bundles bench/main.ts with esbuild (the repository's .ts uses extensionless relative imports,
// which Node's type stripping cannot resolve), then runs it. node_modules stay external, as in build-main.mjs.
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outfile = join(root, '.data', 'bench', 'bench.mjs')
mkdirSync(dirname(outfile), { recursive: true })
await build({
  entryPoints: [join(root, 'bench', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
const { main } = await import(pathToFileURL(outfile).href)
await main(root)
