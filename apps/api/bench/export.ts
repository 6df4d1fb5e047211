/**
 * Export for payroll at scale, on the embedded database: N approved employees with two 1 MiB
 * images each (random bytes, envelope-encrypted like real uploads). Times the payroll CSV
 * (UTF-8 and Shift_JIS) and the documents ZIP over real HTTP, and samples the process's RSS while
 * the ZIP streams — it should stay flat (one image decrypted at a time) while the archive is
 * hundreds of MiB. Prints figures; asserts nothing.
 * Run: pnpm --filter @bango/api bench:export [employees]
 */
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { build } from '../src/app.ts'
import { openDatabase } from '../src/db/database.ts'
import { createCampaign, createCompany, createEmployee, createOperator } from '../test/factories.ts'
import { documentAad } from '../src/domain/drafts.ts'
import { createFileBlobStore } from '../src/lib/blob-store.ts'
import { encryptBlob } from '../src/lib/envelope.ts'
import { parseKeks } from '../src/lib/keys.ts'

const EMPLOYEES = Number(process.argv[2] ?? 200)
const IMAGE_BYTES = 1024 * 1024
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`

const database = await openDatabase({ pgliteDir: null })
const blobDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-bench-export-'))
const blobs = createFileBlobStore(blobDir)
const keyring = parseKeks(`b:${randomBytes(32).toString('base64')}`)
const app = await build({ db: database.prisma, blobs, secrets: { keyring, jwtSecret: randomBytes(32), numberHmacKey: randomBytes(32) } })
try {
  const db = database.prisma
  const company = await createCompany(db)
  const campaign = await createCampaign(db, company.id)
  let started = performance.now()
  for (let i = 0; i < EMPLOYEES; i++) {
    const { employee } = await createEmployee(db, campaign.id, { dependents: [] })
    await db.person.update({
      where: { id: employee.id },
      data: {
        employeeNumber: `E${String(i).padStart(6, '0')}`,
        status: 'REGISTERED',
        reviewStatus: 'APPROVED',
        reviewedAt: new Date(),
        registration: { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null },
      },
    })
    for (const side of ['FRONT', 'BACK'] as const) {
      const document = await db.document.create({
        data: {
          personId: employee.id,
          role: 'NUMBER',
          slot: 0,
          side,
          type: 'my_number_card',
          state: 'SUBMITTED',
          blobKey: randomUUID(),
          byteSize: IMAGE_BYTES,
          width: 1,
          height: 1,
        },
      })
      await blobs.put(document.blobKey, encryptBlob(keyring, randomBytes(IMAGE_BYTES), documentAad(document)))
    }
  }
  console.log(`seeded ${EMPLOYEES} employees, ${EMPLOYEES * 2} images of ${mib(IMAGE_BYTES)} in ${((performance.now() - started) / 1000).toFixed(1)} s`)

  const { operator } = await createOperator(app.services.operators, { assignments: [{ companyId: company.id, role: 'administrator' }] })
  const cookie = `bango_admin=${(await app.services.adminSessions.open(operator.id, 'ACTIVE')).token}`
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `${address}/api/admin/campaigns/${campaign.id}/exports`

  for (const encoding of ['utf-8', 'shift_jis']) {
    started = performance.now()
    const response = await fetch(`${base}/payroll.csv?encoding=${encoding}`, { headers: { cookie } })
    const bytes = (await response.arrayBuffer()).byteLength
    console.log(`payroll.csv ${encoding}: ${response.status}, ${bytes} bytes, ${(performance.now() - started).toFixed(0)} ms`)
  }

  global.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  started = performance.now()
  const response = await fetch(`${base}/documents.zip`, { headers: { cookie } })
  let size = 0
  for await (const chunk of response.body!) size += (chunk as Uint8Array).byteLength
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  console.log(`documents.zip: ${response.status}, ${mib(size)} in ${seconds.toFixed(1)} s (${(size / 1024 / 1024 / seconds).toFixed(0)} MiB/s)`)
  console.log(`RSS before ${mib(before)}, peak while streaming ${mib(peak)} (+${mib(peak - before)}) for a ${mib(size)} archive`)
} finally {
  await app.close()
  await database.close()
  await fs.rm(blobDir, { recursive: true, force: true })
}
