import { createHash, randomInt } from 'node:crypto'
import { v7 } from 'uuid'

export const newId = (): string => v7()
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ'
/** Standalone databases mint 4-letter device codes (sync.md §11); servers assign 3 or 5 letters. */
export function standaloneDeviceCode(): string {
  let s = ''
  for (let i = 0; i < 4; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return s
}
