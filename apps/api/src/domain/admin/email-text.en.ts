/** The English text of employee e-mails: email-text.ja.ts translated, with the wizard's English button names. */
import type { MailWording } from './email-wording.ts'

export const en: MailWording = {
  credentialsSubject: '[{company}] Please register your My Number (個人番号) documents',
  reminderSubject: '[{company}] Reminder: please register your My Number (個人番号) documents',
  returnSubject: '[{company}] Please register your My Number (個人番号) documents again',
  greeting: 'Dear {name},',
  sender: 'This is the HR staff of {company}.',
  request: 'For “{campaign}”, please register the documents showing the My Number (マイナンバー, 個人番号) of yourself and your family.',
  deadline: 'Deadline: {date}',
  loginTitle: '■ Registration page',
  loginNote: 'This URL is personal to you. Please register only from this URL.',
  passwordTitle: '■ Password',
  passwordNote: '* You need this password to log in. Do not tell it to anyone, and do not forward this e-mail.',
  prepareTitle: '■ What to have ready',
  prepare:
    'For yourself and each dependent you register: the My Number Card (マイナンバーカード). Without one: the Notification Card (通知カード) or a copy of the certificate of residence showing the My Number (個人番号が記載された住民票の写し), and an identity document such as a driver’s license (運転免許証).',
  browsersTitle: '■ Supported browsers',
  browsers: [
    '- iPhone/iPad: always use the standard browser (Safari).',
    '- Android: always use the browser Google Chrome.',
    '- Computer: use Google Chrome, Firefox or Microsoft Edge. MS Internet Explorer cannot be used.',
    '- If the page opened inside LINE or an e-mail app, open it again in one of the browsers above.',
  ],
  reminder: [
    'Your registration is not complete yet.',
    'Please register with the URL and password in the e-mail we sent before or in the mailed kit.',
    'If you do not have the URL or password, please contact HR (they will send you a new URL and password).',
  ],
  returnIntro: 'We checked the documents you registered. The documents of the following people need to be registered again (差し戻し, returned).',
  returnedPerson: '■ {name}',
  returnReason: 'Reason: {reason}',
  returnNote: 'From HR: {note}',
  returnReasons: {
    blurry: 'The image is blurry',
    wrong_document: 'Wrong type of document',
    number_unreadable: 'The number cannot be read',
    insurance_not_masked: 'The health insurance symbol and number are not hidden',
    other: 'Other',
  },
  returnSteps: [
    'Log in with the URL and password in the e-mail we sent before or in the mailed kit, photograph the documents of the people above again, tap “Register”, and finally tap “Done”.',
    'If you do not have the URL or password, please contact HR.',
  ],
  finish:
    'When the documents of everyone are registered, finally tap “Done”. If you stop without tapping “Done”, for your safety the photos are not kept and nothing is submitted.',
  unknownMail: 'If you do not know what this e-mail is about, or have any questions, please contact HR.',
  contactTitle: '■ Contact',
  noReply: 'This e-mail is sent from an address that cannot receive replies.',
}
