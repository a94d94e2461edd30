import { defineQuery } from '../catalogue/define'
import { fail } from '../core/errors'
import { ROLE_CODES } from '../core/primitives'
import { hasRole } from '../users/actor'
import { PersonOptionsInput, personOptions } from '../users/user.options'

/**
 * controls.md §2.5: the tester of an effectiveness test is any active user, an auditor included. Only risk
 * officers record tests, so only they list the candidates.
 */
export const testerOptions = defineQuery({
  name: 'control.testerOptions',
  summary: 'Active users who can be named as the tester of a control test.',
  input: PersonOptionsInput,
  async handler(ctx, input) {
    if (!hasRole(ctx.actor, 'risk_officer')) fail.forbidden('Only Risk Officers can record control tests.')
    return personOptions(ctx, input, ROLE_CODES)
  },
})
