/**
 * OCR hit rate on generated cards: N cards (default 30, `OCR_CARDS=n`) of varied font, size,
 * rotation and noise; a hit is a card whose only valid 12-digit candidate is its number.
 * Prints the hit rate and the time per card; asserts nothing. Run without network to see that
 * nothing is downloaded: `unshare -rn pnpm --filter @bango/api bench:ocr`.
 */
import { findMyNumbers } from '@bango/shared/my-number'
import { createOcrReader } from '../src/lib/ocr.ts'
import { cardVariant, renderCard } from '../test/number-cards.ts'

const count = Number(process.env.OCR_CARDS ?? 30)
const reader = createOcrReader()
let hits = 0
const times: number[] = []
for (let index = 0; index < count; index++) {
  const variant = cardVariant(index)
  const card = await renderCard(variant)
  const started = performance.now()
  const found = findMyNumbers(await reader.read(card))
  times.push(performance.now() - started)
  const hit = found.length === 1 && found[0] === variant.number
  if (hit) hits++
  else console.log(`miss #${index}: ${variant.font} ${variant.fontSize}px ${variant.rotateDegrees.toFixed(1)}° noise ${variant.noise} → ${found.length} candidate(s)${found.length ? `, right: ${found.includes(variant.number)}` : ''}`)
}
await reader.close()
const sorted = [...times].sort((a, b) => a - b)
console.log(`OCR hit rate: ${hits}/${count} (${((hits / count) * 100).toFixed(0)} %)`)
console.log(`per card: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, first (worker start) ${times[0]!.toFixed(0)} ms`)
