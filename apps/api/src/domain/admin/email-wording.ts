/**
 * What an employee e-mail says, in one language: the lines email-text.ts puts together. `{name}`,
 * `{company}`, `{campaign}`, `{date}`, `{reason}` and `{note}` are filled in. Official Japanese
 * document names stay beside a translation, as the wizard writes them (ADR 024).
 * @see docs/decisions/050-languages-of-consent-and-mail.md
 */
import type { ReturnReason } from '@bango/shared/review'

export interface MailWording {
  credentialsSubject: string
  reminderSubject: string
  returnSubject: string
  /** The salutation, `{name}`. */
  greeting: string
  /** Who writes, `{company}`. */
  sender: string
  /** What is asked, `{campaign}`. */
  request: string
  /** `{date}`: the deadline, in the language. */
  deadline: string
  loginTitle: string
  loginNote: string
  passwordTitle: string
  passwordNote: string
  prepareTitle: string
  prepare: string
  browsersTitle: string
  browsers: readonly string[]
  /** A reminder's body: the login is the one sent before. */
  reminder: readonly string[]
  returnIntro: string
  /** `{name}`: a person sent back. */
  returnedPerson: string
  /** `{reason}` */
  returnReason: string
  /** `{note}`: HR's own words, as HR wrote them. */
  returnNote: string
  returnReasons: Record<ReturnReason, string>
  returnSteps: readonly string[]
  finish: string
  unknownMail: string
  contactTitle: string
  noReply: string
}
