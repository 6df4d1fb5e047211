/**
 * 20 employees upload a maximal photo (the pixel limit, under the byte limit) at the same
 * moment, through the real app (multipart, decode queue, encryption, blob write, database):
 * prints how many were taken or told to retry (503), the wall time, and the peak RSS.
 * Run: pnpm --filter @bango/api bench:flood
 */
import { IMAGE_LIMITS } from '@bango/shared/employee-api'
import sharp from 'sharp'
import { createTestContext, imageUpload, signedInEmployee } from '../test/harness.ts'

const PARALLEL = 20
const side = Math.floor(Math.sqrt(IMAGE_LIMITS.maxPixels))
// A smooth gradient with some noise: the pixel limit fits under the 15 MB byte limit.
const photo = await sharp({ create: { width: side, height: side, channels: 3, background: '#88aacc', noise: { type: 'gaussian', mean: 128, sigma: 12 } } })
  .jpeg({ quality: 70 })
  .toBuffer()
console.log(`input: ${side}×${side} (${((side * side) / 1e6).toFixed(1)} Mpx), ${(photo.length / 1e6).toFixed(1)} MB JPEG; ${PARALLEL} at once`)

const context = await createTestContext()
const employees = await Promise.all(Array.from({ length: PARALLEL }, () => signedInEmployee(context)))
let peak = process.memoryUsage().rss
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss)
}, 20)
const before = process.memoryUsage().rss
const started = performance.now()
const statuses = await Promise.all(
  employees.map((employee) => {
    const body = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, photo)
    return context.app
      .inject({
        method: 'POST',
        url: `/api/employee/persons/${employee.employee.id}/images`,
        headers: { ...employee.auth, ...body.headers },
        payload: body.payload,
      })
      .then((response) => response.statusCode)
  }),
)
const wall = performance.now() - started
clearInterval(sampler)
const count = (status: number) => statuses.filter((s) => s === status).length
console.log(`stored: ${count(201)}, told to retry (503): ${count(503)}, other: ${statuses.length - count(201) - count(503)}`)
console.log(`wall time: ${(wall / 1000).toFixed(1)} s`)
console.log(`RSS before: ${(before / 2 ** 20).toFixed(0)} MiB, peak: ${(peak / 2 ** 20).toFixed(0)} MiB`)
await context.close()
