// Bundles the main-process entry points with esbuild; node_modules stay external (better-sqlite3 and
// @node-rs/argon2 are native, and electron is provided by the shell).
import { build } from 'esbuild'

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
}
await build({ ...common, entryPoints: ['main/harness/cli.ts'], outfile: 'dist/main/harness.mjs', format: 'esm' })
await build({
  ...common,
  entryPoints: ['main/electron/index.ts'],
  outfile: 'dist/main/electron.cjs',
  format: 'cjs',
  external: ['electron'],
})
await build({
  ...common,
  packages: undefined,
  entryPoints: ['main/preload.ts'],
  outfile: 'dist/main/preload.cjs',
  format: 'cjs',
  external: ['electron'],
})
