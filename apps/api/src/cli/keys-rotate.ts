/**
 * `pnpm keys:rotate [--dry-run]`: re-wraps every data key still wrapped by an older
 * key-encryption key with the active one (the first of BANGO_KEKS), for the blobs and the
 * encrypted database values (domain/key-rotation.ts). Same configuration as the server; run it
 * after every instance runs with the new BANGO_KEKS, then again until it reports nothing to do.
 * With the embedded database, stop the server first: PGlite serves one process at a time.
 * Exits 1 if anything could not be re-wrapped (the old key must then stay).
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { openConfiguredDatabase } from '../db/database.ts'
import { type RotationReport, rotateKeys } from '../domain/key-rotation.ts'
import { openBlobStore } from '../lib/open-blob-store.ts'
import { loadSecrets } from '../lib/keys.ts'

export function formatRotationReport(report: RotationReport, dryRun: boolean): string[] {
  const verb = dryRun ? 'to re-wrap' : 're-wrapped'
  const lines = Object.entries(report.sources).map(
    ([source, counts]) =>
      `  ${source.padEnd(32)} ${verb} ${counts.rewrapped}, already current ${counts.current}${counts.failed > 0 ? `, FAILED ${counts.failed}` : ''}`,
  )
  const total = Object.values(report.sources).reduce((sum, counts) => sum + counts.rewrapped, 0)
  return [
    `Active key: ${report.activeKeyId}${dryRun ? ' (dry run: nothing written)' : ''}`,
    ...lines,
    ...report.failures.map((failure) => `  failed: ${failure}`),
    report.failures.length > 0
      ? 'Some envelopes could not be re-wrapped: keep the old keys in BANGO_KEKS.'
      : total === 0
        ? 'Nothing is wrapped by an older key: keys other than the active one may leave BANGO_KEKS.'
        : dryRun
          ? `${total} to re-wrap: run without --dry-run.`
          : `${total} re-wrapped. Run again to confirm nothing is left.`,
  ]
}

async function main(argv: readonly string[]) {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv]
  const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } }, strict: true })
  const dryRun = values['dry-run'] === true
  const config = loadConfig(process.env)
  const { secrets } = await loadSecrets(config)
  const database = await openConfiguredDatabase(config)
  const blobs = openBlobStore(config)
  try {
    const report = await rotateKeys(database.prisma, blobs, secrets.keyring, { dryRun })
    for (const line of formatRotationReport(report, dryRun)) console.log(line)
    if (report.failures.length > 0) process.exitCode = 1
  } finally {
    blobs.close()
    await database.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await main(process.argv.slice(2))
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
