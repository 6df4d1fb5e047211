/**
 * For `pnpm bench`: decodes one photo (its path in argv) back to back until killed, as one of the
 * image pool's children does — the cores kept busy by image work without any upload, to tell the
 * machine's share of /me's latency from the server's own.
 */
import fs from 'node:fs'
import { normalizeImage } from '../src/lib/images.ts'

const photo = fs.readFileSync(process.argv[2]!)
for (;;) await normalizeImage(photo)
