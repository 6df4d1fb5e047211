/**
 * The browser tests drive the built artifact, the same thing production runs: build it first
 * when it is missing or older than the sources (a no-op after `pnpm build`, as in `pnpm test`).
 *
 * Then one embedded database, initialised and migrated, that every test's server starts from
 * (server.ts copies it into the fresh data folder): PGlite's initdb costs each server ~2.5 s of
 * CPU. The server still runs its migrations on it (none left to apply) and seeds the demo on
 * it, as on any fresh folder; `pnpm start` on an empty folder is artifact.test.ts's.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../apps/api/src/db/database.ts'
import { PGLITE_TEMPLATE_ENV } from './server.ts'

export default async function globalSetup() {
  execFileSync(process.execPath, [path.resolve('scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' })

  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-e2e-template-'))
  const template = path.join(root, 'pglite')
  await (await openDatabase({ pgliteDir: template })).close()
  // Set here, in the runner's process: the workers inherit it.
  process.env[PGLITE_TEMPLATE_ENV] = template
  return () => fs.rm(root, { recursive: true, force: true })
}
