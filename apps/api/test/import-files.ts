/**
 * Import files of a chosen size for the liveness test and the bench: employees and dependents
 * pointing at them, every row valid, names padded so the file comes as close to `bytes` as it
 * can (UTF-8, no BOM); and their upload over HTTP.
 */
import { IMPORT_COLUMNS } from '@bango/shared/admin-import'
import http from 'node:http'

const FAMILY = ['髙橋', '山田', '佐藤', '德永', '鈴木', '渡邉'] as const
const FAMILY_KANA = ['タカハシ', 'ヤマダ', 'サトウ', 'トクナガ', 'スズキ', 'ワタナベ'] as const
const RELATIONSHIPS = ['配偶者', '子', '父', '母'] as const

export interface ImportFileShape {
  employees: number
  dependents: number
  /** The size to approach from below. */
  bytes: number
  /** The first `changed` employees get another e-mail address (a re-import's updates). */
  changed?: number
}

function rows({ employees, dependents, changed = 0 }: ImportFileShape, pad: string): string[] {
  // Without the optional postal columns (郵便番号, 住所): seven cells a row.
  const lines = [IMPORT_COLUMNS.filter((column) => column !== '郵便番号' && column !== '住所').join(',')]
  for (let i = 0; i < employees; i++) {
    const family = i % FAMILY.length
    const email = `${i < changed ? 'new.' : ''}e${i}@example.co.jp`
    lines.push(
      `E${String(i).padStart(6, '0')},${FAMILY[family]} 太郎${i}${pad},${FAMILY_KANA[family]} タロウ,${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10},本人,${email},`,
    )
  }
  for (let i = 0; i < dependents; i++) {
    const family = i % FAMILY.length
    const employer = `E${String((i * 2) % employees).padStart(6, '0')}`
    lines.push(
      `,${FAMILY[family]} 花子${i}${pad},${FAMILY_KANA[family]} ハナコ,${1960 + (i % 60)}/${1 + (i % 12)}/${1 + (i % 28)},${RELATIONSHIPS[i % 4]},,${employer}`,
    )
  }
  return lines
}

export function importFile(shape: ImportFileShape): Buffer {
  const count = shape.employees + shape.dependents
  const base = Buffer.byteLength(rows(shape, '').join('\r\n') + '\r\n')
  // 々 is three bytes in UTF-8; each row gets the same number of them.
  const pad = '々'.repeat(Math.max(0, Math.floor((shape.bytes - base) / (3 * count))))
  return Buffer.from(rows(shape, pad).join('\r\n') + '\r\n', 'utf8')
}

/** What the tests read of an answer: the import body, or an error's. */
export interface ImportAnswer {
  applied?: boolean
  summary?: unknown
  errors?: unknown[]
  error?: { code: string }
}

/**
 * POSTs `file` to a listening server as the console does, over HTTP: the body reaches the server
 * in the network's chunks (and this side copies nothing on its thread).
 */
export function postImport(
  port: number,
  headers: Record<string, string>,
  campaignId: string,
  file: Buffer,
  dryRun: boolean,
): Promise<{ statusCode: number; body: string; json: () => ImportAnswer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/admin/campaigns/${campaignId}/import?dryRun=${dryRun}`,
        headers: { ...headers, 'content-type': 'text/csv', 'content-length': file.length },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString()
          resolve({ statusCode: response.statusCode!, body, json: () => JSON.parse(body) })
        })
      },
    )
    request.on('error', reject)
    request.end(file)
  })
}
