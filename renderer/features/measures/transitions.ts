import { api } from '#renderer/api'
import type { MeasureAction } from './measure-types'

/** One transition of measures §5.2 with the text its dialog asked for; expected_version is the version shown. */
export function runTransition(action: MeasureAction, m: { id: string; version: number }, text: string) {
  const base = { id: m.id, expected_version: m.version }
  switch (action.command) {
    case 'measure.start':
      return api.call('measure.start', base)
    case 'measure.submitForReview':
      return api.call('measure.submitForReview', { ...base, evidence: text })
    case 'measure.returnToProgress':
      return api.call('measure.returnToProgress', { ...base, reason: text })
    case 'measure.complete':
      return api.call('measure.complete', { ...base, closure_comment: text })
    case 'measure.cancel':
      return api.call('measure.cancel', { ...base, reason: text })
  }
}

/** Cancelling ends the work for good: its button looks like the danger it is. */
export const buttonClass = (a: MeasureAction, primary: boolean) =>
  a.command === 'measure.cancel' ? 'button-danger-outline' : primary ? 'button-primary' : 'button-secondary'
