/**
 * One captured image per request, multipart: the text fields (role, slot, side, type) first,
 * then one `file`. The target is checked before the file is read; the bytes go straight
 * from the request stream into memory (bounded by the size limit) and out encrypted.
 */
import { NUMBER_DOCUMENT_TYPES } from '@bango/shared/documents'
import { backAbsenceRequestSchema, imageFieldsSchema, numberCheckRequestSchema } from '@bango/shared/employee-api'
import type { ValidationDetail } from '@bango/shared/field-errors'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../../errors.ts'
import { killPoint } from '../../lib/kill-points.ts'
import { parse } from '../../lib/parse.ts'
import { logSensitiveRead } from '../../lib/security-events.ts'
import { z } from 'zod'
import { personParamsSchema } from './persons.ts'

const imageParamsSchema = personParamsSchema.extend({ imageId: z.uuid() })

function fieldValues(file: MultipartFile): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [name, entry] of Object.entries(file.fields)) {
    const part = Array.isArray(entry) ? entry[0] : entry
    if (part && part.type === 'field') values[name] = part.value
  }
  return values
}

function parseImageFields(file: MultipartFile) {
  const fields = parse(imageFieldsSchema, fieldValues(file))
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
  const { drafts, numberReads } = app.services

  app.post('/persons/:personId/images', { config: { rateLimit: { max: options.perMinute, timeWindow: '1 minute' } } }, async (request, reply) => {
    const { personId } = parse(personParamsSchema, request.params)
    if (!request.isMultipart()) throw new AppError('VALIDATION', { message: 'send the image as multipart/form-data' })
    const file = await multipartRead(() => request.file())
    if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION', { message: 'no file field' })
    try {
      const fields = parseImageFields(file)
      await drafts.checkTarget(request.employee, personId, fields)
      const chunks = await multipartRead(() => fileChunks(file))
      killPoint('upload.received')
      const stored = await drafts.store(request.employee, personId, fields, chunks)
      app.metrics.uploadBytes.inc(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
      return reply.status(201).send(stored)
    } finally {
      file.file.resume() // drain whatever was not read, so a refused upload cannot stall the connection
    }
  })

  // What a resumed wizard needs: which images were already sent, and a small copy of each.
  app.get('/persons/:personId/draft', async (request) => {
    const { personId } = parse(personParamsSchema, request.params)
    return drafts.images(request.employee, personId)
  })

  app.put('/persons/:personId/draft/back-absence', async (request, reply) => {
    const { personId } = parse(personParamsSchema, request.params)
    await drafts.declareBackAbsence(request.employee, personId, parse(backAbsenceRequestSchema, request.body))
    return reply.code(204).send()
  })

  app.get('/persons/:personId/images/:imageId', async (request, reply) => {
    const { personId, imageId } = parse(imageParamsSchema, request.params)
    const jpeg = await drafts.thumbnail(request.employee, personId, imageId)
    logSensitiveRead(request, { resource: 'draft_thumbnail', documentId: imageId })
    // private + no-store: neither the browser nor any proxy keeps a copy.
    return reply.header('cache-control', 'no-store, private').header('content-type', 'image/jpeg').send(jpeg)
  })

  // Whether the number could be read off an image just sent (the preview advises a retake when not); never the number.
  app.get('/persons/:personId/images/:imageId/number-read', async (request) => {
    const { personId, imageId } = parse(imageParamsSchema, request.params)
    return numberReads.state(request.employee, personId, imageId)
  })

  // A typed number against the photo's: a slip shows at once, before 「登録する」.
  app.post('/persons/:personId/number-check', async (request) => {
    const { personId } = parse(personParamsSchema, request.params)
    const { myNumber } = parse(numberCheckRequestSchema, request.body)
    return numberReads.check(request.employee, personId, myNumber)
  })
}
