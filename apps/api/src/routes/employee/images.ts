/**
 * One captured image per request, multipart: the text fields (role, slot, side, type) first,
 * then one `file`. The target is checked before the file is read; the bytes go straight
 * from the request stream into memory (bounded by the size limit) and out encrypted.
 */
import { NUMBER_DOCUMENT_TYPES } from '@bango/shared/documents'
import {
  type ImageFields,
  backAbsenceRequestSchema,
  draftResponseSchema,
  imageFieldsSchema,
  imageResponseSchema,
  numberCheckRequestSchema,
  numberCheckResponseSchema,
  numberReadResponseSchema,
} from '@bango/shared/employee-api'
import type { ValidationDetail } from '@bango/shared/field-errors'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../../errors.ts'
import { killPoint } from '../../lib/kill-points.ts'
import multipart from '../../plugins/external/multipart.ts'
import { logSensitiveRead } from '../../lib/security-events.ts'
import { route } from '../route.ts'

function fieldValues(file: MultipartFile): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [name, entry] of Object.entries(file.fields)) {
    const part = Array.isArray(entry) ? entry[0] : entry
    if (part && part.type === 'field') values[name] = part.value
  }
  return values
}

/** What the fields' schema cannot say: which document types each role takes. */
function checkImageFields(fields: ImageFields) {
  const isNumberType = (NUMBER_DOCUMENT_TYPES as readonly string[]).includes(fields.type)
  if (fields.role === 'number' && (fields.slot !== 0 || !isNumberType)) {
    throw new AppError('VALIDATION', { details: [{ path: 'type', code: 'invalid', message: 'not a number document' } satisfies ValidationDetail] })
  }
  if (fields.role === 'identity' && fields.type === 'my_number_card') {
    throw new AppError('VALIDATION', { details: [{ path: 'type', code: 'invalid', message: 'not an identity document' } satisfies ValidationDetail] })
  }
  return fields
}

/** A body the multipart parser cannot read (no boundary, truncated…) is the client's fault, not ours. */
async function multipartRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode
    if (error instanceof AppError || (status !== undefined && status < 500)) throw error
    throw new AppError('VALIDATION', { message: 'unreadable multipart body', cause: error })
  }
}

/**
 * The file as the network delivered it, in chunks: joining 10 MB here would copy it on the
 * server's thread and leave the garbage to a major GC; the image child joins them (ADR 026).
 */
async function fileChunks(file: MultipartFile): Promise<Buffer[]> {
  const chunks: Buffer[] = []
  for await (const chunk of file.file) chunks.push(chunk as Buffer)
  if (file.file.truncated) throw new AppError('FILE_TOO_LARGE')
  return chunks
}

export default async function images(app: FastifyInstance, options: { perMinute: number }) {
  // The upload is the one multipart body: registered here, the parser's request hooks (a listener
  // on every answer, a clean-up after it) run for the image routes only, not for every request.
  await app.register(multipart)
  const { drafts, numberReads } = app.services

  route(
    app,
    {
      method: 'POST',
      url: '/persons/:personId/images',
      summary: 'Upload one document image (fields first, then `file`)',
      body: imageFieldsSchema,
      multipart: true,
      response: imageResponseSchema,
      status: 201,
      config: { rateLimit: { max: options.perMinute, timeWindow: '1 minute' } },
    },
    async ({ params: { personId }, body }, request, reply) => {
      if (!request.isMultipart()) throw new AppError('VALIDATION', { message: 'send the image as multipart/form-data' })
      const file = await multipartRead(() => request.file())
      if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION', { message: 'no file field' })
      try {
        const fields = checkImageFields(body(fieldValues(file)))
        await drafts.checkTarget(request.employee, personId, fields)
        const chunks = await multipartRead(() => fileChunks(file))
        killPoint('upload.received')
        const stored = await drafts.store(request.employee, personId, fields, chunks)
        app.metrics.uploadBytes.inc(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
        return reply.send(stored)
      } finally {
        file.file.resume() // drain whatever was not read, so a refused upload cannot stall the connection
      }
    },
  )

  // What a resumed wizard needs: which images were already sent, and a small copy of each.
  route(
    app,
    { method: 'GET', url: '/persons/:personId/draft', summary: 'The images already sent for a person still being done', response: draftResponseSchema },
    async ({ params }, request) => drafts.images(request.employee, params.personId),
  )

  route(
    app,
    {
      method: 'PUT',
      url: '/persons/:personId/draft/back-absence',
      summary: '「うら面はありません」 for a document of the draft (kept for a resume on another device)',
      body: backAbsenceRequestSchema,
      status: 204,
    },
    async ({ params, body }, request, reply) => {
      await drafts.declareBackAbsence(request.employee, params.personId, body())
      return reply.send()
    },
  )

  route(
    app,
    { method: 'GET', url: '/persons/:personId/images/:imageId', summary: 'A small JPEG copy of an image of the draft (never cached)' },
    async ({ params: { personId, imageId } }, request, reply) => {
      const jpeg = await drafts.thumbnail(request.employee, personId, imageId)
      logSensitiveRead(request, { resource: 'draft_thumbnail', documentId: imageId })
      // private + no-store: neither the browser nor any proxy keeps a copy.
      return reply.header('cache-control', 'no-store, private').header('content-type', 'image/jpeg').send(jpeg)
    },
  )

  // Whether the number could be read off an image just sent (the preview advises a retake when not); never the number.
  route(
    app,
    {
      method: 'GET',
      url: '/persons/:personId/images/:imageId/number-read',
      summary: 'Whether the number could be read off an image just sent (never the number)',
      response: numberReadResponseSchema,
    },
    async ({ params }, request) => numberReads.state(request.employee, params.personId, params.imageId),
  )

  // A typed number against the photo's: a slip shows at once, before 「登録する」.
  route(
    app,
    {
      method: 'POST',
      url: '/persons/:personId/number-check',
      summary: 'A typed number against the one read off the photos',
      body: numberCheckRequestSchema,
      response: numberCheckResponseSchema,
    },
    async ({ params, body }, request) => {
      const { myNumber } = body()
      return numberReads.check(request.employee, params.personId, myNumber)
    },
  )
}
