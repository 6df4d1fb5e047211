/**
 * `pnpm keys:rotate` as an operator runs it: a separate process with the server's configuration
 * (DATA_DIR, BANGO_KEKS with a new key first, DATABASE_URL on PostgreSQL), on data written
 * under the old key. The rotation itself is tested in data-at-rest.test.ts.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { createFileBlobStore } from '../src/lib/blob-store.ts'
import { formatRotationReport } from '../src/cli/keys-rotate.ts'
import { blobKeyId } from '../src/lib/envelope.ts'
import { parseKeks } from '../src/lib/keys.ts'
import { createTestContext } from './harness.ts'
import { submittedEmployee, validNumber } from './number-helpers.ts'

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-keys-rotate-'))
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }))

const rotate = (env: Record<string, string>, ...args: string[]) =>
  promisify(execFile)(process.execPath, ['src/cli/keys-rotate.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...env },
  })

it('re-wraps what the old key wrapped, says so, and finds nothing to do the second time', async () => {
  const key = () => randomBytes(32).toString('base64')
  const old = `k1:${key()}`
  const secrets = { keyring: parseKeks(old), jwtSecret: randomBytes(32), numberHmacKey: randomBytes(32) }
  const pgliteDir = path.join(dataDir, 'pglite')
  const context = await createTestContext({ secrets, blobs: createFileBlobStore(path.join(dataDir, 'blobs')) }, { pgliteDir })
  const url = context.databaseUrl
  let open = true
  try {
    await submittedEmployee(context, { typed: [validNumber(), validNumber()] })
    const env = {
      BANGO_KEKS: `k2:${key()},${old}`,
      BANGO_JWT_SECRET: Buffer.from(secrets.jwtSecret).toString('base64'),
      BANGO_NUMBER_HMAC_KEY: secrets.numberHmacKey.toString('base64'),
      ...(url ? { DATABASE_URL: url } : {}),
    }
    // The embedded database serves one process: the server stops before the command runs.
    if (!url) {
      open = false
      await context.close()
    }

    const first = await rotate(env)
    expect(first.stdout).toContain('Active key: k2\n')
    expect(first.stdout).toMatch(/blobs +re-wrapped 4, already current 0/)
    expect(first.stdout).toMatch(/persons\.employee_entered_number +re-wrapped 2/)
    expect(first.stdout).toContain('6 re-wrapped. Run again to confirm nothing is left.')
    const files = (await fs.readdir(path.join(dataDir, 'blobs'), { recursive: true })).filter((name) => name.endsWith('.blob'))
    expect(files).toHaveLength(4)
    for (const file of files) expect(blobKeyId(await fs.readFile(path.join(dataDir, 'blobs', file)))).toBe('k2')
    const second = await rotate(env)
    expect(second.stdout).toMatch(/blobs +re-wrapped 0, already current 4/)
    expect(second.stdout).toContain('Nothing is wrapped by an older key')
  } finally {
    if (open) await context.close()
  }
}, 240_000)

it('prints a dry run and failures so that the operator keeps the old key', () => {
  const counts = { rewrapped: 3, current: 1, failed: 0 }
  expect(formatRotationReport({ activeKeyId: 'k2', sources: { blobs: counts }, failures: [] }, true)).toEqual([
    'Active key: k2 (dry run: nothing written)',
    '  blobs                            to re-wrap 3, already current 1',
    '3 to re-wrap: run without --dry-run.',
  ])
  const failed = formatRotationReport(
    { activeKeyId: 'k2', sources: { blobs: { ...counts, failed: 1 } }, failures: ['blobs 1f0e…: blob wrapped with unknown key k0'] },
    false,
  )
  expect(failed.at(-2)).toBe('  failed: blobs 1f0e…: blob wrapped with unknown key k0')
  expect(failed.at(-1)).toContain('keep the old keys in BANGO_KEKS')
})
