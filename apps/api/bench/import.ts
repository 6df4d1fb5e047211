/**
 * The import's figures: the largest file allowed (200,000 rows, 50 MB, UTF-8) previewed and
 * imported into an empty campaign, then a copy with 1,000 employees changed previewed and
 * imported over it — on PostgreSQL and on the embedded database (PGlite). Through each step
 * `/api/health/live` is asked every 50 ms (its p99 and longest silence, as measured and without
 * the time the server's thread waited for a CPU), and `/api/health`, which reads the database,
 * likewise: on PGlite, one connection, it waits while the import's transaction writes. First,
 * the RSS a one-line 45 MB file adds while it is refused.
 * Prints figures; `pnpm bench` reads them against the budgets (p99 ≤ 100 ms, gap ≤ 250 ms).
 * Run: pnpm --filter @bango/api bench:import  (BENCH_IMPORT_DATABASES=postgres,pglite)
 */
import { IMPORT_MAX_BYTES } from '@bango/shared/admin-import'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import { createCampaign } from '../test/factories.ts'
import { createTestContext, signedInOperator } from '../test/harness.ts'
import { importFile, postImport } from '../test/import-files.ts'
import { type LivenessFigures, probeLiveness } from '../test/liveness-probe.ts'

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const databases = (process.env.BENCH_IMPORT_DATABASES ?? 'postgres,pglite').split(',')
const shape = { employees: 150_000, dependents: 50_000, bytes: IMPORT_MAX_BYTES }
const first = importFile(shape)
const second = importFile({ ...shape, changed: 1_000 })
console.log(`file: 200,000 rows, ${(first.length / 2 ** 20).toFixed(1)} MiB UTF-8, ${os.cpus().length} cores`)

const ms = (value: number) => `${value.toFixed(0)} ms`
const figures = (f: { measured: LivenessFigures; own: LivenessFigures }) =>
  `p99 ${ms(f.measured.p99)} (own ${ms(f.own.p99)}), longest gap ${ms(f.measured.maxGap)} (own ${ms(f.own.maxGap)})`

for (const database of databases) {
  const context = await createTestContext({}, { serverUrl: database === 'pglite' ? '' : serverUrl })
  try {
    await context.app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = context.app.server.address() as AddressInfo
    const hr = await signedInOperator(context, { role: 'operator' })
    const campaign = await createCampaign(context.db, hr.companyId)
    const step = async (label: string, file: Buffer, dryRun: boolean) => {
      const live = probeLiveness(port)
      const withDatabase = probeLiveness(port, 50, '/api/health')
      const start = performance.now()
      const response = await postImport(port, hr.headers, campaign.id, file, dryRun)
      const seconds = (performance.now() - start) / 1000
      const [liveFigures, databaseFigures] = [await live.stop(), await withDatabase.stop()]
      if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body.slice(0, 500)}`)
      console.log(
        `import ${database} ${label}: ${seconds.toFixed(1)} s; /api/health/live ${figures(liveFigures)}; /api/health longest gap ${ms(databaseFigures.measured.maxGap)}`,
      )
      console.log(`  ${JSON.stringify(response.json().summary)}`)
    }
    // The attack's other file: one 45 MB line. Refused at its first 2,000 characters; the RSS
    // it adds (sampled every 20 ms) is the import thread's, gone when the thread ends.
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const line = await postImport(
      port,
      hr.headers,
      campaign.id,
      Buffer.from(`社員番号,氏名,フリガナ,生年月日,続柄\r\nE1,${'あ'.repeat(15 * 2 ** 20)},ア,1980-01-01,本人\r\n`),
      true,
    )
    clearInterval(sampler)
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`
    console.log(`import ${database} one 45 MB line: ${line.statusCode}, RSS ${mib(before)} → peak ${mib(peak)} → ${mib(process.memoryUsage().rss)} after`)
    await step('preview, empty campaign', first, true)
    await step('import, empty campaign', first, false)
    await step('re-import preview, 1,000 changed', second, true)
    await step('re-import, 1,000 changed', second, false)
    console.log(`  rss: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`)
  } finally {
    await context.close()
  }
}
