/**
 * 廃棄 leaves nothing of a person in any field marked as theirs (domain/admin/personal-data.ts).
 * The marking is checked against the client's data model and the migrated database's columns, so
 * a field added later is either marked or fails here; after a disposal, every field marked
 * `erased` of every row of the household is NULL, every row of a model marked `deleted` is gone,
 * the tombstone fields are unchanged, and no value that was in a marked field is left anywhere.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PERSONAL_DATA, PERSON_FIELD, DATABASE_ONLY_COLUMNS, type Marking } from '../src/domain/admin/personal-data.ts'
import type { Prisma } from '../src/generated/prisma/client.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { numberUrl, submittedEmployee, validNumber } from './number-helpers.ts'
import { tablesAsText } from './plaintext-scan.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

/** Text, bytes and JSON as the client and the database name them. */
const TEXT_TYPES = ['String', 'Bytes', 'Json']
const TEXT_COLUMNS = ['text', 'character varying', 'bytea', 'json', 'jsonb', 'ARRAY']

interface Column {
  model: Prisma.ModelName
  field: string
  table: string
  column: string
  marking: Marking | undefined
}

/** Every scalar field of every model, with its table and column and its marking. */
function scalarColumns(): Column[] {
  return Object.entries(dataModel()).flatMap(([model, { dbName, fields }]) =>
    fields
      .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
      .map((f) => ({
        model: model as Prisma.ModelName,
        field: f.name,
        table: dbName ?? model,
        column: f.dbName ?? f.name,
        marking: (PERSONAL_DATA[model as Prisma.ModelName] as Record<string, Marking | undefined> | undefined)?.[f.name],
      })),
  )
}

interface RuntimeModel {
  dbName: string | null
  fields: { name: string; kind: string; type: string; dbName?: string | null }[]
}
/** The data model the client was generated with (schema.prisma): fields, kinds, types, table and column names. */
function dataModel(): Record<string, RuntimeModel> {
  const models = (context.db as unknown as { _runtimeDataModel?: { models: Record<string, RuntimeModel> } })._runtimeDataModel?.models
  if (!models) throw new Error('the client no longer exposes its data model: read schema.prisma another way')
  return models
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`

describe('the marking of personal data', () => {
  it('classifies every text, bytes and JSON field of every model and every such column of the database, once', async () => {
    const models = dataModel()
    expect(Object.keys(PERSONAL_DATA).sort()).toEqual(Object.keys(models).sort())
    const columns = scalarColumns()
    const textFields = new Set(
      Object.entries(models).flatMap(([model, { fields }]) =>
        fields.filter((f) => f.kind === 'scalar' && TEXT_TYPES.includes(f.type)).map((f) => `${model}.${f.name}`),
      ),
    )
    expect(textFields.size).toBeGreaterThan(50)
    expect(columns.filter((c) => textFields.has(`${c.model}.${c.field}`) && c.marking === undefined).map((c) => `${c.model}.${c.field}`)).toEqual([])
    // No marking names a field that does not exist.
    const known = new Set(columns.map((c) => `${c.model}.${c.field}`))
    const marked = Object.entries(PERSONAL_DATA).flatMap(([model, fields]) => Object.keys(fields).map((field) => `${model}.${field}`))
    expect(marked.filter((name) => !known.has(name))).toEqual([])

    // What a backup holds: every text-like column of every table maps to a marked field.
    const database = await context.db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = ANY(${TEXT_COLUMNS})`
    const byColumn = new Map(columns.map((c) => [`${c.table}.${c.column}`, c.marking]))
    const unmarked = database.map((c) => `${c.table_name}.${c.column_name}`).filter((name) => !byColumn.get(name) && !DATABASE_ONLY_COLUMNS[name])
    expect(unmarked).toEqual([])

    // Every model holding a person's data says which field names the person.
    const personal = Object.entries(PERSONAL_DATA).filter(([, fields]) => Object.values(fields).some((m) => m !== 'other'))
    expect(personal.map(([model]) => model).filter((model) => !(model in PERSON_FIELD))).toEqual([])
  })
})

describe('a disposed household', () => {
  it('keeps no field marked erased or deleted, in any row of any model, and the tombstone unchanged', async () => {
    const typed = [validNumber(), validNumber()]
    const s = await submittedEmployee(context, { typed })
    const household = [s.employee.id, ...s.dependents.map((d) => d.id)]
    const [first, second] = [
      await signedInOperator(context, { role: 'operator', companyId: s.company.id }),
      await signedInOperator(context, { role: 'administrator', companyId: s.company.id }),
    ]
    const admin = (headers: Record<string, string>, url: string, payload?: object) =>
      context.app.inject({ method: url.endsWith('/entries') ? 'PUT' : 'POST', url, headers, ...(payload ? { payload } : {}) })
    // HR's number for the employee (double entry), a first entry held for the dependent, HR's note on them.
    const recorded = typed[0]!
    expect((await admin(first.headers, numberUrl(s, s.employee.id, '/entries'), { number: recorded })).statusCode).toBe(200)
    expect((await admin(second.headers, numberUrl(s, s.employee.id, '/entries'), { number: recorded })).statusCode).toBe(200)
    const held = validNumber()
    expect((await admin(first.headers, numberUrl(s, s.dependents[0]!.id, '/entries'), { number: held })).statusCode).toBe(200)
    // HR's 退職日 for the employee (a date, so the canaries below do not reach it).
    const leftOn = await context.app.inject({
      method: 'PUT',
      url: `/api/admin/campaigns/${s.campaign.id}/employees/${s.employee.id}/left-on`,
      headers: first.headers,
      payload: { leftOn: '2026-11-30' },
    })
    expect(leftOn.statusCode, leftOn.body).toBe(200)
    const note = `裏面の住所が読めません ${randomUUID()}`
    const returned = await admin(first.headers, `/api/admin/campaigns/${s.campaign.id}/employees/${s.employee.id}/persons/${s.dependents[0]!.id}/return`, {
      reason: 'other',
      note,
    })
    expect(returned.statusCode, returned.body).toBe(200)
    // A credentials e-mail that bounced: the relay's reply names the address.
    const bounced = `550 5.1.1 <${randomUUID()}@example.jp>: Recipient address rejected`
    const batch = await context.db.emailBatch.create({ data: { campaignId: s.campaign.id, kind: 'CREDENTIALS', createdById: second.operator.id } })
    await context.db.emailMessage.create({ data: { batchId: batch.id, employeeId: s.employee.id, status: 'FAILED', error: bounced } })

    // Every text-like field marked erased that the flow left empty gets a canary: a field added
    // later is filled, and so checked, without a change here.
    const canary = `canary-${randomUUID()}`
    const types = new Map(
      (
        await context.db.$queryRaw<{ key: string; data_type: string }[]>`
          SELECT table_name || '.' || column_name AS key, data_type FROM information_schema.columns WHERE table_schema = current_schema()`
      ).map((c) => [c.key, c.data_type]),
    )
    const owned = scalarColumns().filter((c) => c.model in PERSON_FIELD)
    const ownerColumn = (model: Prisma.ModelName) =>
      owned.find((c) => c.model === model && c.field === PERSON_FIELD[model as keyof typeof PERSON_FIELD])!.column
    const canaryOf: Record<string, string> = {
      text: `$2::text`,
      'character varying': `$2::text`,
      bytea: `convert_to($2::text, 'UTF8')`,
      jsonb: `to_jsonb($2::text)`,
      ARRAY: `ARRAY[$2::text]`,
    }
    for (const c of owned.filter((c) => c.marking === 'erased')) {
      const value = canaryOf[types.get(`${c.table}.${c.column}`) ?? '']
      if (!value) continue
      await context.db.$executeRawUnsafe(
        `UPDATE ${ident(c.table)} SET ${ident(c.column)} = COALESCE(${ident(c.column)}, ${value}) WHERE ${ident(ownerColumn(c.model))} = ANY($1::uuid[])`,
        household,
        canary,
      )
    }
    const rowsOf = (model: Prisma.ModelName) => {
      const table = owned.find((c) => c.model === model)!.table
      return context.db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT * FROM ${ident(table)} WHERE ${ident(ownerColumn(model))} = ANY($1::uuid[])`,
        household,
      )
    }
    const models = [...new Set(owned.map((c) => c.model))]
    const before = new Map(await Promise.all(models.map(async (model) => [model, await rowsOf(model)] as const)))
    // Every model holding a person's data has rows in this household: the checks below can fail.
    expect(models.filter((model) => before.get(model)!.length === 0)).toEqual([])
    const dumpBefore = await tablesAsText(context.db)
    for (const secret of [canary, note, bounced]) expect(dumpBefore).toContain(secret)

    const disposed = await admin(second.headers, `/api/admin/campaigns/${s.campaign.id}/employees/${s.employee.id}/persons/${s.employee.id}/dispose`, {
      reason: '退職に伴う廃棄',
    })
    expect(disposed.statusCode, disposed.body).toBe(200)

    const left: string[] = []
    for (const model of models) {
      const rows = await rowsOf(model)
      const columns = owned.filter((c) => c.model === model)
      if (columns.some((c) => c.marking === 'deleted')) {
        if (rows.length > 0) left.push(`${model}: ${rows.length} rows`)
        continue
      }
      expect(rows.length, model).toBe(before.get(model)!.length)
      for (const row of rows) {
        const earlier = before.get(model)!.find((r) => r.id === row.id)!
        for (const c of columns) {
          if (c.marking === 'erased' && row[c.column] !== null) left.push(`${model}.${c.field}`)
          if (c.marking === 'tombstone') expect(row[c.column], `${model}.${c.field}`).toEqual(earlier[c.column])
        }
      }
    }
    expect(left).toEqual([])
    const dumpAfter = await tablesAsText(context.db)
    for (const secret of [canary, note, bounced]) expect(dumpAfter.includes(secret), secret.slice(0, 12)).toBe(false)
  }, 60_000)
})
