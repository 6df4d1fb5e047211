/**
 * The one error handler: AppError → its status and message; a framework 4xx (bad JSON,
 * oversized body, multipart limits…) → the matching AppError; anything else → 500 with a
 * generic message, logged with the request context but never sent to the client. Every body
 * carries the request id (lib/request-id.ts).
 */
import type { ErrorBody } from '@bango/shared/errors'
import type { FastifyError, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../../errors.ts'
import { REQUEST_ID_HEADER } from '../../lib/request-id.ts'
import { refusalEvent } from '../../lib/security-events.ts'

function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error
  const status = error.statusCode ?? 500
  if (error.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('FILE_TOO_LARGE', { cause: error })
  if (status === 429) return new AppError('RATE_LIMITED', { cause: error })
  if (status >= 400 && status < 500) return new AppError('VALIDATION', { cause: error })
  return new AppError('INTERNAL', { cause: error })
}

function errorBody(error: AppError, requestId: string): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }), requestId } }
}

export default fp(async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error)
    if (appError.statusCode >= 500) {
      request.log.error({ err: error, route: request.routeOptions.url, method: request.method }, 'request failed')
    } else {
      // Security-relevant refusals carry their event name (lib/security-events.ts); a lock is a warning.
      const event = refusalEvent(appError.code, appError.statusCode, request.routeOptions.url)
      const fields = { code: appError.code, frameworkCode: (error as FastifyError).code, ...(event ? { event } : {}) }
      if (event === 'authn_login_lock') request.log.warn(fields, 'request refused')
      else request.log.info(fields, 'request refused')
    }
    // Errors raised before the onRequest hooks (an unreadable URL) carry the id too.
    reply.header(REQUEST_ID_HEADER, request.id)
    // A busy server says when to come back (the phone's upload retries on its own).
    if (appError.code === 'SERVER_BUSY') reply.header('Retry-After', '5')
    return reply.status(appError.statusCode).send(errorBody(appError, request.id))
  })
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('NOT_FOUND')
    return reply.status(error.statusCode).send(errorBody(error, request.id))
  })
})
