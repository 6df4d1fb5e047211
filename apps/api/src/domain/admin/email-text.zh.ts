/** The simplified Chinese text of employee e-mails: email-text.ja.ts translated, with the wizard's Chinese button names. */
import type { MailWording } from './email-wording.ts'

export const zh: MailWording = {
  credentialsSubject: '【{company}】请登记个人编号（個人番号）材料',
  reminderSubject: '【{company}】请登记个人编号（個人番号）材料（再次通知）',
  returnSubject: '【{company}】请重新登记个人编号（個人番号）材料',
  greeting: '{name} 您好：',
  sender: '这里是 {company} 的人事负责人。',
  request: '因“{campaign}”，请登记记载有您本人及家属个人编号（マイナンバー／個人番号）的确认材料。',
  deadline: '登记期限：{date}',
  loginTitle: '■ 登记网址',
  loginNote: '此 URL 仅供您本人使用，请务必通过上述 URL 进行登记。',
  passwordTitle: '■ 密码',
  passwordNote: '※ 这是登录所需的密码。请勿告诉他人，也请勿转发此邮件。',
  prepareTitle: '■ 需要准备的材料',
  prepare:
    '您本人及每位要登记的受抚养家属的个人编号卡（マイナンバーカード）。没有个人编号卡的，请准备通知卡（通知カード）或记载个人编号的住民票副本（個人番号が記載された住民票の写し），以及驾驶执照（運転免許証）等身份证明材料。',
  browsersTitle: '■ 可使用的浏览器',
  browsers: [
    '· iPhone/iPad：请务必使用标准浏览器（Safari）。',
    '· Android 手机：请务必使用浏览器 Google Chrome。',
    '· 电脑：请使用 Google Chrome、Firefox 或 Microsoft Edge。无法使用 MS Internet Explorer。',
    '· 如果在 LINE 或邮件应用中打开，请用上述浏览器重新打开。',
  ],
  reminder: [
    '您的登记尚未完成。',
    '请使用之前发送的邮件或邮寄材料中记载的 URL 和密码进行登记。',
    '如果手边没有 URL 或密码，请联系人事负责人（将向您发送新的 URL 和密码）。',
  ],
  returnIntro: '经确认您登记的材料，以下人员的材料需要重新登记（差し戻し，退回）。',
  returnedPerson: '■ {name}',
  returnReason: '理由：{reason}',
  returnNote: '人事负责人留言：{note}',
  returnReasons: {
    blurry: '图片模糊',
    wrong_document: '材料种类不对',
    number_unreadable: '无法读取编号',
    insurance_not_masked: '健康保险证的记号和编号未遮盖',
    other: '其他',
  },
  returnSteps: [
    '请使用之前发送的邮件或邮寄材料中记载的 URL 和密码登录，重新拍摄上述人员的材料并点击“登记”，最后点击“完成”。',
    '如果手边没有 URL 或密码，请联系人事负责人。',
  ],
  finish: '所有人员的材料登记完毕后，最后请点击“完成”。如果不点击“完成”就结束，出于安全考虑，拍摄的图片不会被保存，视为未提交。',
  unknownMail: '如果您对此邮件没有印象或有任何疑问，请联系人事负责人。',
  contactTitle: '■ 联系方式',
  noReply: '此邮件为发送专用，请勿回复。',
}
