/**
 * The Japanese text of employee e-mails (plain text), in the wording of the employee manual
 * (quoted in docs/product.md "Employee flow"). Only text lives here; email-delivery.ts fills it in.
 */
import { DOCUMENTS_TO_PREPARE_JA } from '@bango/shared/documents'
import { RETURN_REASON_LABELS, returnReasonSchema } from '@bango/shared/review'
import type { OutgoingMail } from '../../lib/mailer.ts'

export interface MailContext {
  to: string
  employeeName: string
  companyName: string
  campaignName: string
  deadline: Date | null
  /** The campaign's 問い合わせ先, as HR wrote it. */
  contact: string | null
}

const deadlineText = (deadline: Date | null) =>
  deadline ? new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' }).format(deadline) : null

const PREPARE = ['■ ご用意いただくもの', DOCUMENTS_TO_PREPARE_JA, '']

const BROWSERS = [
  '■ ご利用いただけるブラウザ',
  '・iPhone/iPad の場合は、必ず、標準ブラウザ（Safari）をご利用ください。',
  '・Android 携帯の場合は、必ず、ブラウザ（Google Chrome）をご利用ください。',
  '・PC の場合は、Google Chrome、Firefox、Microsoft Edge をご利用ください。MS Internet Explorer は、ご利用いただけません。',
  '・LINE やメールアプリの中で開いた場合は、上記のブラウザで開き直してください。',
]

function opening(context: MailContext) {
  const deadline = deadlineText(context.deadline)
  return [
    `${context.employeeName} 様`,
    '',
    `${context.companyName} の人事担当です。`,
    `「${context.campaignName}」のため、マイナンバー（個人番号）の確認書類のご登録をお願いします。`,
    ...(deadline ? [`登録期限: ${deadline}`] : []),
    '',
  ]
}

const closing = (context: MailContext) => [
  '',
  'すべての方の書類を登録したら、最後に「完了」をタップしてください。「完了」を押さずに終わると、安全上、撮影した画像は保存されず、未提出となります。',
  '',
  'このメールに心当たりのない場合やご不明な点は、人事担当者にお問い合わせください。',
  ...(context.contact ? [`■ 問い合わせ先`, context.contact] : []),
  'このメールは送信専用です。',
]

export function credentialsMail(context: MailContext, login: { url: string; password: string }): OutgoingMail {
  return {
    to: context.to,
    subject: `【${context.companyName}】マイナンバー（個人番号）ご登録のお願い`,
    text: [
      ...opening(context),
      '■ 登録用ホームページ',
      login.url,
      'URL は個人毎の専用となっていますので、必ず記載の URL からの登録をお願いします。',
      '',
      '■ パスワード',
      login.password,
      '※ログインに必要なパスワードです。他の方に教えたり、このメールを転送したりしないでください。',
      '',
      ...PREPARE,
      ...BROWSERS,
      ...closing(context),
    ].join('\n'),
  }
}

export function reminderMail(context: MailContext): OutgoingMail {
  return {
    to: context.to,
    subject: `【${context.companyName}】マイナンバー（個人番号）ご登録のお願い（再送）`,
    text: [
      ...opening(context),
      'ご登録がまだ完了していません。',
      '以前お送りしたメール又は郵送キットに記載されている URL とパスワードから、登録をお願いします。',
      'URL またはパスワードがお手元にない場合は、人事担当者にお問い合わせください（新しい URL とパスワードをお送りします）。',
      '',
      ...PREPARE,
      ...BROWSERS,
      ...closing(context),
    ].join('\n'),
  }
}

/** After a 差し戻し: who is sent back and why; the login is the one they already have (the server keeps no token to link). */
export function returnNoticeMail(
  context: MailContext,
  returned: readonly { name: string; returnReason: string | null; returnNote: string | null }[],
): OutgoingMail {
  return {
    to: context.to,
    subject: `【${context.companyName}】マイナンバー（個人番号）書類の再登録のお願い`,
    text: [
      ...opening(context),
      'ご登録いただいた書類を確認したところ、次の方の書類をもう一度登録していただく必要があります（差し戻し）。',
      '',
      ...returned.flatMap((person) => [
        `■ ${person.name} 様`,
        `理由: ${RETURN_REASON_LABELS[returnReasonSchema.catch('other').parse(person.returnReason)]}`,
        ...(person.returnNote ? [`人事担当者より: ${person.returnNote}`] : []),
        '',
      ]),
      '以前お送りしたメール又は郵送キットに記載されている URL とパスワードからログインし、上記の方の書類を撮影し直して「登録する」、最後に「完了」をタップしてください。',
      'URL またはパスワードがお手元にない場合は、人事担当者にお問い合わせください。',
      '',
      ...BROWSERS,
      ...closing(context),
    ].join('\n'),
  }
}
