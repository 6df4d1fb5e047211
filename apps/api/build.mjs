#!/usr/bin/env node
/**
 * Builds the API artifact in apps/api/dist/ (docs/decisions/015-built-artifact.md):
 *   server.js, admin-create.js,                    one ESM bundle each (our code, @bango/shared,
 *   admin-networks-clear.js, admin-reset-password.js,
 *   keys-generate.js, keys-rotate.js               the generated Prisma client, pure-JS dependencies)
 *   image-worker.js                                the image pool's child process (lib/image-pool.ts)
 *   pglite-worker.js                               the embedded database's thread (db/pglite-thread.ts)
 *   import-worker.js                               a CSV import's thread (domain/admin/import-thread.ts)
 *   migrations/                                    prisma/migrations, applied at start-up
 *   web/                                           the built SPA (apps/web/dist), served by the API
 * Packages with native, WASM or worker-thread assets stay external and are resolved from
 * node_modules at run time. Build the SPA first (scripts/build.mjs does both, in order).
 * The folder is assembled next to dist/ and swapped in whole, so a failed build leaves the old one.
 */
import { build } from 'esbuild'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
const dist = path.join(here, 'dist')
const staging = path.join(here, `dist.${process.pid}.tmp`)
const webDist = path.join(repo, 'apps/web/dist')

/** Native addons (sharp, argon2), WASM + data files (PGlite, Prisma's query compiler), worker scripts (tesseract.js), optional natives (pg). */
const EXTERNAL = [
  'sharp',
  '@node-rs/argon2',
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'tesseract.js',
  '@tesseract.js-data/eng',
  '@prisma/client',
  '@prisma/client/*',
  'pg',
  'pg-native',
]

if (!(await exists(path.join(webDist, 'index.html')))) {
  console.error(`build: ${webDist} has no index.html; build the SPA first (pnpm build does)`)
  process.exit(1)
}

await fs.rm(staging, { recursive: true, force: true })
try {
  await build({
    entryPoints: {
      server: path.join(here, 'src/server.ts'),
      'admin-create': path.join(here, 'src/cli/admin-create.ts'),
      'admin-networks-clear': path.join(here, 'src/cli/admin-networks-clear.ts'),
      'admin-reset-password': path.join(here, 'src/cli/admin-reset-password.ts'),
      'keys-generate': path.join(here, 'src/cli/keys-generate.ts'),
      'keys-rotate': path.join(here, 'src/cli/keys-rotate.ts'),
      'image-worker': path.join(here, 'src/lib/image-worker.ts'),
      'pglite-worker': path.join(here, 'src/db/pglite-worker.ts'),
      'import-worker': path.join(here, 'src/domain/admin/import-worker.ts'),
    },
    outdir: staging,
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    format: 'esm',
    external: EXTERNAL,
    // The bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __bangoCreateRequire } from 'node:module'; const require = __bangoCreateRequire(import.meta.url);" },
    // config.ts looks for migrations/ and web/ next to the bundle instead of in the source tree.
    define: { BANGO_BUNDLED: 'true' },
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  })
  await fs.cp(path.join(repo, 'prisma/migrations'), path.join(staging, 'migrations'), { recursive: true })
  await fs.cp(webDist, path.join(staging, 'web'), { recursive: true })
  await fs.rm(dist, { recursive: true, force: true })
  await fs.rename(staging, dist)
} finally {
  await fs.rm(staging, { recursive: true, force: true })
}

async function exists(file) {
  return fs.access(file).then(
    () => true,
    () => false,
  )
}
