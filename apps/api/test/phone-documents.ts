/**
 * The four number documents of the phone-photo set as SVG, drawn flat and upright: the
 * マイナンバーカード back (the number near the top), the 通知カード (the number on its face),
 * the マイナンバーカード front (no number: reading it must give nothing) and an A4 住民票 (an
 * 11-digit 住民票コード beside the 12-digit 個人番号). The number is set in DejaVu Sans Mono, the
 * closest font on the machine to the OCR-B of the real card; Japanese text in Noto Sans CJK JP.
 * Each drawing says where its number is, so a photo can put a shadow edge or glare over it.
 */

export type DocumentKind = 'card-back' | 'notice-card' | 'card-front' | 'residence-record'

export interface DocumentDrawing {
  svg: string
  /** The drawing's own size (its viewBox): cards are landscape, the 住民票 an upright A4 page. */
  width: number
  height: number
  /** Where the number is (on the card front: where it would be), in the drawing's units. */
  numberBox: { x: number; y: number; width: number; height: number }
}

export interface DocumentText {
  /** The 12 digits printed as the 個人番号 (usually valid; a test may print a wrong check digit). */
  printed: string
  /** The 11-digit 住民票コード (住民票 only). */
  residentCode: string
  /** 0…1 per detail, from the photo's seed: which name, address, date and background. */
  pick: () => number
}

const MONO = 'DejaVu Sans Mono'
const JAPANESE = 'Noto Sans CJK JP'
const NAMES = ['番号 太郎', '見本 花子', '山田 一郎', '佐藤 美咲', '鈴木 健二']
const TOWNS = ['千代田区霞が関', '横浜市中区山下町', '大阪市北区梅田', '札幌市中央区北一条西', '福岡市博多区博多駅前']
const PALE = ['#fbf7f2', '#f6f8fb', '#fdfdfd', '#f9f3f4', '#f3f7f1']

const grouped = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ')
const oneOf = <T>(items: readonly T[], pick: () => number): T => items[Math.floor(pick() * items.length)]!
const text = (x: number, y: number, size: number, content: string, font = JAPANESE, fill = '#222', extra = '') =>
  `<text x="${x}" y="${y}" font-family="${font}" font-size="${size}" fill="${fill}" ${extra}>${content}</text>`

/** Fine guilloche-like lines: the printed security pattern that sits behind the text of a real card. */
function securityPattern(width: number, height: number, colour: string): string {
  const lines: string[] = []
  for (let y = 20; y < height; y += 26) {
    lines.push(`<path d="M0 ${y} Q ${width / 4} ${y - 14} ${width / 2} ${y} T ${width} ${y}" stroke="${colour}" stroke-width="1.2" fill="none"/>`)
  }
  return lines.join('')
}

function address(pick: () => number): string {
  const digit = () => 1 + Math.floor(pick() * 9)
  return `${oneOf(TOWNS, pick)}${digit()}丁目${digit()}番${digit()}号`
}

function birthDate(pick: () => number): string {
  return `昭和${40 + Math.floor(pick() * 20)}年 ${1 + Math.floor(pick() * 12)}月 ${1 + Math.floor(pick() * 28)}日生`
}

/** A 2D code's look: random dark squares (clutter that is neither text nor digits). */
function codeBlock(x: number, y: number, size: number, pick: () => number): string {
  const cells: string[] = []
  const cell = size / 21
  for (let row = 0; row < 21; row++) {
    for (let column = 0; column < 21; column++) {
      if (pick() < 0.45) cells.push(`<rect x="${x + column * cell}" y="${y + row * cell}" width="${cell}" height="${cell}"/>`)
    }
  }
  return `<g fill="#222">${cells.join('')}</g>`
}

function card(content: string, background: string, pattern: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 630" width="1000" height="630">
    <rect width="1000" height="630" rx="40" fill="${background}" stroke="#b9b9b9" stroke-width="3"/>
    ${securityPattern(1000, 630, pattern)}${content}</svg>`
}

function cardBack(doc: DocumentText): DocumentDrawing {
  const content = [
    text(60, 78, 30, '個人番号'),
    text(60, 150, 62, grouped(doc.printed), MONO, '#111', 'letter-spacing="3"'),
    text(60, 250, 26, '氏名'),
    text(150, 250, 34, oneOf(NAMES, doc.pick)),
    text(60, 310, 26, '生年月日'),
    text(200, 310, 28, birthDate(doc.pick)),
    `<rect x="70" y="380" width="130" height="100" rx="14" fill="#d6b35a" stroke="#8c7330"/>`,
    codeBlock(700, 250, 230, doc.pick),
    text(60, 580, 20, 'この面は、番号を確認するときのみご使用ください。', JAPANESE, '#555'),
  ].join('')
  return { svg: card(content, oneOf(PALE, doc.pick), '#efd9de'), width: 1000, height: 630, numberBox: { x: 60, y: 100, width: 560, height: 64 } }
}

function noticeCard(doc: DocumentText): DocumentDrawing {
  const content = [
    `<rect x="0" y="0" width="1000" height="90" fill="#cfe6cf"/>`,
    text(380, 62, 40, '通知カード', JAPANESE, '#1f4d1f'),
    text(60, 160, 26, '個人番号'),
    text(220, 165, 50, grouped(doc.printed), MONO, '#111', 'letter-spacing="2"'),
    text(60, 240, 26, '氏名'),
    text(220, 240, 32, oneOf(NAMES, doc.pick)),
    text(60, 310, 26, '住所'),
    text(220, 310, 28, `東京都${address(doc.pick)}`),
    text(60, 380, 26, '生年月日'),
    text(220, 380, 28, birthDate(doc.pick)),
    text(60, 520, 24, `令和 ${1 + Math.floor(doc.pick() * 6)}年 ${1 + Math.floor(doc.pick() * 12)}月 1日 発行`, JAPANESE, '#444'),
    text(640, 520, 28, `${oneOf(TOWNS, doc.pick).slice(0, 4)}長`, JAPANESE, '#444'),
  ].join('')
  return { svg: card(content, '#eef6ea', '#d6e9d0'), width: 1000, height: 630, numberBox: { x: 220, y: 120, width: 520, height: 54 } }
}

function cardFront(doc: DocumentText): DocumentDrawing {
  const content = [
    text(60, 70, 28, '個人番号カード', JAPANESE, '#2d4a7a'),
    text(60, 140, 24, '氏名'),
    text(140, 140, 36, oneOf(NAMES, doc.pick)),
    text(60, 210, 24, '住所'),
    text(140, 210, 26, address(doc.pick)),
    text(60, 280, 24, '生年月日'),
    text(190, 280, 26, birthDate(doc.pick)),
    text(470, 280, 24, '性別 男'),
    text(60, 350, 24, `${2030 + Math.floor(doc.pick() * 8)}年 ${1 + Math.floor(doc.pick() * 12)}月 ${10 + Math.floor(doc.pick() * 18)}日まで有効`),
    `<rect x="700" y="110" width="240" height="300" fill="#cfd6df"/>`,
    `<circle cx="820" cy="220" r="62" fill="#9aa6b5"/><rect x="730" y="300" width="180" height="110" rx="80" fill="#9aa6b5"/>`,
    text(60, 560, 22, '臓器提供意思', JAPANESE, '#555'),
    text(760, 560, 26, String(1000 + Math.floor(doc.pick() * 9000)), MONO, '#333'),
  ].join('')
  return { svg: card(content, oneOf(PALE, doc.pick), '#dfe5ef'), width: 1000, height: 630, numberBox: { x: 60, y: 110, width: 560, height: 60 } }
}

/** An A4 page: the fields in a ruled table, the codes printed plain (no grouping), as most town halls print them. */
function residenceRecord(doc: DocumentText): DocumentDrawing {
  const rows: [string, string, string?][] = [
    ['氏名', oneOf(NAMES, doc.pick)],
    ['生年月日', birthDate(doc.pick)],
    ['性別', '男'],
    ['住所', `東京都${address(doc.pick)}`],
    ['住民となった日', `平成${10 + Math.floor(doc.pick() * 20)}年 ${1 + Math.floor(doc.pick() * 12)}月 ${1 + Math.floor(doc.pick() * 28)}日`],
    ['住民票コード', doc.residentCode, MONO],
    ['個人番号', doc.printed, MONO],
    ['世帯主', oneOf(NAMES, doc.pick)],
    ['続柄', '本人'],
  ]
  const top = 260
  const height = 76
  const table = rows
    .map(([label, value, font], index) => {
      const y = top + index * height
      return `<rect x="80" y="${y}" width="840" height="${height}" fill="none" stroke="#444" stroke-width="2"/>
        <line x1="330" y1="${y}" x2="330" y2="${y + height}" stroke="#444" stroke-width="2"/>
        ${text(100, y + 48, 26, label)}${text(360, y + 50, font ? 32 : 28, value, font ?? JAPANESE, '#111')}`
    })
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1414" width="1000" height="1414">
    <rect width="1000" height="1414" fill="#fefefe"/>
    ${text(430, 140, 56, '住 民 票')}${text(700, 210, 22, `第 ${10000 + Math.floor(doc.pick() * 89999)} 号`)}
    ${table}
    ${text(80, 1090, 24, 'この写しは、住民票の原本と相違ないことを証明する。')}
    ${text(80, 1150, 24, `令和 ${1 + Math.floor(doc.pick() * 6)}年 ${1 + Math.floor(doc.pick() * 12)}月 ${1 + Math.floor(doc.pick() * 28)}日`)}
    ${text(600, 1230, 30, `${oneOf(TOWNS, doc.pick).slice(0, 4)}長`)}
    <rect x="820" y="1190" width="90" height="90" fill="none" stroke="#c33" stroke-width="5"/></svg>`
  return { svg, width: 1000, height: 1414, numberBox: { x: 360, y: top + 6 * height + 14, width: 300, height: 46 } }
}

export function drawDocument(kind: DocumentKind, doc: DocumentText): DocumentDrawing {
  if (kind === 'card-back') return cardBack(doc)
  if (kind === 'notice-card') return noticeCard(doc)
  if (kind === 'card-front') return cardFront(doc)
  return residenceRecord(doc)
}
