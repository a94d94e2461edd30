import type { BaselType } from './settings-types'

/** Level-1 Basel types as option groups with their level-2 children (incidents §7 picker order). */
export function BaselOptions({ types }: { types: readonly BaselType[] }) {
  return (
    <>
      {types
        .filter((t) => t.level === 1)
        .map((l1) => (
          <optgroup key={l1.id} label={`${l1.id} ${l1.name}`}>
            <option value={l1.id}>
              {l1.id} {l1.name}
            </option>
            {types
              .filter((t) => t.parent_id === l1.id)
              .map((l2) => (
                <option key={l2.id} value={l2.id}>
                  {l2.id} {l2.name}
                </option>
              ))}
          </optgroup>
        ))}
    </>
  )
}
