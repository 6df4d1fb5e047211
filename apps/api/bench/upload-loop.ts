/**
 * For `pnpm bench`: employees upload one photo back to back, in a process of its own, so that
 * the process measuring /me's latency does not also carry 40 MB/s of request bodies on its event
 * loop; every other upload is a マイナンバーカード's back, which the server also reads the number
 * off (ADR 042). Prints "+" per stored upload; stops after the uploads in flight on SIGTERM.
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
const image = fs.readFileSync(photo)
const bodies = (['front', 'back'] as const).map((side) => imageUpload({ role: 'number', slot: 0, side, type: 'my_number_card' }, image))
let running = true
process.on('SIGTERM', () => (running = false))
await Promise.all(
  uploaders.map(async ({ auth, personId }) => {
    for (let count = 0; running; count++) {
      const body = bodies[count % 2]!
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
