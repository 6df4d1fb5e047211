/** Multipart uploads with explicit limits: one file, a few short fields, nothing buffered to disk. */
import multipart from '@fastify/multipart'
import { IMAGE_LIMITS } from '@bango/shared/employee-api'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export default fp(async function multipartUploads(app: FastifyInstance) {
  await app.register(multipart, {
    limits: { fileSize: IMAGE_LIMITS.maxBytes, files: 1, fields: 8, fieldSize: 200, parts: 9, headerPairs: 50 },
    throwFileSizeLimit: true,
  })
})
