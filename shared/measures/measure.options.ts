import { defineQuery } from '../catalogue/define'
import { ROLE_CODES } from '../core/primitives'
import { PersonOptionsInput, personOptions } from '../users/user.options'

// A user who holds any role besides auditor and admin can do the work (measures.md §3.1, §14).
const WORKING_ROLES = ROLE_CODES.filter((r) => r !== 'auditor' && r !== 'admin')

/** The create dialog's responsible picker: active users who can be responsible, by name, keyset paged. */
export const responsibleOptions = defineQuery({
  name: 'measure.responsibleOptions',
  summary: 'Users who can be named responsible for a measure.',
  input: PersonOptionsInput,
  handler: (ctx, input) => personOptions(ctx, input, WORKING_ROLES),
})
