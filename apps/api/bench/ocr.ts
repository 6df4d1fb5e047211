/**
 * OCR hit rate on generated cards: N cards (default 30, `OCR_CARDS=n`) of varied font, size,
 * rotation and noise, read as the console's OCR suggestion reads them; a hit is a card whose
 * suggestion is its number (a wrong suggestion counts apart: it is the costly failure).
 * Prints the hit rate and the time per card; asserts nothing. Run without network to see that
 * nothing is downloaded: `unshare -rn pnpm --filter @bango/api bench:ocr`.
 */
import { readMyNumber } from '../src/lib/number-reading.ts'
import { createOcrReader } from '../src/lib/ocr.ts'
import { cardVariant, renderCard } from '../test/number-cards.ts'

const count = Number(process.env.OCR_CARDS ?? 30)
const reader = createOcrReader()
let hits = 0
let wrong = 0
const times: number[] = []
for (let index = 0; index < count; index++) {
  const variant = cardVariant(index)
  const card = await renderCard(variant)
  const started = performance.now()
  const suggestion = await readMyNumber(reader, card)
  times.push(performance.now() - started)
  if (suggestion === variant.number) hits++
  else {
    if (suggestion !== null) wrong++
    console.log(
      `miss #${index}: ${variant.font} ${variant.fontSize}px ${variant.rotateDegrees.toFixed(1)}° noise ${variant.noise} → ${suggestion === null ? 'no suggestion' : 'a wrong suggestion'}`,
    )
  }
}
await reader.close()
const sorted = [...times].sort((a, b) => a - b)
console.log(`OCR hit rate: ${hits}/${count} (${((hits / count) * 100).toFixed(0)} %), wrong suggestions: ${wrong}`)
console.log(`per card: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, first (worker start) ${times[0]!.toFixed(0)} ms`)
