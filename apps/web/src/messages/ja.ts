/**
 * Every Japanese text of the employee SPA, and the source of truth for the other languages
 * (their files are typed from this one; lib/i18n.ts). Labels follow the employee manual
 * (quoted in docs/product.md "Employee flow") word for word, because the manual's
 * screenshots and HR's phone support refer to them. Values are i18next strings: `{{name}}`
 * is filled in by `t(key, { name })`.
 */
import { DOCUMENT_TYPE_LABELS, type IdentityDocumentType, type NumberDocumentType } from '@bango/shared/documents'
import type { ErrorCode } from '@bango/shared/errors'
import type { FieldErrorCode } from '@bango/shared/field-errors'
import { DEPENDENT_RELATIONSHIPS, type DependentRelationshipCode } from '@bango/shared/relationships'
import type { ReturnReason } from '@bango/shared/review'

const common = {
  next: '次へ',
  back: '戻る',
  backToTop: 'TOP に戻る',
  loading: '読み込み中…',
  retry: 'もう一度試す',
  networkError: '通信できませんでした。電波の良い場所で、もう一度お試しください。',
  unexpectedError: 'エラーが発生しました。時間をおいて、もう一度お試しください。',
  contactLabel: '問い合わせ先：',
  screenLoadFailed: '画面を読み込めませんでした。電波の良い場所で、ページを再読み込みしてください。',
  reload: '再読み込み',
} as const

const auth = {
  title: 'マイナンバー書類の登録',
  requester: '{{company}} の人事担当者から、あなたとご家族のマイナンバー（個人番号）書類の提出をお願いしています。',
  closed: '受付は終了しました。新しく書類を登録・提出することはできません。ログインすると、提出済みの内容だけを確認できます。',
  pending: 'このログイン情報は、まだ使えません。人事担当者が配布の手続きを終えると使えるようになります。しばらくしてから、もう一度お試しください。',
  disposedTitle: 'この依頼は終了しました',
  disposedCompanySubmitted: '提出された書類は、{{date}}に{{company}}が廃棄しました。',
  disposedRetentionSubmitted: '提出された書類は、保存期間の終了に伴い{{date}}に廃棄されました。',
  disposedCompanyNothing: '書類は提出されていません。この依頼の記録は、{{date}}に{{company}}が削除しました。',
  disposedRetentionNothing: '書類は提出されていません。この依頼の記録は、保存期間の終了に伴い{{date}}に削除されました。',
  disposedNoLogin: 'このリンクからはログインできません。',
  password: 'パスワード',
  passwordHint: 'メールまたは郵送キットに記載されているパスワードを入力してください。',
  showPassword: 'パスワードを表示する',
  attemptsLeft: 'あと {{left}} 回間違えると、{{minutes}} 分間ログインできなくなります。英字の大文字と小文字は区別されます。',
  submit: '次へ',
  submitting: '確認しています…',
  supportedBrowsersTitle: 'ご利用いただけるブラウザ',
  supportedBrowsers: ['iPhone／iPad：標準ブラウザ（Safari）', 'Android：Google Chrome', 'パソコン：Google Chrome、Firefox、Microsoft Edge'],
  ieNotSupported: 'Microsoft Internet Explorer はご利用いただけません。',
  cameraNote: 'スマートフォンでは、このサイトの中でカメラ撮影して登録できます。カメラが使えない場合のみ、撮影済みの画像をご用意ください。',
  inAppTitle: '{{app}} のアプリ内ブラウザで開いています',
  inAppTitleUnnamed: 'アプリ内ブラウザで開いています',
  inAppBody: 'アプリ内ブラウザではカメラが使えないことがあります。次の方法で開き直してください。',
  inAppIos: '画面の「…」または共有ボタンから「Safari で開く」を選びます。',
  inAppAndroid: '画面の「⋮」メニューから「Chrome で開く」（ブラウザで開く）を選びます。',
  inAppOther: 'URL をコピーして、Safari（iPhone）または Chrome（Android）に貼り付けて開きます。',
  inAppContinue: 'このまま続ける場合は、カメラの代わりに撮影済みの画像を選択して登録できます。',
  ieTitle: 'Internet Explorer はご利用いただけません',
  ieBody: 'Google Chrome、Firefox、Microsoft Edge のいずれかで開き直してください。',
  noTokenTitle: 'ログイン用の URL を開いてください',
  noTokenBody: 'メールまたは郵送キットに記載されている URL（QR コード）から開いてください。URL は個人ごとの専用です。',
  signedOutTitle: 'ログアウトしました',
  signedOutBody:
    '「登録する」まで済んだ方の書類と、登録中の方の送信済みの画像は保存されています（「完了」しないまま保存期間を過ぎると削除されます）。続きは、メールまたは郵送キットに記載の URL からもう一度ログインしてください。',
  logout: 'ログアウト',
  expiredTitle: '一定時間操作がなかったため、ログアウトしました',
  expiredBody:
    'お手数ですが、メールまたは郵送キットに記載されている URL（QR コード）をもう一度開き、パスワードを入力してください。「登録する」まで済んだ方の書類も、登録中の方の送信済みの画像も保存されています。ログインし直すと、登録中の方の続きの画面に戻ります（「完了」しないまま保存期間を過ぎると削除されます）。',
} as const

const handoff = {
  title: 'スマートフォンで続ける',
  intro: 'パソコンにカメラがない場合は、スマートフォンで続けられます。ボタンを押すと QR コードが表示されます。',
  show: 'QR コードを表示する',
  showAgain: '新しい QR コードを表示する',
  qrAlt: 'スマートフォンで読み取る QR コード',
  steps: ['スマートフォンのカメラでこの QR コードを読み取り、表示された URL を開きます。', 'パスワードの入力は不要です。この画面の続きから登録できます。'],
  expires: 'この QR コードは {{time}} まで、1 回だけ使えます。',
  expired: 'QR コードの有効期限が切れました。',
  takenOver: 'スマートフォンで続きを開きました。このまま撮影と登録はスマートフォンで進めてください。',
  redeeming: 'ログインしています…',
  redeemFailedTitle: 'この QR コードは使えません',
} as const

const consent = {
  purposesTitle: '個人番号の利用目的',
  intro: '次の目的のために、あなたとご家族の個人番号（マイナンバー）をお預かりします。',
  deadline: '提出期限：{{date}}',
  agree: '同意します',
  /** Under a purpose HR gave no wording for in the language shown (never shown in Japanese itself). */
  untranslated: 'この目的は日本語でのみ表示しています。ご不明な点は人事担当者にお問い合わせください。',
} as const

const targets = {
  title: '収集対象者一覧',
  intro: '登録する方をタップしてください。ご家族に増減がある場合は、追加または対象外に設定してください。',
  employee: '本人',
  status: {
    registered: '☑ 登録済',
    pending: '未登録',
    not_applicable: '対象外',
  },
  /** A person not registered yet whose draft already has images. */
  inProgress: '入力途中',
  draftNotice:
    '登録中の画像は、全員分を登録して「完了」をタップするまで提出されません。「完了」しないまま {{hours}} 時間が過ぎると、画像は安全のため削除されます。',
  addDependent: '扶養追加',
  progress: '{{registered}}/{{applicable}} 登録済',
  /** Follows `progress` when someone is not applicable. */
  progressExcluded: '（対象外 {{excluded}} 人）',
  submit: '完了',
  /** The last question before 「完了」 submits. */
  confirmTitle: 'この内容で提出します。よろしいですか？',
  confirmBody: '提出すると、担当者が差し戻さない限り、変更できません。',
  confirmSubmit: '提出する',
  submitHint: '全員分を登録（☑）または対象外にすると「完了」をタップできます。',
  submitting: '送信しています…',
  reopenedIntro: '担当者から差し戻された方がいます。理由をご確認のうえ、その方の書類を登録し直して、もう一度「完了」をタップしてください。',
  returned: '差し戻し',
  returnReason: '差し戻しの理由：{{reason}}',
} as const

const addDependent = {
  title: '扶養家族の追加',
  intro: '追加する扶養家族の情報を入力して「次へ」をタップしてください。',
  name: '氏名',
  kana: 'フリガナ（カタカナ）',
  relationship: '続柄',
  relationshipChoose: '選択してください',
  birthDate: '生年月日',
} as const

/** 続柄 as the choice list offers them: the shared list's labels, which the API stores. */
const relationships = Object.fromEntries(DEPENDENT_RELATIONSHIPS.map((r) => [r.code, r.label])) as Record<DependentRelationshipCode, string>

/** What is wrong with a typed field, by the code the shared schemas and the API give (@bango/shared/field-errors). */
const fieldErrors = {
  required: '入力してください',
  too_long: '入力できる文字数を超えています',
  control_character: '改行やタブなど、使えない文字が含まれています',
  kana_katakana: 'カタカナで入力してください',
  birth_date: '生年月日が正しくありません',
  relationship: '続柄を一覧から選択してください',
  my_number: '個人番号が正しくありません。12 桁の数字をご確認ください。',
  invalid: '入力内容をご確認ください',
} as const satisfies Record<FieldErrorCode, string>

const completion = {
  title: '登録処理は完了です',
  body: '登録処理は完了です。ブラウザを閉じて、処理を終了してください。',
  thanks: 'ご協力ありがとうございました。',
  disposedPerson: '{{name}} さんの記録は廃棄されました。',
  receiptTitle: '提出内容の控え',
  receiptSubmittedAt: '提出日時',
  /** Quoted to HR on the phone: @bango/shared/receipt. */
  receiptReference: '受付番号',
  receiptCompany: '提出先',
  receiptCampaign: '依頼',
  receiptPersons: '提出した方',
  receiptPerson: '氏名（続柄）',
  receiptDocuments: '書類',
  receiptNotApplicable: '対象外',
  /** Between document names in one cell of the receipt. */
  receiptSeparator: '、',
  receiptTime: '{{time}}（日本時間）',
  print: 'この控えを印刷する',
  printHint: '控えは、印刷するかスクリーンショットで保存できます。画像と個人番号は、安全のため表示されません。',
  acceptedTitle: '提出書類は受理されました',
  accepted: '担当者が書類を確認し、受理しました。これ以上の操作は必要ありません。',
} as const

const numberDocumentNames = {
  my_number_card: '顔写真つき個人番号カード（マイナンバーカード）',
  notification_card: '通知カード（紙製のもの）',
  resident_record: '個人番号が記載された住民票',
} as const satisfies Record<NumberDocumentType, string>

const identityDocumentNames = {
  driver_license: '運転免許証',
  driving_record: '運転経歴証明書',
  residence_card: '在留カード',
  special_permanent_resident: '特別永住者証明書',
  passport: 'パスポート',
  disability_certificate: '顔写真付きの障害者手帳（身体障害者手帳・精神障害者保健福祉手帳・療育手帳）',
  photo_id: 'その他の、官公署が発行した顔写真付きの証明書',
  health_insurance: '健康保険証／資格確認書',
  pension_book: '年金手帳／基礎年金番号通知書',
  child_allowance: '児童扶養手当証書／特別児童扶養手当証書',
  student_id: '学生証（顔写真付き）',
} as const satisfies Record<IdentityDocumentType, string>

/** Short names on the receipt: the shared labels the console and the payroll export use too. */
const documentShortNames = DOCUMENT_TYPE_LABELS

/** Why HR returned a person (as RETURN_REASON_LABELS in @bango/shared/review). */
const returnReasons = {
  blurry: 'ぼやけている',
  wrong_document: '書類の種類が違う',
  number_unreadable: '番号が読めない',
  insurance_not_masked: '健康保険証の記号・番号が隠れていない',
  other: 'その他',
} as const satisfies Record<ReturnReason, string>

const documents = {
  title: '{{name}} さんの書類登録',
  numberDocumentTitle: '番号確認書類の登録',
  stepsLabel: 'この方の登録の手順',
  stepCount: '手順 {{current}} / {{total}}',
  phaseNames: { number: '番号確認書類', identity: '身元確認書類', confirm: '確認・登録' },
  ifNeeded: '（必要な場合）',
  numberDocumentQuestion: '番号確認書類の種類を選択してください',
  notApplicable: '現在は扶養していない、または住民票がない',
  notApplicableDone: '対象外に設定しました',
  notApplicableDoneBody: 'この方は収集の対象外になりました。誤って設定した場合は、一覧から再度タップすると対象に戻せます。',
  excludedTitle: 'この方は対象外に設定されています',
  excludedBody: '扶養している場合や住民票がある場合は、対象に戻して書類を登録してください。',
  makeApplicable: '対象に戻す',
  alreadyRegisteredTitle: 'この方の書類は登録済みです',
  alreadyRegisteredBody: '安全のため、登録した画像をこの画面で表示することはできません。',
  startOverHint: '画像を替えたい場合は「登録をやり直す」をタップしてください。登録済みの画像は削除され、最初からやり直します。',
  startOver: '登録をやり直す',
  notFound: 'この方は収集対象者一覧に見つかりませんでした。',
  photoNotes: ['書類全体をカメラの枠内におさめ、文字にピントを合わせて撮影してください。', '明るい場所で、光が反射しないように撮影してください。'],
  /** The same advice where a file, not the camera, is the main way (a PC, a phone without a camera): lib/use-t.ts. */
  photoNotes_file: ['書類全体が写り、文字にピントが合った画像を選んでください。', '明るく、光が反射していない画像を選んでください。'],
  numberDocumentNotes: {
    my_number_card: 'おもて面とうら面の両方を撮影します（個人番号はうら面に記載されています）。',
    notification_card:
      '氏名・住所などの記載が住民票と同じ場合に限り使えます（個人番号通知書は使えません）。おもて面を撮影し、うら面に記載事項の変更が書かれている場合はうら面も撮影してください。',
    resident_record: '個人番号が記載されたものを撮影します。うら面がない場合は「うら面はありません」を選べます。',
    my_number_card_file: 'おもて面とうら面の両方の画像を選びます（個人番号はうら面に記載されています）。',
    notification_card_file:
      '氏名・住所などの記載が住民票と同じ場合に限り使えます（個人番号通知書は使えません）。おもて面の画像を選び、うら面に記載事項の変更が書かれている場合はうら面の画像も選んでください。',
    resident_record_file: '個人番号が記載されたものの画像を選びます。うら面がない場合は「うら面はありません」を選べます。',
  },
  draftNotice: '登録中の画像は、全員分の登録後に一覧の「完了」をタップするまで提出されず、「完了」しないまま一定時間が過ぎると削除されます。',
  identityTitle: '身元確認書類の登録',
  identityUsable: '身元確認に利用できる書類',
  identityNotes: [
    'いずれも、氏名および「住所または生年月日」の記載があること。また、有効期限内であること。',
    '顔写真付きの書類がない場合は、2つ目の一覧から種類の違う書類を2種類登録します。',
  ],
  identityPhotoGroup: '1種類で確認できる書類（顔写真付き）',
  identityOtherGroup: '種類の違う2種類が必要な書類（顔写真付きの書類がない場合）',
  withPhotoQuestion: '官公署が発行した顔写真付きの書類（運転免許証、在留カード、パスポートなど）をお持ちですか？',
  withPhoto: 'はい、持っています（1種類で確認できます）。',
  withoutPhoto: 'いいえ、持っていません（2種類必要です）。',
  identityTypeQuestion: '身元確認書類の種類を選択してください',
  /** When one identity document is needed. */
  identityOrdinalSingle: '身元確認書類',
  identityOrdinal: '身元確認書類 {{ordinal}} 種類目（全 {{total}} 種類）',
  healthInsuranceNote: '健康保険証は、撮影のあとの画面で、保険者番号・記号・番号・QR コードを黒い四角で隠してから送信します。',
  healthInsuranceNote_file: '健康保険証は、画像を選んだあとの画面で、保険者番号・記号・番号・QR コードを黒い四角で隠してから送信します。',
  maskTitle: '保険者番号・記号・番号・QR コードを隠してください',
  maskInstructions: [
    '画像の上を指（パソコンではマウス）でなぞると、その部分が黒い四角で隠れます。',
    '保険者番号、記号・番号、QR コードをすべて隠してください。何か所でも隠せます。',
    '黒く隠した部分の内容は送信されません。',
  ],
  maskWhy: '健康保険証の保険者番号・記号・番号は、法律（健康保険法の告知要求制限）により集めることができません。そのため、1か所以上隠すまで送信できません。',
  maskCanvas: '{{side}}の画像（なぞって隠す部分を指定します）',
  maskKeyboard: 'キーボードでは：Tab キーで画像を選び、矢印キーで枠を出して動かし、Shift + 矢印キーで大きさを変え、Enter でその部分を隠します。',
  maskCountNone: 'まだ隠した部分はありません',
  maskCount: '隠した部分：{{areas}} か所',
  maskUndo: '元に戻す',
  maskClear: 'すべて消す',
  maskSend: '隠して送信する',
  qualityTitle: '画像を確認してください',
  quality: {
    dark: '画像が暗いようです。明るい場所で撮り直すと読み取りやすくなります。',
    blurry: '画像がぼやけているようです。文字にピントを合わせて撮り直すと読み取りやすくなります。',
    small: '画像が小さいようです。書類を大きく写して撮り直すと読み取りやすくなります。',
  },
  qualityContinue: '文字が読み取れる場合は、このまま進めます。',
  numberUnreadable: '番号が読み取れませんでした。影や反射がないか確認して、撮り直してください。番号がはっきり写っていれば、このまま進めます。',
  nativeCamera: 'スマートフォンのカメラアプリで撮る',
  nativeCameraHint: 'この面の写真から、2 回とも番号が読み取れませんでした。スマートフォンのカメラアプリで撮ると、ピントや明るさが合いやすくなります。',
  sideName: { front: 'おもて面', back: 'うら面' },
  capture: { front: 'おもて面を撮影する', back: 'うら面を撮影する' },
  retake: { front: 'おもて面を撮り直す', back: 'うら面を撮り直す', front_file: 'おもて面の画像を選び直す', back_file: 'うら面の画像を選び直す' },
  /** After the front: on to the back (the camera opens on a phone). */
  toBack: 'うら面を撮影する',
  toBack_file: 'うら面へ進む',
  noBack: 'うら面はありません',
  shutter: '撮影',
  cancelCamera: 'カメラを閉じる',
  chooseFile: '写真を選ぶ',
  chooseFileHint: 'カメラを使わずに、撮影済みの画像やスキャンした画像（JPEG・PNG）を選べます。',
  chooseFileFirstHint: 'この端末ではカメラを使えないため、撮影済みの画像やスキャンした画像（JPEG・PNG）を選んでください。',
  cameraTitle: '{{side}}を撮影',
  cameraFrameHint: '書類を白い枠に合わせ、文字がはっきり見えたら「撮影」をタップします。',
  cameraGuidance: {
    align: 'カードを白い枠に合わせてください。',
    closer: 'もう少し近づけてください。',
    glare: '光の反射を避けてください。カードを少し傾けるか、照明から離してください。',
    hold: '動かさないでください。',
    focus: '文字がぼやけています。少し離すか、明るい場所でお試しください。',
    steady: 'そのまま動かさないでください。自動で撮影します。',
  },
  cameraWaiting: 'カメラの映像を待っています。レンズが指などでふさがれていないか確認してください。',
  examplesTitle: '写真の見本（イラスト）',
  examplesNote: '書類の四隅まで写り、文字が読める明るさの写真にします。',
  exampleAlt: {
    myNumberFront: 'マイナンバーカードのおもて面の見本：左に氏名・住所・生年月日、右に顔写真',
    myNumberBack: 'マイナンバーカードのうら面の見本：上部に 12 桁の個人番号',
    notificationFront: '通知カードのおもて面の見本：個人番号、氏名、住所、生年月日が記載された紙のカード',
  },
  helpTitle: 'うまく撮影できない場合',
  helpTips: [
    '明るい場所で撮影してください（窓の近くや照明の下）。',
    '書類を暗い色の平らな机の上に置き、真上から撮影してください。',
    '照明が反射して文字が白く飛ぶ場合は、少し角度を変えてください。',
    '書類が枠いっぱいに写るまで近づき、四隅が切れないようにしてください。',
  ],
  helpFile: 'カメラがうまく動かない場合は、スマートフォンの標準のカメラで撮影してから「写真を選ぶ」で選べます。',
  helpPhone: 'パソコンで開いている場合は、「スマートフォンで続ける」の QR コードからスマートフォンで撮影できます。',
  cameraStarting: 'カメラを起動しています…',
  cameraVideo: 'カメラの映像',
  cameraUnavailableTitle: 'カメラを利用できません',
  cameraUnavailableBody: [
    'カメラの利用が許可されていないか、このブラウザではカメラを使えません。',
    'iPhone：「設定」→「Safari」→「カメラ」で「許可」を選び、このページを開き直してください。',
    'Android：Chrome のアドレスバーの鍵のマークから「権限」→「カメラ」を許可してください。',
    'LINE やメールアプリの中で開いている場合は、Safari または Chrome で開き直してください。',
    '下の「写真を選ぶ」から、撮影済みの画像を選んで登録することもできます。',
  ],
  previewAlt: '{{side}}の画像',
  processing: '画像を処理しています…',
  processFailed: '画像を読み込めませんでした。JPEG または PNG の画像を選ぶか、カメラで撮影してください。',
  uploading: '画像を送信しています…',
  uploadProgress: '送信の進み具合',
  uploadPercent: '{{percent}}%',
  uploaded: '画像を保存しました（まだ提出されていません。最後に「完了」を押してください）',
  uploadNetworkError: '通信が不安定なため、画像を送信できませんでした。電波の良い場所で「再送信」をタップしてください。',
  resend: '再送信',
  confirmTitle: '確認',
  confirmIntro: '画像を確認し、「登録する」をタップしてください。画像をタップすると拡大して、番号が読み取れるか確認できます。',
  zoomOpen: '{{caption}} を拡大して確認',
  zoomIn: '拡大',
  zoomOut: '縮小',
  zoomClose: '閉じる',
  zoomLevel: '{{times}} 倍で表示中',
  register: '登録する',
  registering: '登録しています…',
  registeredTitle: '登録が完了しました',
  registeredBody: '一覧に戻り、他の方の登録と「完了」をお願いします。',
  missingImages: 'そろっていない画像があります。戻って撮影するか、画像を選んでください。',
  myNumberLabel: '個人番号（12 桁）',
  myNumberHint: '番号確認書類（マイナンバーカードのうら面・通知カード・住民票）に記載の 12 桁の番号を、書き写して入力してください。',
  myNumberMismatch: '入力した番号が、写真から読み取った番号と一致しません。写真と見比べて、もう一度ご確認ください。',
} as const

/**
 * What the employee reads for each error code the API answers (the server's `message` is a
 * developer's note in English). The console's codes never reach the employee; they still get
 * a neutral text so the map stays total.
 */
const errors = {
  VALIDATION: '入力内容に誤りがあります。',
  UNAUTHENTICATED: 'ログインの有効期限が切れました。お手元の URL から、もう一度ログインしてください。',
  INVALID_CREDENTIALS: 'URL またはパスワードが正しくありません。メールまたは郵送キットに記載のものをご確認ください。',
  HANDOFF_INVALID: 'この QR コードは使用済みか、有効期限が切れています。パソコンの画面で新しい QR コードを表示して読み取ってください。',
  CREDENTIAL_LOCKED: 'パスワードを続けて間違えたため、ログインを一時的に停止しています。15 分ほどしてからお試しください。',
  CONSENT_REQUIRED: '先に個人番号の利用目的をご確認のうえ「同意します」をタップしてください。',
  NOT_FOUND: '対象が見つかりません。',
  ALREADY_SUBMITTED: '登録はすでに完了しています。変更が必要な場合は人事担当者にお問い合わせください。',
  PERSON_REGISTERED: 'この方の書類は登録済みです。',
  PERSON_NOT_APPLICABLE: 'この方は対象外に設定されています。',
  REGISTRATION_INVALID: '必要な書類の画像がそろっていません。',
  NOT_READY_TO_SUBMIT: '全員分の書類を登録するか、対象外に設定してから「完了」をタップしてください。',
  PURPOSES_CHANGED: '利用目的が更新されました。画面を読み込み直して、もう一度ご確認ください。',
  CAMPAIGN_CLOSED: 'この収集依頼は受付を終了しました。人事担当者にお問い合わせください。',
  FILE_TOO_LARGE: '画像のファイルサイズが大きすぎます（15 MB まで）。',
  UNSUPPORTED_IMAGE: '画像として読み取れませんでした。JPEG または PNG の写真を選んでください。',
  RATE_LIMITED: 'アクセスが集中しています。しばらくしてからお試しください。',
  FORBIDDEN: 'この操作はできません。',
  CSRF_INVALID: 'この操作はできません。',
  SESSION_STEP_REQUIRED: 'この操作はできません。',
  TOTP_INVALID: 'この操作はできません。',
  ACCOUNT_LOCKED: 'この操作はできません。',
  ONE_TIME_PASSWORD_EXPIRED: 'この操作はできません。',
  CONFLICT: 'この操作はできません。',
  IMPORT_INVALID: 'この操作はできません。',
  EMAIL_NOT_CONFIGURED: 'この操作はできません。',
  TOO_MANY_DEPENDENTS: 'これ以上ご家族を追加できません。追加が必要な場合は人事担当者にお問い合わせください。',
  NUMBER_MISMATCH: 'この操作はできません。',
  CAMPAIGN_OPEN: 'この操作はできません。',
  CAMPAIGN_DISPOSED: 'この操作はできません。',
  CREDENTIAL_BATCH_ENDED: 'この操作はできません。',
  NOTHING_TO_SEND: 'この操作はできません。',
  PERSON_DISPOSED: 'この方の記録は廃棄されました。',
  SESSION_RECEIPT_ONLY: '登録は完了しています。変更が必要になった場合は、お手元の URL からもう一度ログインしてください。',
  NETWORK_NOT_ALLOWED: 'この操作はできません。',
  NETWORK_EXCLUDES_CALLER: 'この操作はできません。',
  RETENTION_WITHIN_GRACE: 'この操作はできません。',
  SERVER_BUSY: 'ただいま混み合っています。数秒後にもう一度お試しください。',
  INTERNAL: '処理中に問題が発生しました。時間をおいて、もう一度お試しください。',
} as const satisfies Record<ErrorCode, string>

export const ja = {
  common,
  auth,
  handoff,
  consent,
  targets,
  addDependent,
  relationships,
  fieldErrors,
  completion,
  numberDocumentNames,
  identityDocumentNames,
  documentShortNames,
  returnReasons,
  documents,
  errors,
} as const
