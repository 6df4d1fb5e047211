/**
 * Consent in the employee's language (ADR 050): the record keeps the language and the texts the
 * campaign words the purposes with in it — read off the campaign by the server, the client's copy
 * only compared — and a changed wording in that language asks again. The wizard's language header
 * is stored as the employee's (persons.language), and the console shows both.
 */
import { DEFAULT_PURPOSES, DEFAULT_PURPOSE_WORDINGS } from '@bango/shared/purposes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, login, signedInOperator } from './harness.ts'
import { campaignBody } from './route-table.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const PURPOSES = [DEFAULT_PURPOSES[0], DEFAULT_PURPOSES[1], '財形貯蓄事務', '住民税事務']
const TRANSLATIONS = { en: ['', 'Our own wording of insurance notifications', 'Employee savings (財形貯蓄)'] }
/** What an English screen shows: a built-in wording, HR's two, and the Japanese of the purpose HR did not word. */
const SHOWN_IN_ENGLISH = [
  DEFAULT_PURPOSE_WORDINGS[DEFAULT_PURPOSES[0]].en,
  'Our own wording of insurance notifications',
  'Employee savings (財形貯蓄)',
  '住民税事務',
]

async function employee() {
  const seeded = await context.newEmployee({ campaign: { purposes: PURPOSES, purposeTranslations: TRANSLATIONS } })
  const auth = { authorization: `Bearer ${await login(context.app, seeded.token, seeded.password)}` }
  const call = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    context.app.inject({ method, url: `/api/employee${url}`, headers: { ...auth, ...headers }, ...(payload ? { payload } : {}) })
  return { ...seeded, call }
}

const consents = (employeeId: string) => context.db.consent.findMany({ where: { employeeId }, orderBy: { consentedAt: 'asc' } })

describe('consent in the employee’s language', () => {
  it('records the language and exactly the texts shown in it, and opens the wizard', async () => {
    const e = await employee()
    const me = (await e.call('GET', '/me')).json()
    expect(me.campaign).toMatchObject({ purposes: PURPOSES, purposeTranslations: TRANSLATIONS })

    const agreed = await e.call('POST', '/consent', { purposes: SHOWN_IN_ENGLISH, language: 'en' })
    expect(agreed.statusCode, agreed.body).toBe(201)
    expect(await consents(e.employee.id)).toMatchObject([{ language: 'en', purposes: SHOWN_IN_ENGLISH }])
    expect((await e.call('GET', '/me')).json().consentedAt).toBe(agreed.json().consentedAt)
    expect((await e.call('GET', '/persons')).statusCode).toBe(200)
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'employee.consented', actorId: e.employee.id } })
    expect(event.detail).toEqual({ language: 'en' })
  })

  it('refuses texts that are not the campaign’s in the language named, and records nothing', async () => {
    const e = await employee()
    for (const [purposes, language] of [
      [PURPOSES, 'en'],
      [SHOWN_IN_ENGLISH, 'vi'],
      [SHOWN_IN_ENGLISH.map((text) => text.replace('Employee', 'Staff')), 'en'],
    ] as const) {
      const refused = await e.call('POST', '/consent', { purposes, language })
      expect(refused.statusCode).toBe(409)
      expect(refused.json().error.code).toBe('PURPOSES_CHANGED')
    }
    expect(await consents(e.employee.id)).toEqual([])
    expect((await e.call('POST', '/consent', { purposes: SHOWN_IN_ENGLISH, language: 'xx' })).statusCode).toBe(400)
  })

  it('takes a consent that names no language as Japanese', async () => {
    const e = await employee()
    expect((await e.call('POST', '/consent', { purposes: PURPOSES })).statusCode).toBe(201)
    expect(await consents(e.employee.id)).toMatchObject([{ language: 'ja', purposes: PURPOSES }])
  })

  it('asks again when HR rewords a purpose in the consent’s language, not in another', async () => {
    const e = await employee()
    expect((await e.call('POST', '/consent', { purposes: SHOWN_IN_ENGLISH, language: 'en' })).statusCode).toBe(201)
    await context.db.campaign.update({ where: { id: e.campaign.id }, data: { purposeTranslations: { ...TRANSLATIONS, pt: ['Holerite'] } } })
    expect((await e.call('GET', '/persons')).statusCode).toBe(200)

    await context.db.campaign.update({ where: { id: e.campaign.id }, data: { purposeTranslations: { en: ['', '', 'Savings'] } } })
    expect((await e.call('GET', '/me')).json().consentedAt).toBeNull()
    expect((await e.call('GET', '/persons')).json().error.code).toBe('CONSENT_REQUIRED')
  })
})

describe('HR’s wordings of the purposes', () => {
  it('keeps them with the campaign, one per purpose at most', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const body = { ...campaignBody(), purposes: PURPOSES, purposeTranslations: TRANSLATIONS }
    const create = (payload: object) =>
      context.app.inject({ method: 'POST', url: `/api/admin/companies/${admin.companyId}/campaigns`, headers: admin.headers, payload })
    const created = await create(body)
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ purposes: PURPOSES, purposeTranslations: TRANSLATIONS })
    const tooMany = await create({ ...body, purposeTranslations: { vi: ['1', '2', '3', '4', '5'] } })
    expect(tooMany.statusCode).toBe(400)
  })
})

describe('the language the employee uses', () => {
  it('stores the language the wizard names, one of the five only, and shows it with the consent’s in the console', async () => {
    const e = await employee()
    const language = async () => (await context.db.person.findUniqueOrThrow({ where: { id: e.employee.id } })).language
    expect(await language()).toBeNull()
    await e.call('GET', '/me')
    expect(await language()).toBeNull()
    await e.call('GET', '/me', undefined, { 'x-bango-language': 'vi' })
    expect(await language()).toBe('vi')
    await e.call('GET', '/me', undefined, { 'x-bango-language': 'fr' })
    await e.call('GET', '/me')
    expect(await language()).toBe('vi')
    await e.call('POST', '/consent', { purposes: SHOWN_IN_ENGLISH, language: 'en' }, { 'x-bango-language': 'en' })
    expect(await language()).toBe('en')

    const hr = await signedInOperator(context, { role: 'operator', companyId: e.company.id })
    const detail = await context.app.inject({ method: 'GET', url: `/api/admin/campaigns/${e.campaign.id}/employees/${e.employee.id}`, headers: hr.headers })
    expect(detail.json().employee).toMatchObject({ consentLanguage: 'en', language: 'en' })
  })
})
