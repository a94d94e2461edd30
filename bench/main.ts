import { performance } from 'node:perf_hooks'
import { openBench } from './context'
import { ensureDataset } from './dataset'
import { count, detail, importRows, listPage } from './measures'

const log = (s: string) => process.stderr.write(`${s}\n`)

/**
 * `npm run bench` (DESIGN §9): catalogue paths against the raw engine on the same 1,000,000-incident SQLite
 * file, one `BENCH` line per measure on stdout; progress and notes on stderr.
 */
export async function main(root: string): Promise<void> {
  const started = performance.now()
  const dataset = await ensureDataset(root, log)
  const bench = await openBench(root, dataset)
  try {
    for (const measure of [listPage, count, detail, importRows]) {
      log(`measuring ${measure.name}…`)
      console.log(await measure(bench, log))
    }
  } finally {
    await bench.close()
  }
  log(`bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`)
}
