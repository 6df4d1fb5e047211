/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible built file, once,
 * at the highest levels: the API serves them with @fastify/static `preCompressed` (chosen by
 * Accept-Encoding), so no request pays for compression and no response is sent uncompressed.
 * Runs after the files are written, so it compresses exactly the bytes that are served.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

const COMPRESSIBLE = /\.(js|css|html|svg)$/

export function precompress(): Plugin {
  return {
    name: 'bango:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir
      if (!dir) return
      await Promise.all(
        Object.keys(bundle)
          .filter((fileName) => COMPRESSIBLE.test(fileName))
          .map(async (fileName) => {
            const file = path.join(dir, fileName)
            const bytes = await fs.readFile(file)
            const [br, gz] = await Promise.all([
              brotli(bytes, {
                params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
              }),
              gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
            ])
            // A copy that is not smaller (a tiny file) is not written: the file itself is sent.
            const copies = [
              { suffix: '.br', copy: br },
              { suffix: '.gz', copy: gz },
            ].filter(({ copy }) => copy.length < bytes.length)
            await Promise.all(copies.map(({ suffix, copy }) => fs.writeFile(file + suffix, copy)))
          }),
      )
    },
  }
}
