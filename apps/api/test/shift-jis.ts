/**
 * A Shift_JIS (CP932) encoder for tests and benches, built by inverting the platform's own
 * decoder — no dependency, and by construction it writes what the server will read back.
 * Where CP932 has two codes for a character, Windows' choice is made: the lowest code, except
 * that the IBM extensions (FA–FC) win over their NEC-selected copies (ED–EE) — 髙 is FB FC.
 */
let table: Map<number, number[]> | null = null
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

function buildTable() {
  const decoder = new TextDecoder('shift_jis')
  const map = new Map<number, number[]>()
  const add = (bytes: number[]) => {
    const text = decoder.decode(new Uint8Array(bytes))
    const code = text.codePointAt(0)
    if (code !== undefined && text.length === 1 && code !== 0xfffd && !map.has(code)) map.set(code, bytes)
  }
  for (let byte = 0; byte <= 0xdf; byte++) add([byte])
  const leads = [...range(0x81, 0x9f), ...range(0xe0, 0xec), ...range(0xef, 0xfc), 0xed, 0xee]
  for (const lead of leads) {
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) add([lead, trail])
  }
  return map
}

export function encodeShiftJis(text: string): Buffer {
  table ??= buildTable()
  const out: number[] = []
  for (const char of text) {
    const bytes = table.get(char.codePointAt(0)!)
    if (!bytes) throw new Error(`not in Shift_JIS: ${char}`)
    for (const byte of bytes) out.push(byte)
  }
  return Buffer.from(out)
}
