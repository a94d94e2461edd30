import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { seedOrganisation } from '../demo/seed'
import { importBuffer } from '../evidence/evidence-store'
import { argon2Passwords } from '../passwords'
import { openRuntime } from '../runtime'
import { startHarness } from './server'
import { startScheduler } from '../jobs'
import { fileLogger } from '../log'

/** The password of every demo and test user; documented in the README, never used outside a demo database. */
export const DEMO_PASSWORD = 'riskdesk-demo-2026'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '.data' },
    port: { type: 'string', default: '5174' },
    renderer: { type: 'string', default: 'dist/renderer' },
    seed: { type: 'string' }, // 'demo' | 'test'
    'test-api': { type: 'boolean', default: false },
    'seed-only': { type: 'boolean', default: false },
  },
})

const file = resolve(values.data, 'riskdesk.sqlite')
const runtime = await openRuntime({ file })
if (values.seed === 'demo' || values.seed === 'test') {
  const result = await seedOrganisation(runtime.store.db, {
    mode: values.seed,
    now: runtime.clock.now(),
    passwordHash: await argon2Passwords.hash(DEMO_PASSWORD),
    // The demo's evidence files go into the same store the app serves them from.
    evidence: async (bytes, name, type) => ({
      sha256: (await importBuffer(resolve(values.data), bytes, name, type, bytes.byteLength + 1)).file_sha256,
    }),
  })
  process.stdout.write(
    result.loaded
      ? `Loaded the ${values.seed} organisation: ${result.users} users, ${result.incidents} incidents.\n`
      : 'The database already holds an organisation; nothing was loaded.\n',
  )
}
if (values['seed-only']) {
  await runtime.close()
  process.exit(0)
}
const scheduler = startScheduler(runtime.dispatcher, { log: fileLogger(null) })
const harness = await startHarness({
  runtime,
  rendererRoot: resolve(values.renderer),
  port: Number(values.port),
  testApi: values['test-api'],
})
process.stdout.write(`RiskDesk is running at ${harness.url}\n(database: ${file})\n`)

const stop = async () => {
  scheduler.stop()
  await harness.close()
  await runtime.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
