/**
 * Crash injection (ADR 018), SQLite-style. For each trial (a kill point of
 * src/lib/kill-points.ts, on one of two households) the real server runs as a child process
 * on a fresh copy of a seeded template; the employee flow goes over HTTP until the server
 * SIGKILLs itself at that point; the same composition is then opened in-process on what it
 * left (the restart, without the flag). Checked after every crash: nothing acknowledged is
 * lost; the submission is complete or absent (old or new after 差し戻し, never a mix); HR sees
 * no draft; every document's blob exists and decrypts; after one sweeper pass every blob
 * belongs to a row; the employee can finish 完了. Embedded PGlite, and PostgreSQL in the
 * api-postgres project. Prints one line per trial.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { FastifyBaseLogger } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmployeeWithLogin, createOperator } from './factories.ts'
import { documentAad } from '../src/domain/drafts.ts'
import { startSweeper } from '../src/domain/sweeper.ts'
import { decryptBlob } from '../src/lib/envelope.ts'
import { KILL_POINTS, type KillPointName } from '../src/lib/kill-points.ts'
import { type Env, type Product, type Reply, type Send, crashStorage, fetchSend, injectSend, openProduct, spawnServer } from './crash-server.ts'
import { imageUpload } from './harness.ts'
import { cardPhoto } from './images.ts'

/** The employee, their spouse (registered with a マイナンバーカード) and their child (対象外). */
interface Household {
  token: string
  password: string
  purposes: string[]
  employee: string
  spouse: string
  child: string
}

type Member = 'employee' | 'spouse' | 'child'

type Step =
  | { kind: 'login' }
  | { kind: 'consent' }
  | { kind: 'upload'; person: Member; side: 'front' | 'back' }
  | { kind: 'register'; person: Member }
  | { kind: 'not-applicable'; person: Member }
  | { kind: 'submit' }

type Scenario = 'first' | 'resubmit'

const FLOWS: Record<Scenario, Step[]> = {
  // The fifth upload re-captures the spouse's front: it replaces an acknowledged draft.
  first: [
    { kind: 'login' },
    { kind: 'consent' },
    { kind: 'upload', person: 'employee', side: 'front' },
    { kind: 'upload', person: 'employee', side: 'back' },
    { kind: 'register', person: 'employee' },
    { kind: 'upload', person: 'spouse', side: 'front' },
    { kind: 'upload', person: 'spouse', side: 'back' },
    { kind: 'upload', person: 'spouse', side: 'front' },
    { kind: 'register', person: 'spouse' },
    { kind: 'not-applicable', person: 'child' },
    { kind: 'submit' },
  ],
  // Submitted, then HR sent the spouse back (差し戻し): 完了 again replaces the spouse's documents.
  resubmit: [
    { kind: 'login' },
    { kind: 'upload', person: 'spouse', side: 'front' },
    { kind: 'upload', person: 'spouse', side: 'back' },
    { kind: 'register', person: 'spouse' },
    { kind: 'submit' },
  ],
}

const isUploadPoint = (point: KillPointName) => point.startsWith('upload.') || point.startsWith('blob.')
/**
 * Every kill point on the household where it is reached: upload points on the re-capture (the
 * fifth upload, #5), 完了's points on the first 完了 and on the one after 差し戻し. By default
 * each point is tried once (the second 完了 for its clean-up points, which then have blobs to
 * delete); CRASH_ALL=1 tries every point on every household that reaches it.
 */
const ALL_TRIALS: { spec: string; point: KillPointName; scenario: Scenario }[] = [
  ...KILL_POINTS.filter(isUploadPoint).map((point) => ({ spec: `${point}#5`, point, scenario: 'first' as const })),
  ...KILL_POINTS.filter((point) => !isUploadPoint(point) && point !== 'submit.replaced-rows-deleted').map((point) => ({
    spec: point,
    point,
    scenario: 'first' as const,
  })),
  ...KILL_POINTS.filter((point) => !isUploadPoint(point) && point !== 'submit.submission-created').map((point) => ({
    spec: point,
    point,
    scenario: 'resubmit' as const,
  })),
]
const RESUBMIT_BY_DEFAULT: KillPointName[] = ['submit.replaced-rows-deleted', 'submit.committed', 'submit.cleaned-up']
const TRIALS =
  process.env.CRASH_ALL === '1'
    ? ALL_TRIALS
    : ALL_TRIALS.filter((trial) => isUploadPoint(trial.point) || (trial.scenario === 'resubmit') === RESUBMIT_BY_DEFAULT.includes(trial.point))

/** Trials run two at a time (CRASH_PARALLEL): most of a trial is one process waiting on another. */
const PARALLEL = Number(process.env.CRASH_PARALLEL ?? 2)
let running = 0
const waiting: (() => void)[] = []
async function inTurn<T>(run: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve))
  running += 1
  try {
    return await run()
  } finally {
    running -= 1
    waiting.shift()?.()
  }
}

let storage: Awaited<ReturnType<typeof crashStorage>>
let photo: Buffer
const households = {} as Record<Scenario, Household>
/** The resubmit household's documents as HR received them at the first 完了. */
let firstSubmission: { employee: string[]; spouse: string[] }
/** One line per trial, printed in TRIALS order. */
const table = new Map<string, string>()

class NotReached extends Error {}

/** Runs one step; a failed connection (the server died) is thrown as it is, a wrong status as an assertion. */
async function runStep(send: Send, household: Household, session: { token?: string }, step: Step): Promise<string | null> {
  const api = '/api/employee'
  const expectStatus = (reply: Reply, status: number) => {
    if (reply.status !== status) throw new NotReached(`${step.kind}: ${reply.status} ${JSON.stringify(reply.body)}`)
    return reply
  }
  const token = session.token
  switch (step.kind) {
    case 'login':
      session.token = expectStatus(
        await send({ method: 'POST', url: `${api}/login`, json: { token: household.token, password: household.password } }),
        200,
      ).body.accessToken
      return null
    case 'consent':
      expectStatus(await send({ method: 'POST', url: `${api}/consent`, token, json: { purposes: household.purposes } }), 201)
      return null
    case 'upload': {
      const multipart = imageUpload({ role: 'number', slot: 0, side: step.side, type: 'my_number_card' }, photo)
      return expectStatus(await send({ method: 'POST', url: `${api}/persons/${household[step.person]}/images`, token, multipart }), 201).body.id
    }
    case 'register':
      expectStatus(
        await send({
          method: 'POST',
          url: `${api}/persons/${household[step.person]}/registration`,
          token,
          json: { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null },
        }),
        200,
      )
      return null
    case 'not-applicable':
      expectStatus(await send({ method: 'PUT', url: `${api}/persons/${household[step.person]}/applicability`, token, json: { applicable: false } }), 200)
      return null
    case 'submit':
      expectStatus(await send({ method: 'POST', url: `${api}/submission`, token }), 200)
      return null
  }
}

async function seedTemplate(env: Env) {
  const product = await openProduct(env)
  try {
    for (const scenario of ['first', 'resubmit'] as const) {
      const seeded = await createEmployeeWithLogin(product.db, product.app.services.credentials)
      households[scenario] = {
        token: seeded.token,
        password: seeded.password,
        purposes: seeded.campaign.purposes,
        employee: seeded.employee.id,
        spouse: seeded.dependents[0]!.id,
        child: seeded.dependents[1]!.id,
      }
    }
    const household = households.resubmit
    const send = injectSend(product.app)
    const session = {}
    for (const step of FLOWS.first) await runStep(send, household, session, step)
    const submitted = await product.db.document.findMany({ where: { state: 'SUBMITTED', personId: { in: [household.employee, household.spouse] } } })
    firstSubmission = {
      employee: submitted
        .filter((d) => d.personId === household.employee)
        .map((d) => d.id)
        .sort(),
      spouse: submitted
        .filter((d) => d.personId === household.spouse)
        .map((d) => d.id)
        .sort(),
    }
    const { campaign } = await product.db.person.findUniqueOrThrow({ where: { id: household.employee }, include: { campaign: true } })
    const { operator } = await createOperator(product.app.services.operators, { assignments: [{ companyId: campaign.companyId, role: 'administrator' }] })
    const identity = {
      operatorId: operator.id,
      sessionId: randomUUID(),
      email: operator.email,
      name: operator.name,
      isSystemAdmin: false,
      address: '127.0.0.1',
    }
    const scope = await product.app.services.access.forEmployee(identity, campaign.id, household.employee)
    await product.app.services.review.returnPerson(scope, household.spouse, { reason: 'blurry', note: null })
  } finally {
    await product.close()
  }
}

/** Every document row's blob is there and decrypts under its own record's binding. */
async function unreadableDocuments(product: Product): Promise<string[]> {
  const unreadable: string[] = []
  for (const document of await product.db.document.findMany()) {
    try {
      decryptBlob(product.secrets.keyring, await product.blobs.get(document.blobKey), documentAad(document))
    } catch {
      unreadable.push(`${document.id} (${document.state})`)
    }
  }
  return unreadable
}

/** Blobs no row names, and leftovers of writes that never finished (anything in the folder that is not a blob). */
async function strayBlobs(product: Product): Promise<string[]> {
  const referenced = new Set((await product.db.document.findMany({ select: { blobKey: true } })).map((d) => d.blobKey))
  const stray: string[] = []
  for await (const blob of product.blobs.list()) if (!referenced.has(blob.key)) stray.push(blob.key)
  for (const entry of await fs.readdir(product.blobDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.name.endsWith('.blob')) stray.push(path.join(path.relative(product.blobDir, entry.parentPath), entry.name))
  }
  return stray
}

/** One pass of the sweeper exactly as the server starts it, two hours on (past the orphan grace). */
async function sweepOnce(product: Product) {
  const failures: unknown[] = []
  const log = Object.assign(Object.create(product.app.log) as FastifyBaseLogger, { error: (detail: unknown) => void failures.push(detail) })
  const sweeper = startSweeper(product.app.services.drafts, { intervalMs: 3_600_000, log, now: () => new Date(Date.now() + 2 * 3_600_000) })
  await sweeper.run()
  await sweeper.stop()
  expect(failures, 'sweeper errors').toEqual([])
}

const ids = (documents: { id: string }[]) => documents.map((d) => d.id).sort()

/** The household right after the restart: complete or absent, nothing acknowledged lost. Returns what was found. */
async function checkAfterCrash(product: Product, scenario: Scenario, acknowledged: { step: Step; result: string | null }[], diedIn: Step): Promise<string> {
  const household = households[scenario]
  const db = product.db
  const documents = await db.document.findMany({ where: { personId: { in: [household.employee, household.spouse, household.child] } } })
  const of = (person: string, state: 'DRAFT' | 'SUBMITTED') => documents.filter((d) => d.personId === person && d.state === state)
  const submission = await db.submission.findUnique({ where: { employeeId: household.employee } })
  const persons = new Map((await db.person.findMany({ where: { id: { in: [household.employee, household.spouse, household.child] } } })).map((p) => [p.id, p]))

  // Acknowledged uploads survive unless a later upload of the same slot replaced them: an
  // acknowledged one, or the one the server died in if it committed (done, never answered).
  const slotOf = (step: Step) => (step.kind === 'upload' ? `${household[step.person]}:${step.side}` : null)
  const uploads = acknowledged.filter((entry) => entry.step.kind === 'upload')
  const ackedIds = new Set(uploads.map((entry) => entry.result))
  const live = uploads.filter((entry, index) => !uploads.slice(index + 1).some((later) => slotOf(later.step) === slotOf(entry.step)))
  const committedInFlight = (slot: string | null) =>
    slot === slotOf(diedIn) && documents.some((d) => `${d.personId}:${d.side.toLowerCase()}` === slot && d.state === 'DRAFT' && !ackedIds.has(d.id))
  const present = new Set(documents.map((d) => d.id))
  const lost = live.filter((entry) => !present.has(entry.result!) && !committedInFlight(slotOf(entry.step)))
  expect(
    lost.map((entry) => entry.result),
    'acknowledged uploads lost',
  ).toEqual([])
  const slots = documents.map((d) => `${d.personId}:${d.role}:${d.slot}:${d.side}:${d.state}`)
  expect(new Set(slots).size, 'two documents in one slot').toBe(slots.length)
  for (const entry of acknowledged) {
    if (entry.step.kind === 'register') expect(persons.get(household[entry.step.person])!.status).toBe('REGISTERED')
    if (entry.step.kind === 'not-applicable') expect(persons.get(household[entry.step.person])!.status).toBe('NOT_APPLICABLE')
  }

  // What HR sees: exactly the submitted documents, and only of a whole submission.
  const employeePerson = persons.get(household.employee)!
  // As a system administrator would see it (an identity, not an account: reading writes nothing).
  const hr = { operatorId: randomUUID(), sessionId: randomUUID(), email: 'hr@example.test', name: 'HR', isSystemAdmin: true, address: '127.0.0.1' }
  const { access, review } = product.app.services
  const hrView = submission ? await review.submission(await access.forEmployee(hr, employeePerson.campaignId, employeePerson.id)) : null
  const hrImages = (person: string) => (hrView?.persons.find((p) => p.id === person)?.images ?? []).map((image) => image.id).sort()
  const submittedRows = documents.filter((d) => d.state === 'SUBMITTED')
  expect(
    submittedRows.every((d) => d.submissionId !== null && d.submissionId === submission?.id),
    'submitted rows outside the submission',
  ).toBe(true)

  if (scenario === 'first') {
    if (!submission) {
      expect(submittedRows, 'submitted documents without a submission').toEqual([])
      expect(employeePerson.progress).not.toBe('SUBMITTED')
      return 'none'
    }
    expect(of(household.employee, 'DRAFT').length + of(household.spouse, 'DRAFT').length, 'drafts left beside the submission').toBe(0)
    expect(of(household.employee, 'SUBMITTED')).toHaveLength(2)
    expect(of(household.spouse, 'SUBMITTED')).toHaveLength(2)
    expect(hrImages(household.employee)).toEqual(ids(of(household.employee, 'SUBMITTED')))
    expect(hrImages(household.spouse)).toEqual(ids(of(household.spouse, 'SUBMITTED')))
    expect(employeePerson.progress).toBe('SUBMITTED')
    return 'whole'
  }

  // After 差し戻し: the employee's own documents never move; the spouse's are the old set or the new one.
  expect(submission, 'the first submission').not.toBeNull()
  expect(ids(of(household.employee, 'SUBMITTED'))).toEqual(firstSubmission.employee)
  expect(hrImages(household.employee)).toEqual(firstSubmission.employee)
  const spouse = persons.get(household.spouse)!
  const newUploads = live
    .filter((entry) => (entry.step as { person?: string }).person === 'spouse')
    .map((entry) => entry.result!)
    .sort()
  if (spouse.reviewStatus === 'RETURNED') {
    expect(ids(of(household.spouse, 'SUBMITTED')), 'old set kept whole').toEqual(firstSubmission.spouse)
    expect(hrImages(household.spouse)).toEqual(firstSubmission.spouse)
    expect(ids(of(household.spouse, 'DRAFT'))).toEqual(newUploads)
    return 'old kept'
  }
  expect(spouse.reviewStatus).toBe('PENDING')
  expect(ids(of(household.spouse, 'SUBMITTED')), 'new set whole').toEqual(newUploads)
  expect(hrImages(household.spouse)).toEqual(newUploads)
  expect(of(household.spouse, 'DRAFT')).toEqual([])
  return 'new in'
}

/** The employee picks up where the list stands and presses 完了; then the submission is whole. */
async function finish(product: Product, scenario: Scenario) {
  const household = households[scenario]
  const send = injectSend(product.app)
  const session: { token?: string } = {}
  await runStep(send, household, session, { kind: 'login' })
  const list = await send({ method: 'GET', url: '/api/employee/persons', token: session.token })
  expect(list.status, JSON.stringify(list.body)).toBe(200)
  // The 完了 before the crash went through: the new session is receipt-only and the list is the receipt.
  const done = list.body.submittedAt !== null && !list.body.reopened
  for (const person of done ? [] : (list.body.persons as { id: string; status: string }[])) {
    if (person.status !== 'pending') continue
    const name = (['employee', 'spouse', 'child'] as const).find((key) => household[key] === person.id)!
    if (name === 'child') {
      await runStep(send, household, session, { kind: 'not-applicable', person: name })
      continue
    }
    for (const side of ['front', 'back'] as const) await runStep(send, household, session, { kind: 'upload', person: name, side })
    await runStep(send, household, session, { kind: 'register', person: name })
  }
  if (!done) await runStep(send, household, session, { kind: 'submit' })
  const after = await send({ method: 'GET', url: '/api/employee/persons', token: session.token })
  expect(after.body).toMatchObject({ reopened: false, submittedAt: expect.any(String) })
  const documents = await product.db.document.findMany({ where: { personId: { in: [household.employee, household.spouse, household.child] } } })
  expect(documents.filter((d) => d.state === 'DRAFT')).toEqual([])
  expect(documents.map((d) => d.personId).sort()).toEqual([household.employee, household.employee, household.spouse, household.spouse].sort())
}

beforeAll(async () => {
  photo = await cardPhoto()
  storage = await crashStorage()
  await seedTemplate(storage.templateEnv)
}, 120_000)

afterAll(async () => {
  await storage?.close()
  const lines = TRIALS.map((trial) => table.get(`${trial.spec} ${trial.scenario}`)).filter((line) => line !== undefined)
  if (lines.length > 0)
    console.info(
      `crash injection (${storage.kind}${TRIALS === ALL_TRIALS ? ', CRASH_ALL' : ''}): ${lines.length} trials over ${KILL_POINTS.length} kill points (submission after restart: none | whole | old kept | new in)\n${lines.join('\n')}`,
    )
})

describe('crash injection', () => {
  it('tries every kill point', () => {
    expect(KILL_POINTS.filter((point) => !TRIALS.some((trial) => trial.point === point))).toEqual([])
  })

  it.concurrent.each(TRIALS)(
    '$spec ($scenario)',
    ({ spec, scenario }) =>
      inTurn(async () => {
        const trial = await storage.trial()
        try {
          const child = await spawnServer({ ...trial.env, BANGO_TEST_HOOKS: '1', BANGO_TEST_KILL_AT: spec })
          const household = households[scenario]
          const send = fetchSend(child.baseUrl)
          const session: { token?: string } = {}
          const acknowledged: { step: Step; result: string | null }[] = []
          let diedIn: Step | null = null
          for (const step of FLOWS[scenario]) {
            try {
              acknowledged.push({ step, result: await runStep(send, household, session, step) })
            } catch (error) {
              if (error instanceof NotReached) {
                child.kill()
                throw error
              }
              diedIn = step
              break
            }
          }
          if (!diedIn) child.kill()
          const { signal } = await child.exited
          expect(diedIn, `the flow finished without reaching ${spec}`).not.toBeNull()
          expect(signal, child.output()).toBe('SIGKILL')

          const product = await openProduct(trial.env)
          try {
            const state = await checkAfterCrash(product, scenario, acknowledged, diedIn!)
            expect(await unreadableDocuments(product), 'documents whose blob is missing or unreadable').toEqual([])
            const strayBefore = await strayBlobs(product)
            await sweepOnce(product)
            expect(await strayBlobs(product), 'blobs left after a sweep').toEqual([])
            await finish(product, scenario)
            expect(await unreadableDocuments(product)).toEqual([])
            expect(await strayBlobs(product), 'blobs left by the finished flow').toEqual([])
            table.set(
              `${spec} ${scenario}`,
              `  ${spec.padEnd(32)} ${scenario.padEnd(9)} died in ${diedIn!.kind.padEnd(8)} after ${String(acknowledged.length).padStart(2)} acks → ${state.padEnd(8)} swept ${strayBefore.length}, 完了 then ok`,
            )
          } finally {
            await product.close()
          }
        } catch (error) {
          table.set(`${spec} ${scenario}`, `  ${spec.padEnd(32)} ${scenario.padEnd(9)} FAILED: ${(error as Error).message.split('\n')[0]}`)
          throw error
        } finally {
          await trial.drop()
        }
      }),
    600_000,
  )
})
