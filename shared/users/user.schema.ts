import { z } from 'zod'
import { Id, Role } from '../core/primitives'

export const Email = z
  .string()
  .trim()
  .max(254, 'Enter a valid email address.')
  .pipe(z.email({ error: 'Enter a valid email address.' }))

export const Password = z.string().check((ctx) => {
  const n = [...ctx.value].length
  if (n < 12 || n > 128)
    ctx.issues.push({ code: 'custom', message: 'Password must be 12 to 128 characters.', input: ctx.value })
})

export const UserOutput = z.object({
  id: Id,
  email: z.string(),
  full_name: z.string(),
  roles: z.array(Role),
  group_scope: z.boolean(),
  business_unit_id: Id.nullable(),
  business_unit_name: z.string().nullable(),
  manager_id: Id.nullable(),
  is_active: z.boolean(),
  must_change_password: z.boolean(),
  last_sign_in_at: z.string().nullable(),
})
export type UserOutput = z.infer<typeof UserOutput>
