/**
 * One draft-sweeper pass over 100,000 draft documents on PostgreSQL (the budget: a sweeper pass
 * over 100,000 drafts without listing blobs, ADR 016). Creates a fresh database on BENCH_DATABASE_URL's
 * server (default: the local one), seeds 100,000 persons with one recent draft each (set-wise
 * SQL), 1,000 orphans past the grace period (pending rows + real blobs: a crashed upload) and
 * 1,000 pending rows within it (uploads in flight, to be left alone), then times the sweeper
 * (domain/sweeper.ts) and the process RSS around it. For comparison, side by side, the former
 * orphan collection — list every blob, look each key up — over 100,000 blob files (file store
 * only, written without fsync). Prints figures; asserts nothing.
 * Run: pnpm --filter @bango/api bench:sweep   (TEST_BLOB_STORE=s3 for s3rver, SWEEP_COMPARE=0: the comparison is skipped)
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { createCampaign, createCompany } from '../test/factories.ts'
import { startSweeper } from '../src/domain/sweeper.ts'
import { createFileBlobStore } from '../src/lib/blob-store.ts'
import { seedPersons } from './dashboard-seed.ts'
import { createTestContext } from '../test/harness.ts'

const ORPHANS = 1_000
const IN_FLIGHT = 1_000
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const context = await createTestContext({}, { serverUrl })
const { app, db } = context
const sql = new pg.Client({ connectionString: context.databaseUrl! })
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const rss = () => {
  globalThis.gc?.()
  return process.memoryUsage().rss
}

/** Times `run` and the RSS it adds (peak sampled every 5 ms, since GC may return it before the end). */
async function measure<T>(run: () => Promise<T>): Promise<{ result: T; ms: number; before: number; peak: number; after: number }> {
  const before = rss()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  const started = performance.now()
  const result = await run()
  const ms = performance.now() - started
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  return { result, ms, before, peak, after: rss() }
}

const line = (label: string, m: { ms: number; before: number; peak: number; after: number }, extra: string) =>
  console.log(
    `${label.padEnd(34)} ${m.ms.toFixed(0).padStart(6)} ms   RSS ${mb(m.before)} → peak ${mb(m.peak)} (+${mb(m.peak - m.before)}), after ${mb(m.after)}   ${extra}`,
  )

try {
  await sql.connect()
  const company = await createCompany(db)
  const campaign = await createCampaign(db, company.id)
  let started = performance.now()
  const persons = await seedPersons(sql, campaign.id)
  // One number-card front per person, 10 minutes old (within the 24 h draft lifetime).
  await sql.query(
    `INSERT INTO documents (id, person_id, role, slot, side, type, state, blob_key, byte_size, width, height, created_at)
     SELECT gen_random_uuid(), id, 'NUMBER', 0, 'FRONT', 'my_number_card', 'DRAFT', gen_random_uuid()::text, 1000, 640, 400, now() - interval '10 minutes'
     FROM persons WHERE campaign_id = $1::uuid`,
    [campaign.id],
  )
  const orphanKeys = Array.from({ length: ORPHANS }, () => crypto.randomUUID())
  await sql.query(`INSERT INTO pending_blobs (blob_key, created_at) SELECT unnest($1::text[]), now() - interval '2 hours'`, [orphanKeys])
  for (let i = 0; i < orphanKeys.length; i += 50) {
    await Promise.all(orphanKeys.slice(i, i + 50).map((key) => context.blobs.put(key, randomBytes(2048))))
  }
  await sql.query(`INSERT INTO pending_blobs (blob_key) SELECT gen_random_uuid()::text FROM generate_series(1, $1)`, [IN_FLIGHT])
  await sql.query('VACUUM ANALYZE documents')
  await sql.query('VACUUM ANALYZE pending_blobs')
  const drafts = await db.document.count({ where: { state: 'DRAFT' } })
  console.log(
    `seeded ${persons}, ${drafts} drafts, ${ORPHANS} orphans past the grace period, ${IN_FLIGHT} in flight (${context.blobStoreKind} store) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )

  const pass = () =>
    measure(async () => {
      const sweeper = startSweeper(app.services.drafts, { intervalMs: 1e9, log: app.log })
      await sweeper.run()
      await sweeper.stop()
    })
  console.log(`\none sweeper pass (purge expired drafts + orphans from pending_blobs)${globalThis.gc ? '' : ' — run with --expose-gc for steadier RSS'}`)
  const first = await pass()
  const left = await db.pendingBlob.count()
  line('with 1,000 orphans to delete', first, `pending rows left ${left} (expected ${IN_FLIGHT}), drafts ${await db.document.count()}`)
  line('again, nothing to do', await pass(), '')

  if (context.blobStoreKind === 'fs' && process.env.SWEEP_COMPARE !== '0') {
    // The former collectOrphans, kept here only for the comparison: list every blob, then look each one up.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-bench-sweep-'))
    try {
      started = performance.now()
      const { rows } = await sql.query<{ blob_key: string }>('SELECT blob_key FROM documents')
      for (let i = 0; i < rows.length; i += 500) {
        await Promise.all(
          rows.slice(i, i + 500).map(async ({ blob_key: key }) => {
            await fs.mkdir(path.join(dir, key.slice(0, 2)), { recursive: true })
            await fs.writeFile(path.join(dir, key.slice(0, 2), `${key}.blob`), 'x')
          }),
        )
      }
      console.log(`\nformer orphan collection, for comparison (${rows.length} blob files written in ${((performance.now() - started) / 1000).toFixed(1)} s)`)
      const legacy = createFileBlobStore(dir)
      const listing = await measure(async () => {
        const olderThan = new Date(Date.now() + 60_000)
        const candidates: string[] = []
        for await (const blob of legacy.list()) if (blob.writtenAt < olderThan) candidates.push(blob.key)
        const referenced = new Set((await db.document.findMany({ where: { blobKey: { in: candidates } }, select: { blobKey: true } })).map((d) => d.blobKey))
        return candidates.filter((key) => !referenced.has(key)).length
      })
      line('list 100k blobs + look them up', listing, `orphans found ${listing.result}`)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  }
} finally {
  await sql.end()
  await context.close()
}
