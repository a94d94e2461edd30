import type { z } from 'zod'
import type { Catalogue } from './index'

// Type-only view of the catalogue for the renderer: importing this file pulls no handler code.
export type CommandName = keyof Catalogue
export type InputOf<N extends CommandName> = z.input<Catalogue[N]['input']>
export type OutputOf<N extends CommandName> = Awaited<ReturnType<Catalogue[N]['handler']>>
