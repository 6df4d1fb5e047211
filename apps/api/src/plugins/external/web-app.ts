/**
 * Serves the built SPA: its files by name, and index.html for every other non-API GET (client-side routes).
 * The build (apps/web/build/precompress.ts) writes brotli and gzip copies beside each asset; the
 * one the browser accepts is sent as is. Vite names every file under /assets by a hash of its
 * content, so those are cached for a year and never revalidated; anything else is revalidated
 * (index.html gets no-store from security-headers.ts: its URL may carry the login token).
 */
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../errors.ts'

const IMMUTABLE = 'public, max-age=31536000, immutable'

export default fp(async function webApp(app: FastifyInstance, options: { root: string }) {
  if (!fs.existsSync(path.join(options.root, 'index.html'))) {
    app.log.warn({ root: options.root }, 'SPA build not found: run `pnpm build` (pnpm start does), or point WEB_DIST at it')
    return
  }
  const assets = path.join(path.resolve(options.root), 'assets') + path.sep
  // wildcard: false registers one route per file present at start-up; nothing else is read from disk.
  // The .br/.gz copies get no route of their own: they are only chosen by Accept-Encoding.
  await app.register(fastifyStatic, {
    root: options.root,
    wildcard: false,
    index: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('Cache-Control', path.resolve(file).startsWith(assets) ? IMMUTABLE : 'no-cache')
    },
  })
  app.get('/*', async (request, reply) => {
    if (request.url.startsWith('/api/')) throw new AppError('NOT_FOUND')
    return reply.type('text/html; charset=utf-8').sendFile('index.html')
  })
})
