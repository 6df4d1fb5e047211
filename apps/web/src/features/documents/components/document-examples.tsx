/**
 * 「撮影の見本」: drawn illustrations of a good photo of the マイナンバーカード (front, back) and the
 * 通知カード — simplified shapes and 「見本」 text, no real person's data, no photographs. A separate
 * chunk (lazy-capture-parts.tsx): only the capture screen of these documents needs it.
 */
import { useT } from '../../../lib/use-t.ts'

export type ExampleKind = 'myNumberFront' | 'myNumberBack' | 'notificationFront'

/** A desk around the card: the good photo shows the whole card, its four corners inside the frame. */
function Desk({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <svg className="example__image" viewBox="0 0 1000 680" role="img" aria-label={label}>
      <rect width="1000" height="680" fill="#5b4636" />
      <rect x="72" y="70" width="856" height="540" rx="36" fill="#ffffff" stroke="#d9d4cc" strokeWidth="4" />
      {children}
      <text x="900" y="150" textAnchor="end" fontSize="64" fontWeight="700" fill="#c0392b" opacity="0.85">
        見本
      </text>
    </svg>
  )
}

const line = (x: number, y: number, width: number) => <rect x={x} y={y} width={width} height="22" rx="11" fill="#9aa5b1" />

function MyNumberFront() {
  const { t } = useT()
  return (
    <Desk label={t('documents.exampleAlt.myNumberFront')}>
      <rect x="72" y="70" width="856" height="80" rx="36" fill="#e8f1fb" />
      <text x="110" y="128" fontSize="40" fontWeight="700" fill="#1f4e8c">
        個人番号カード
      </text>
      <text x="110" y="220" fontSize="32" fill="#333">
        氏名
      </text>
      <text x="200" y="222" fontSize="40" fontWeight="700" fill="#222">
        見本 花子
      </text>
      <text x="110" y="300" fontSize="32" fill="#333">
        住所
      </text>
      {line(200, 282, 400)}
      {line(200, 322, 300)}
      <text x="110" y="410" fontSize="32" fill="#333">
        生年月日
      </text>
      {line(260, 392, 240)}
      {line(110, 470, 420)}
      <rect x="660" y="200" width="220" height="280" rx="12" fill="#dfe6ee" stroke="#9aa5b1" strokeWidth="4" />
      <circle cx="770" cy="300" r="56" fill="#9aa5b1" />
      <path d="M680 480 Q770 360 860 480 Z" fill="#9aa5b1" />
    </Desk>
  )
}

function MyNumberBack() {
  const { t } = useT()
  return (
    <Desk label={t('documents.exampleAlt.myNumberBack')}>
      <text x="110" y="150" fontSize="32" fill="#333">
        個人番号
      </text>
      <text x="110" y="220" fontSize="60" fontWeight="700" letterSpacing="6" fill="#222">
        0000 0000 0000
      </text>
      <text x="110" y="300" fontSize="32" fill="#333">
        氏名
      </text>
      {line(200, 282, 260)}
      <text x="110" y="360" fontSize="32" fill="#333">
        生年月日
      </text>
      {line(260, 342, 220)}
      <rect x="640" y="300" width="240" height="240" fill="#ffffff" stroke="#222" strokeWidth="6" />
      <rect x="660" y="320" width="60" height="60" fill="#222" />
      <rect x="800" y="320" width="60" height="60" fill="#222" />
      <rect x="660" y="460" width="60" height="60" fill="#222" />
      <rect x="110" y="440" width="150" height="110" rx="10" fill="#d4af37" />
    </Desk>
  )
}

function NotificationFront() {
  const { t } = useT()
  return (
    <Desk label={t('documents.exampleAlt.notificationFront')}>
      <rect x="72" y="70" width="856" height="540" rx="36" fill="#eef7ee" />
      <text x="110" y="140" fontSize="40" fontWeight="700" fill="#2e6b30">
        通知カード
      </text>
      <text x="110" y="220" fontSize="32" fill="#333">
        個人番号
      </text>
      <text x="280" y="224" fontSize="48" fontWeight="700" letterSpacing="4" fill="#222">
        0000 0000 0000
      </text>
      <text x="110" y="300" fontSize="32" fill="#333">
        氏名
      </text>
      <text x="200" y="302" fontSize="40" fontWeight="700" fill="#222">
        見本 花子
      </text>
      <text x="110" y="380" fontSize="32" fill="#333">
        住所
      </text>
      {line(200, 362, 520)}
      {line(200, 402, 380)}
      <text x="110" y="490" fontSize="32" fill="#333">
        生年月日
      </text>
      {line(260, 472, 240)}
      {line(560, 540, 320)}
    </Desk>
  )
}

const EXAMPLES: Record<ExampleKind, () => React.JSX.Element> = {
  myNumberFront: MyNumberFront,
  myNumberBack: MyNumberBack,
  notificationFront: NotificationFront,
}

export function DocumentExample({ kind }: { kind: ExampleKind }) {
  const { t } = useT()
  const Example = EXAMPLES[kind]
  return (
    <figure className="example">
      <Example />
      <figcaption className="hint">
        <strong>{t('documents.examplesTitle')}</strong> {t('documents.examplesNote')}
      </figcaption>
    </figure>
  )
}
