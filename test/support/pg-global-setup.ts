// Vitest globalSetup: one throwaway PostgreSQL cluster for the whole integration run.
//
//   // vitest config, integration project
//   test: { globalSetup: ['test/support/pg-global-setup.ts'] }
//
//   // in a test file
//   import { inject } from 'vitest'
//   const db = await freshPgDatabase(inject('pgUrl'))   // own empty database per file
//
// With DATABASE_URL set, that server is provided instead and nothing is started or stopped.

import type { TestProject } from 'vitest/node'
import { startPgCluster } from './pg-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the `riskdesk_test` database on the run's PostgreSQL cluster. */
    pgUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster()
  project.provide('pgUrl', cluster.url)
  return async () => {
    await cluster.stop()
  }
}
