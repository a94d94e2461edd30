import type { Dispatcher, Logger } from '#shared/catalogue/dispatcher'

type Timers = {
  setInterval: (fn: () => void, ms: number) => unknown
  clearInterval: (handle: unknown) => void
}

/**
 * The standalone desktop's job scheduler (spec README §2.10): every system command in the catalogue runs at
 * start and then every `intervalMinutes`. A run never overlaps the previous run of the same job.
 */
export function startScheduler(
  dispatcher: Pick<Dispatcher, 'catalogue' | 'runJob'>,
  opts: { log: Logger; timers?: Timers },
) {
  const timers: Timers = opts.timers ?? {
    setInterval: (fn, ms) => setInterval(fn, ms).unref(),
    clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
  }
  const jobs = Object.values(dispatcher.catalogue).filter((d) => d.kind === 'command' && d.auth === 'system')
  const running = new Set<string>()
  const run = async (name: string) => {
    if (running.has(name)) return
    running.add(name)
    try {
      const result = await dispatcher.runJob(name)
      if (!result.ok) opts.log.error({ event: 'job_failed', job: name, error: result.error })
    } finally {
      running.delete(name)
    }
  }
  const handles = jobs.map((j) => {
    void run(j.name)
    const minutes = 'intervalMinutes' in j ? j.intervalMinutes : 60
    return timers.setInterval(() => void run(j.name), minutes * 60_000)
  })
  return {
    jobs: jobs.map((j) => j.name),
    runNow: run,
    stop: () => handles.forEach((h) => timers.clearInterval(h)),
  }
}
