import { performance } from 'node:perf_hooks'

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Median milliseconds of `fn` over at most `runs` timed runs (after `warmup`), stopping early past `budgetMs`. */
export async function timeMedian(
  fn: () => unknown,
  opts: { runs: number; warmup?: number; budgetMs?: number },
): Promise<number> {
  for (let i = 0; i < (opts.warmup ?? 2); i++) await fn()
  const times: number[] = []
  const started = performance.now()
  while (times.length < opts.runs && (times.length < 3 || performance.now() - started < (opts.budgetMs ?? 30_000))) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return median(times)
}

/** Items per second for `n` sequential calls of `fn`. */
export async function ratePerSecond(n: number, fn: (i: number) => unknown): Promise<number> {
  const t = performance.now()
  for (let i = 0; i < n; i++) await fn(i)
  return n / ((performance.now() - t) / 1000)
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3))

/** The one line per measure the bench prints: `BENCH <name> <value> <unit> raw=<value> ratio=<x>`. */
export function benchLine(name: string, value: number, unit: string, raw: number): string {
  return `BENCH ${name} ${fmt(value)} ${unit} raw=${fmt(raw)} ratio=${(value / raw).toFixed(2)}`
}
