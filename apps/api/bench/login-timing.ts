/**
 * Login answers must not tell whether a URL token exists: compares the response time of an
 * unknown token with a known token and a wrong password (and a correct login).
 * Run: pnpm --filter @bango/api bench:login
 */
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs/promises'
import { build } from '../src/app.ts'
import { openDatabase } from '../src/db/database.ts'
import { createEmployeeWithLogin } from '../test/factories.ts'
import { createFileBlobStore } from '../src/lib/blob-store.ts'
import { parseKeks } from '../src/lib/keys.ts'

const ROUNDS = 40
const database = await openDatabase({ pgliteDir: null })
const blobDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-bench-'))
const app = await build({
  db: database.prisma,
  blobs: createFileBlobStore(blobDir),
  secrets: { keyring: parseKeks(`b:${randomBytes(32).toString('base64')}`), jwtSecret: randomBytes(32), numberHmacKey: randomBytes(32) },
  rateLimits: { loginPerMinute: 100_000, uploadPerMinute: 1 },
})

async function time(payload: () => { token: string; password: string }, expected: number) {
  const samples: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const body = payload()
    const start = performance.now()
    const response = await app.inject({ method: 'POST', url: '/api/employee/login', payload: body })
    samples.push(performance.now() - start)
    if (response.statusCode !== expected) throw new Error(`expected ${expected}, got ${response.statusCode}`)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.floor(q * (samples.length - 1))]!.toFixed(1)
  return `median ${at(0.5)} ms, p10 ${at(0.1)} ms, p90 ${at(0.9)} ms`
}

// One employee per sample: each takes a single wrong password, so no lockout interferes.
const employees = await Promise.all(
  Array.from({ length: ROUNDS }, () => createEmployeeWithLogin(database.prisma, app.services.credentials, { dependents: [] })),
)
let next = 0
console.log(`login timing over ${ROUNDS} requests each (app.inject, embedded database)`)
console.log(`unknown token:              ${await time(() => ({ token: randomBytes(32).toString('base64url'), password: 'wrongPassword' }), 401)}`)
console.log(`known token, wrong password: ${await time(() => ({ token: employees[next++ % ROUNDS]!.token, password: 'wrongPassword' }), 401)}`)
console.log(
  `known token, right password: ${await time(() => {
    const e = employees[next++ % ROUNDS]!
    return { token: e.token, password: e.password }
  }, 200)}`,
)
await app.close()
await database.close()
await fs.rm(blobDir, { recursive: true, force: true })
