/**
 * The import's budget: 100,000 rows (70,000 employees, 30,000 dependents, Shift_JIS)
 * previewed and imported against PostgreSQL, then re-imported with 1,000 rows changed.
 * Creates a fresh database on the server (BENCH_DATABASE_URL, default the local one) and
 * drops it after. Prints figures; asserts nothing.
 * Run: pnpm --filter @bango/api bench:import
 */
import os from 'node:os'
import { readRows } from '@bango/shared/import-rows'
import { IMPORT_COLUMNS } from '@bango/shared/admin-import'
import { createCampaign, createCompany, createOperator } from '../src/db/factories.ts'
import { decodeCsv, parseCsv } from '../src/lib/csv-text.ts'
import { createTestContext } from '../test/harness.ts'
import { encodeShiftJis } from '../test/shift-jis.ts'

const EMPLOYEES = 70_000
const DEPENDENTS = 30_000
const CHANGED = 1_000

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

const FAMILY = [
  ['髙橋', 'タカハシ'],
  ['山田', 'ヤマダ'],
  ['佐藤', 'サトウ'],
  ['德永', 'トクナガ'],
  ['鈴木', 'スズキ'],
  ['渡邉', 'ワタナベ'],
] as const
const GIVEN = [
  ['太郎', 'ﾀﾛｳ'],
  ['花子', 'ハナコ'],
  ['﨑子', 'サキコ'],
  ['一郎', 'イチロウ'],
  ['次郎', 'ジロウ'],
  ['美咲', 'ミサキ'],
] as const
const RELATIONSHIPS = ['配偶者', '子', '父', '母']

/** Rows of the file; `changed` employees get a new e-mail address. */
function generate(changed: number): string {
  const lines = [IMPORT_COLUMNS.join(',')]
  for (let i = 0; i < EMPLOYEES; i++) {
    const [family, familyKana] = FAMILY[i % FAMILY.length]!
    const [given, givenKana] = GIVEN[(i >> 3) % GIVEN.length]!
    const number = `E${String(i).padStart(6, '0')}`
    const email = `${i < changed ? 'new.' : ''}e${i}@example.co.jp`
    lines.push(`${number},${family} ${given}${i},${familyKana} ${givenKana},${1950 + (i % 50)}/${1 + (i % 12)}/${1 + (i % 28)},本人,${email},`)
  }
  for (let i = 0; i < DEPENDENTS; i++) {
    const [family, familyKana] = FAMILY[i % FAMILY.length]!
    const [given, givenKana] = GIVEN[(i + 2) % GIVEN.length]!
    const employer = `E${String(i * 2).padStart(6, '0')}`
    lines.push(`,${family} ${given}${i},${familyKana} ${givenKana},${1960 + (i % 60)}-0${1 + (i % 9)}-1${i % 10},${RELATIONSHIPS[i % 4]},,${employer}`)
  }
  return lines.join('\r\n') + '\r\n'
}

const context = await createTestContext({}, { serverUrl })
const { app, db } = context
try {
  const company = await createCompany(db)
  const campaign = await createCampaign(db, company.id)
  const { operator } = await createOperator(app.services.operators, { assignments: [{ companyId: company.id, role: 'operator' }] })
  const { token, session } = await app.services.adminSessions.open(operator.id, 'ACTIVE')
  const headers = { cookie: `bango_admin=${token}`, 'x-csrf-token': session.csrfToken, 'content-type': 'text/csv' }

  const time = async <T>(label: string, run: () => Promise<T> | T) => {
    const start = performance.now()
    const result = await run()
    console.log(`${label.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(2).padStart(6)} s`)
    return result
  }
  const post = (file: Buffer, dryRun: boolean) => async () => {
    const response = await app.inject({ method: 'POST', url: `/api/admin/campaigns/${campaign.id}/import?dryRun=${dryRun}`, headers, payload: file })
    if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body.slice(0, 500)}`)
    return response.json().summary
  }

  const first = await time('generate + encode Shift_JIS (not the budget)', () => encodeShiftJis(generate(0)))
  const second = encodeShiftJis(generate(CHANGED))
  console.log(`file: ${(EMPLOYEES + DEPENDENTS).toLocaleString()} rows, ${(first.length / 1024 / 1024).toFixed(1)} MiB, PostgreSQL, ${os.cpus().length} cores`)
  const { text } = await time('  decode (CP932)', () => decodeCsv(first))
  const records = await time('  parse (csv-parse)', () => parseCsv(text))
  await time('  validate rows (shared)', () => readRows(records, '2026-11-26'))
  console.log('preview', JSON.stringify(await time('preview (dryRun=true), empty campaign', post(first, true))))
  console.log('import ', JSON.stringify(await time('import (dryRun=false), empty campaign', post(first, false))))
  console.log('preview', JSON.stringify(await time('re-import preview, 1,000 changed', post(second, true))))
  console.log('import ', JSON.stringify(await time('re-import, 1,000 changed', post(second, false))))
  console.log(`persons in the campaign: ${await db.person.count({ where: { campaignId: campaign.id } })}`)
  console.log(`rss: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`)
} finally {
  await context.close()
}
