import { z } from 'zod'
import { Ts } from '../core/primitives'

const COUNT_MESSAGE = 'count must be between 1 and 20,000.'

// zod only: the Demo data screen reuses it for early feedback.
export const GenerateDemoIncidentsInput = z.strictObject({
  count: z
    .number({ error: COUNT_MESSAGE })
    .int({ error: COUNT_MESSAGE })
    .min(1, { error: COUNT_MESSAGE })
    .max(20_000, { error: COUNT_MESSAGE })
    .default(5000),
  /** The 32-bit initial state of mulberry32. */
  rng_state: z
    .number({ error: 'rng_state must be a whole number from 0 to 4,294,967,295.' })
    .int({ error: 'rng_state must be a whole number from 0 to 4,294,967,295.' })
    .min(0, { error: 'rng_state must be a whole number from 0 to 4,294,967,295.' })
    .max(4_294_967_295, { error: 'rng_state must be a whole number from 0 to 4,294,967,295.' })
    .default(1),
  now: Ts.optional(),
})
export type GenerateDemoIncidentsInput = z.input<typeof GenerateDemoIncidentsInput>
