/**
 * Import of employees and dependents from CSV, and its template.
 *   POST /campaigns/:campaignId/import?dryRun=true|false  body: the file's raw bytes
 *     (Content-Type text/csv or application/octet-stream, at most IMPORT_MAX_BYTES)
 *     → 200 importResponseSchema. dryRun=true answers 200 even when the file has errors
 *       (they are the preview); dryRun=false with errors → 422 IMPORT_INVALID, `details`
 *       holding the same importResponseSchema body, and nothing is written.
 *   GET /import-template.csv → the header and two example rows, UTF-8 with a BOM (for Excel).
 * Operators and administrators of the campaign's company; anyone else gets NOT_FOUND.
 * IMPORT_PER_MINUTE imports and previews per operator, counted before the body is read: each
 * one costs a thread and seconds of the database (429 RATE_LIMITED past it).
 */
import { IMPORT_MAX_BYTES, IMPORT_PER_MINUTE, importResponseSchema } from '@bango/shared/admin-import'
import { type CsvRow, IMPORT_TEMPLATE_CSV } from '@bango/shared/csv-formats'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import { AppError } from '../../errors.ts'
import { route } from '../route.ts'

const querySchema = z.object({ dryRun: z.enum(['true', 'false']).default('true') })
const CSV_TYPES = ['text/csv', 'application/octet-stream']
/** How long the connection may stay silent while the server checks or writes an imported file. */
const IMPORT_WORK_MS = 180_000
const wrongType = () => new AppError('VALIDATION', { message: `Send the file as one of ${CSV_TYPES.join(', ')}.` })

const TEMPLATE_ROWS: CsvRow<typeof IMPORT_TEMPLATE_CSV.columns>[] = [
  {
    社員番号: '000123',
    氏名: '山田 太郎',
    フリガナ: 'ヤマダ タロウ',
    生年月日: '1980-04-01',
    続柄: '本人',
    メールアドレス: 'taro.yamada@example.co.jp',
    扶養者の社員番号: '',
    郵便番号: '100-0001',
    住所: '東京都千代田区千代田 1-1',
  },
  {
    社員番号: '',
    氏名: '山田 花子',
    フリガナ: 'ヤマダ ハナコ',
    生年月日: '1982-07-15',
    続柄: '配偶者',
    メールアドレス: '',
    扶養者の社員番号: '000123',
    郵便番号: '',
    住所: '',
  },
]
const TEMPLATE = Buffer.from(IMPORT_TEMPLATE_CSV.file(TEMPLATE_ROWS, 'utf-8').bytes)

/** The file as the network delivered it, in chunks. */
class ReceivedFile {
  readonly chunks: Buffer[]
  constructor(chunks: Buffer[]) {
    this.chunks = chunks
  }
}

/**
 * The body in the chunks it arrived in, at most IMPORT_MAX_BYTES: they go to the import's
 * thread as they are, which joins them — joining 50 MB here took the server's thread 30–100 ms.
 */
async function receiveFile(payload: AsyncIterable<Buffer>): Promise<ReceivedFile> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of payload) {
    bytes += chunk.length
    if (bytes > IMPORT_MAX_BYTES) throw new AppError('FILE_TOO_LARGE', { message: `The file is over ${IMPORT_MAX_BYTES} bytes.` })
    chunks.push(chunk)
  }
  return new ReceivedFile(chunks)
}

export default async function employeeImportRoutes(app: FastifyInstance) {
  const { access, employeeImport } = app.services

  // In this scope only: the body is the file itself, kept as bytes (its encoding is guessed later).
  app.addContentTypeParser(CSV_TYPES, (_request: FastifyRequest, payload: IncomingMessage) => receiveFile(payload))
  app.addContentTypeParser('*', (_request, _payload, done) => done(wrongType()))

  // A route hook, so it runs after the auth gate's: the operator is known, the body not yet read.
  const rateLimit = { max: IMPORT_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => `import:${request.operator.operatorId}` }
  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/import',
      summary: 'Import employees (CSV body); dryRun=true (the default) only previews',
      query: querySchema,
      response: importResponseSchema,
      config: { rateLimit },
    },
    async ({ params, query }, request) => {
      const { dryRun } = query()
      const scope = await access.forCampaign(request.operator, params.campaignId)
      // An empty body skips the parsers (undefined); JSON or text/plain bodies arrive parsed.
      if (request.body !== undefined && !(request.body instanceof ReceivedFile)) throw wrongType()
      const file = request.body?.chunks ?? []
      // The file is in: from here the connection waits on the server's own work (a preview of
      // 200,000 rows takes tens of seconds on a busy host), which the idle timeout must not cut.
      // (An injected request, in the tests, has no socket.)
      request.raw.socket?.setTimeout?.(IMPORT_WORK_MS)
      // No dryRun parameter: a preview, never a write by accident.
      return dryRun === 'true' ? employeeImport.preview(scope, file) : employeeImport.apply(scope, file)
    },
  )

  route(
    app,
    { method: 'GET', url: '/import-template.csv', summary: 'The import template: the header and two example rows, UTF-8 with a BOM' },
    async (_, _request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-template.csv"; filename*=UTF-8''${encodeURIComponent('従業員取込テンプレート.csv')}`)
        .send(TEMPLATE),
  )
}
