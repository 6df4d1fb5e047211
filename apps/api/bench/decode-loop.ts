/**
 * For `pnpm bench`: the image work of four uploaders without the server — the control of /me's
 * latency during uploads. The image pool (lib/image-pool.ts) decodes and re-encodes one photo (its
 * path in argv) back to back in as many niced children as the server's, four jobs in hand as four
 * uploaders keep it, and every other result is read for the number in a reading child of its own,
 * one read at a time and none beyond 20 waiting, as the server reads card backs (ADR 042). What
 * /me loses to this is the machine's, not the server's. Prints "+" per image; exits on SIGTERM (its
 * children go with it).
 */
import fs from 'node:fs'
import os from 'node:os'
import { createImagePool } from '../src/lib/image-pool.ts'

const photo = fs.readFileSync(process.argv[2]!)
const images = createImagePool({ size: os.availableParallelism() })
const reader = createImagePool({ size: 1, niceness: 19 })
process.on('SIGTERM', () => process.exit(0))

let reads = Promise.resolve()
let waiting = 0
let decoded = 0
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (;;) {
      const { jpeg } = await images.normalize([photo])
      process.stdout.write('+')
      if (decoded++ % 2 === 1 && waiting < 20) {
        waiting++
        reads = reads.then(() => reader.readNumber(jpeg).then(() => void waiting--))
      }
    }
  }),
)
