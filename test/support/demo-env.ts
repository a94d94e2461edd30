import { seedOrganisation } from '#main/demo/seed'
import { testEnv, type Engine, type TestEnv } from './engines'

/**
 * A fresh database on the engine loaded with the demo organisation (demo_mode = 1, data/demo-org.json users),
 * for the demo generator. It is seeded before the dispatcher's first call, so the cached db_meta is the demo one.
 */
export async function demoEnv(engine: Engine): Promise<TestEnv> {
  const env = await testEnv(engine, { seed: 'none' })
  await seedOrganisation(env.db, { mode: 'demo', now: env.clock.now(), passwordHash: 'not-used-by-these-tests' })
  const rows = await env.db.selectFrom('users').select(['id', 'username']).execute()
  // `as()` reads this same object, so the demo usernames (ada_admin, rita_ro …) become callable.
  for (const r of rows) env.users[r.username ?? r.id] = r.id
  return env
}
