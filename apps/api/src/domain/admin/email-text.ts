/**
 * Employee e-mails (plain text) put together from a language's wording (email-text.<language>.ts).
 * The credentials mail goes before any sign-in, when nothing says which language the employee
 * reads: Japanese, then English. The mails after it follow the language the employee last used
 * the wizard in (ADR 050); an employee who never signed in gets Japanese.
 * @see docs/decisions/050-languages-of-consent-and-mail.md
 */
import { type Language, formatDay } from '@bango/shared/languages'
import { returnReasonSchema } from '@bango/shared/review'
import type { OutgoingMail } from '../../lib/mailer.ts'
import { en } from './email-text.en.ts'
import { ja } from './email-text.ja.ts'
import { pt } from './email-text.pt.ts'
import { vi } from './email-text.vi.ts'
import { zh } from './email-text.zh.ts'
import type { MailWording } from './email-wording.ts'

export const MAIL_WORDINGS: Record<Language, MailWording> = { ja, en, vi, zh, pt }

export interface MailContext {
  to: string
  employeeName: string
  companyName: string
  campaignName: string
  deadline: Date | null
  /** The campaign's 問い合わせ先, as HR wrote it. */
  contact: string | null
  /** The language the employee last used; the credentials mail ignores it. */
  language: Language
}

/** `{key}` → `values[key]`, in one pass: a company name holding braces stays as it is. */
const fill = (template: string, values: Readonly<Record<string, string>>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)

/** A mail in one language, with the values every template may name. */
function writer(context: MailContext, language: Language) {
  const w = MAIL_WORDINGS[language]
  const values = {
    name: context.employeeName,
    company: context.companyName,
    campaign: context.campaignName,
    date: context.deadline ? formatDay(context.deadline, language) : '',
  }
  const say = (template: string, more: Record<string, string> = {}) => fill(template, { ...values, ...more })
  return {
    w,
    say,
    opening: () => [say(w.greeting), '', say(w.sender), say(w.request), ...(context.deadline ? [say(w.deadline)] : []), ''],
    prepare: () => [w.prepareTitle, w.prepare, ''],
    browsers: () => [w.browsersTitle, ...w.browsers],
    closing: () => ['', w.finish, '', w.unknownMail, ...(context.contact ? [w.contactTitle, context.contact] : []), w.noReply],
  }
}

function credentialsText(context: MailContext, login: { url: string; password: string }, language: Language) {
  const { w, opening, prepare, browsers, closing } = writer(context, language)
  return [
    ...opening(),
    w.loginTitle,
    login.url,
    w.loginNote,
    '',
    w.passwordTitle,
    login.password,
    w.passwordNote,
    '',
    ...prepare(),
    ...browsers(),
    ...closing(),
  ]
}

/** Before any sign-in: Japanese, then the same in English. */
export function credentialsMail(context: MailContext, login: { url: string; password: string }): OutgoingMail {
  const subject = (language: Language) => writer(context, language).say(MAIL_WORDINGS[language].credentialsSubject)
  return {
    to: context.to,
    subject: `${subject('ja')} / ${subject('en')}`,
    text: [
      ...credentialsText(context, login, 'ja'),
      '',
      '――――――――――――――――――――',
      'English',
      '――――――――――――――――――――',
      '',
      ...credentialsText(context, login, 'en'),
    ].join('\n'),
  }
}

export function reminderMail(context: MailContext): OutgoingMail {
  const { w, say, opening, prepare, browsers, closing } = writer(context, context.language)
  return { to: context.to, subject: say(w.reminderSubject), text: [...opening(), ...w.reminder, '', ...prepare(), ...browsers(), ...closing()].join('\n') }
}

/** After a 差し戻し: who is sent back and why; the login is the one they already have (the server keeps no token to link). */
export function returnNoticeMail(
  context: MailContext,
  returned: readonly { name: string; returnReason: string | null; returnNote: string | null }[],
): OutgoingMail {
  const { w, say, opening, browsers, closing } = writer(context, context.language)
  return {
    to: context.to,
    subject: say(w.returnSubject),
    text: [
      ...opening(),
      w.returnIntro,
      '',
      ...returned.flatMap((person) => [
        say(w.returnedPerson, { name: person.name }),
        say(w.returnReason, { reason: w.returnReasons[returnReasonSchema.catch('other').parse(person.returnReason)] }),
        ...(person.returnNote ? [say(w.returnNote, { note: person.returnNote })] : []),
        '',
      ]),
      ...w.returnSteps,
      '',
      ...browsers(),
      ...closing(),
    ].join('\n'),
  }
}
