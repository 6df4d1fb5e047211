/**
 * The browser tests drive the built artifact, the same thing production runs: build it first
 * when it is missing or older than the sources (a no-op after `pnpm build`, as in `pnpm test`).
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'

export default function globalSetup() {
  execFileSync(process.execPath, [path.resolve('scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' })
}
