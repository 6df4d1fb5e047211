/**
 * For `pnpm bench`: employees upload one photo back to back, in a process of its own, so that
 * the process measuring /me's latency does not also carry 40 MB/s of request bodies on its event
 * loop; every other upload is a マイナンバーカード's back, which the server also reads the number
 * off (ADR 042). Prints "+" per stored upload; stops after the uploads in flight on SIGTERM.
 * Input (BENCH_UPLOADS, JSON): { base, photo: a file, uploaders: [{ auth, personId }] }.
 *
 * node:http writes each prepared body to the socket as it is: about 4 ms of this process's CPU per
 * upload, where fetch took 66–75 ms — CPU the server's machine would not spend on its clients'
 * behalf in production, taken from the server and the measuring process here.
 */
import fs from 'node:fs'
import http from 'node:http'
import { imageUpload } from '../test/harness.ts'

interface Input {
  base: string
  photo: string
  uploaders: { auth: Record<string, string>; personId: string }[]
}
const { base, photo, uploaders } = JSON.parse(process.env.BENCH_UPLOADS!) as Input
const image = fs.readFileSync(photo)
const bodies = (['front', 'back'] as const).map((side) => imageUpload({ role: 'number', slot: 0, side, type: 'my_number_card' }, image))
const agent = new http.Agent({ keepAlive: true })
let running = true
process.on('SIGTERM', () => (running = false))

function post(url: string, headers: Record<string, string>, payload: Buffer) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(payload.length) } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
    })
    request.on('error', reject)
    request.end(payload)
  })
}

await Promise.all(
  uploaders.map(async ({ auth, personId }) => {
    for (let count = 0; running; count++) {
      const body = bodies[count % 2]!
      const response = await post(`${base}/api/employee/persons/${personId}/images`, { ...auth, ...body.headers }, body.payload)
      if (response.status !== 201) throw new Error(`upload: ${response.status} ${response.text}`)
      process.stdout.write('+')
    }
  }),
)
agent.destroy()
