/**
 * For `pnpm bench`: employees upload one photo back to back, in a process of its own, so that
 * the process measuring /me's latency does not also carry 40 MB/s of request bodies on its event
 * loop. Prints "+" per stored upload; stops after the uploads in flight on SIGTERM.
 * Input (BENCH_UPLOADS, JSON): { base, photo: a file, uploaders: [{ auth, personId }] }.
 */
import fs from 'node:fs'
import { imageUpload } from '../test/harness.ts'

interface Input {
  base: string
  photo: string
  uploaders: { auth: Record<string, string>; personId: string }[]
}
const { base, photo, uploaders } = JSON.parse(process.env.BENCH_UPLOADS!) as Input
const body = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, fs.readFileSync(photo))
let running = true
process.on('SIGTERM', () => (running = false))
await Promise.all(
  uploaders.map(async ({ auth, personId }) => {
    while (running) {
      const response = await fetch(`${base}/api/employee/persons/${personId}/images`, {
        method: 'POST',
        headers: { ...auth, ...body.headers },
        body: body.payload,
      })
      if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`)
      process.stdout.write('+')
    }
  }),
)
