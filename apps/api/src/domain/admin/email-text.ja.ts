/**
 * The Japanese text of employee e-mails (plain text), in the wording of the employee manual
 * (quoted in docs/product.md "Employee flow"): the source the other languages translate.
 */
import { DOCUMENTS_TO_PREPARE_JA } from '@bango/shared/documents'
import { RETURN_REASON_LABELS } from '@bango/shared/review'
import type { MailWording } from './email-wording.ts'

export const ja: MailWording = {
  credentialsSubject: '【{company}】マイナンバー（個人番号）ご登録のお願い',
  reminderSubject: '【{company}】マイナンバー（個人番号）ご登録のお願い（再送）',
  returnSubject: '【{company}】マイナンバー（個人番号）書類の再登録のお願い',
  greeting: '{name} 様',
  sender: '{company} の人事担当です。',
  request: '「{campaign}」のため、マイナンバー（個人番号）の確認書類のご登録をお願いします。',
  deadline: '登録期限: {date}',
  loginTitle: '■ 登録用ホームページ',
  loginNote: 'URL は個人毎の専用となっていますので、必ず記載の URL からの登録をお願いします。',
  passwordTitle: '■ パスワード',
  passwordNote: '※ログインに必要なパスワードです。他の方に教えたり、このメールを転送したりしないでください。',
  prepareTitle: '■ ご用意いただくもの',
  prepare: DOCUMENTS_TO_PREPARE_JA,
  browsersTitle: '■ ご利用いただけるブラウザ',
  browsers: [
    '・iPhone/iPad の場合は、必ず、標準ブラウザ（Safari）をご利用ください。',
    '・Android 携帯の場合は、必ず、ブラウザ（Google Chrome）をご利用ください。',
    '・PC の場合は、Google Chrome、Firefox、Microsoft Edge をご利用ください。MS Internet Explorer は、ご利用いただけません。',
    '・LINE やメールアプリの中で開いた場合は、上記のブラウザで開き直してください。',
  ],
  reminder: [
    'ご登録がまだ完了していません。',
    '以前お送りしたメール又は郵送キットに記載されている URL とパスワードから、登録をお願いします。',
    'URL またはパスワードがお手元にない場合は、人事担当者にお問い合わせください（新しい URL とパスワードをお送りします）。',
  ],
  returnIntro: 'ご登録いただいた書類を確認したところ、次の方の書類をもう一度登録していただく必要があります（差し戻し）。',
  returnedPerson: '■ {name} 様',
  returnReason: '理由: {reason}',
  returnNote: '人事担当者より: {note}',
  returnReasons: RETURN_REASON_LABELS,
  returnSteps: [
    '以前お送りしたメール又は郵送キットに記載されている URL とパスワードからログインし、上記の方の書類を撮影し直して「登録する」、最後に「完了」をタップしてください。',
    'URL またはパスワードがお手元にない場合は、人事担当者にお問い合わせください。',
  ],
  finish: 'すべての方の書類を登録したら、最後に「完了」をタップしてください。「完了」を押さずに終わると、安全上、撮影した画像は保存されず、未提出となります。',
  unknownMail: 'このメールに心当たりのない場合やご不明な点は、人事担当者にお問い合わせください。',
  contactTitle: '■ 問い合わせ先',
  noReply: 'このメールは送信専用です。',
}
