/**
 * The languages of employee e-mails (ADR 050): the credentials mail, before any sign-in, in
 * Japanese and English; reminders and 差し戻し notices in the language the employee last used the
 * wizard in, Japanese when they never signed in — deadline and return reason in that language,
 * official Japanese document names beside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCampaign, createEmployee } from './factories.ts'
import type { Mailer, OutgoingMail } from '../src/lib/mailer.ts'
import { type TestContext, createTestContext, login, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

const DEADLINE = new Date('2026-12-25T14:59:00Z') // 2026年12月25日 23:59 in Japan
const sent: OutgoingMail[] = []
const mailer: Mailer = { send: async (mail) => void sent.push(mail), close: () => {} }

let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ mailer, publicUrl: 'http://bango.example.test' })
}, 60_000)
afterAll(() => context.close())

/** Sends every queued message now (no worker runs in this file). */
async function deliver() {
  while (await context.app.services.emailDelivery.sendNext({ abandoned: () => false, leaseMs: 30_000 }));
}

const mailTo = (address: string) => {
  const mails = sent.filter((mail) => mail.to === address)
  expect(mails).toHaveLength(1)
  return mails[0]!
}

async function mailBatch(headers: Record<string, string>, campaignId: string, kind: 'credentials' | 'reminder') {
  const created = await context.app.inject({ method: 'POST', url: `/api/admin/campaigns/${campaignId}/email-batches`, headers, payload: { kind } })
  expect(created.statusCode, created.body).toBe(202)
  await deliver()
}

describe('the languages of employee e-mails', () => {
  it('sends the login in Japanese and English, then reminds each employee in the language they used', async () => {
    const hr = await signedInOperator(context, { role: 'operator' })
    const campaign = await createCampaign(context.db, hr.companyId, { deadline: DEADLINE })
    const addresses = ['pt', 'never'].map((who) => `${who}-${campaign.id.slice(0, 8)}@example.test`)
    const [pt, never] = await Promise.all(
      addresses.map(async (email, i) => {
        const { employee } = await createEmployee(context.db, campaign.id, { name: `社員 ${i + 1}`, dependents: [] })
        return context.db.person.update({ where: { id: employee.id }, data: { email } })
      }),
    )

    await mailBatch(hr.headers, campaign.id, 'credentials')
    const first = mailTo(pt!.email!)
    const company = (await context.db.company.findUniqueOrThrow({ where: { id: hr.companyId } })).name
    expect(first.subject).toBe(`【${company}】マイナンバー（個人番号）ご登録のお願い / [${company}] Please register your My Number (個人番号) documents`)
    const [japanese, english] = first.text.split('\nEnglish\n') as [string, string]
    expect(japanese).toContain('社員 1 様')
    expect(japanese).toContain('登録期限: 2026年12月25日')
    expect(english).toContain('Dear 社員 1,')
    expect(english).toContain('Deadline: December 25, 2026')
    expect(english).toContain('the My Number Card (マイナンバーカード)')
    const password = /■ パスワード\n(\S+)\n/.exec(japanese)![1]!
    const token = /\/t\/([A-Za-z0-9_-]{43})\n/.exec(japanese)![1]!
    expect(english).toContain(`■ Password\n${password}\n`)
    expect(english).toContain(`/t/${token}\n`)

    // The first employee signs in and reads the wizard in Portuguese; the second never signs in.
    const jwt = await login(context.app, token, password)
    await context.app.inject({ method: 'GET', url: '/api/employee/me', headers: { authorization: `Bearer ${jwt}`, 'x-bango-language': 'pt' } })
    sent.length = 0
    await mailBatch(hr.headers, campaign.id, 'reminder')
    const reminder = mailTo(pt!.email!)
    expect(reminder.subject).toMatch(/^\[.+\] Lembrete: registro dos documentos do My Number \(個人番号\)$/)
    expect(reminder.text).toContain('Prezado(a) 社員 1,')
    expect(reminder.text).toContain('Prazo de registro: 25 de dezembro de 2026')
    expect(reminder.text).toContain('Seu registro ainda não foi concluído.')
    expect(reminder.text).not.toContain('ご登録がまだ完了していません。')
    const japaneseReminder = mailTo(never!.email!)
    expect(japaneseReminder.text).toContain('ご登録がまだ完了していません。')
    expect(japaneseReminder.text).toContain('登録期限: 2026年12月25日')
  })

  it('writes a 差し戻し notice in the employee’s language, with HR’s own note as HR wrote it', async () => {
    const s = await submittedEmployee(context, { campaign: { deadline: DEADLINE } })
    const address = `vi-${s.employee.id.slice(0, 8)}@example.test`
    await context.db.person.update({ where: { id: s.employee.id }, data: { email: address } })
    await context.app.inject({ method: 'GET', url: '/api/employee/me', headers: { ...s.auth, 'x-bango-language': 'vi' } })
    const hr = await signedInOperator(context, { role: 'operator', companyId: s.company.id })
    const spouse = s.dependents[0]!
    const returned = await context.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${s.campaign.id}/employees/${s.employee.id}/persons/${spouse.id}/return`,
      headers: hr.headers,
      payload: { reason: 'blurry', note: '裏面がぼやけています' },
    })
    expect(returned.json()).toMatchObject({ notice: 'email' })
    await deliver()

    const notice = mailTo(address)
    expect(notice.subject).toMatch(/Đề nghị đăng ký lại giấy tờ My Number \(個人番号\)$/)
    expect(notice.text).toContain(`■ ${spouse.name}\nLý do: Ảnh bị mờ\nLời nhắn của bộ phận nhân sự: 裏面がぼやけています\n`)
    expect(notice.text).toContain('Hạn đăng ký: 25 tháng 12, 2026')
    expect(notice.text).not.toContain('理由:')
  })
})
