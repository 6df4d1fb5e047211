/** Serves the built SPA: its files by name, and index.html for every other non-API GET (client-side routes). */
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../errors.ts'

export default fp(async function webApp(app: FastifyInstance, options: { root: string }) {
  if (!fs.existsSync(path.join(options.root, 'index.html'))) {
    app.log.warn({ root: options.root }, 'SPA build not found: run `pnpm build` (pnpm start does), or point WEB_DIST at it')
    return
  }
  // wildcard: false registers one route per file present at start-up; nothing else is read from disk.
  await app.register(fastifyStatic, { root: options.root, wildcard: false, index: false })
  app.get('/*', async (request, reply) => {
    if (request.url.startsWith('/api/')) throw new AppError('NOT_FOUND')
    return reply.type('text/html; charset=utf-8').sendFile('index.html')
  })
})
