// The live character counters of the text boxes, counting and writing numbers as the catalogue's messages do.

/** Characters as the catalogue counts them: trimmed, in code points. */
export const lengthOf = (text: string) => [...text.trim()].length

/** `1,000`: the bounds in the words the catalogue's messages use. */
export const count = (n: number) => n.toLocaleString('en-US')
