/** Wires the domain services together; decorated on the Fastify instance as `app.services`. */
import type { Db } from './db/types.ts'
import { createAuditLog } from './domain/audit.ts'
import { createConsents } from './domain/consents.ts'
import { createCredentials } from './domain/credentials.ts'
import { createDrafts } from './domain/drafts.ts'
import { createHandoffs } from './domain/handoffs.ts'
import { createPersons } from './domain/persons.ts'
import { createSessions } from './domain/sessions.ts'
import { createSubmissions } from './domain/submissions.ts'
import type { BlobStore } from './lib/blob-store.ts'
import type { Secrets } from './lib/keys.ts'

export interface ServiceDeps {
  db: Db
  blobs: BlobStore
  secrets: Secrets
  now?: () => Date
}

export function createServices({ db, blobs, secrets, now = () => new Date() }: ServiceDeps) {
  const audit = createAuditLog(db)
  const drafts = createDrafts(db, blobs, secrets.keyring, audit)
  const credentials = createCredentials(db, audit, now)
  return {
    audit,
    drafts,
    credentials,
    handoffs: createHandoffs(db, credentials, audit, now),
    sessions: createSessions(secrets.jwtSecret, now),
    consents: createConsents(db, audit),
    persons: createPersons(db, drafts, audit),
    submissions: createSubmissions(db, audit),
    health: { check: async () => void (await db.$queryRaw`SELECT 1`) },
  }
}
export type Services = ReturnType<typeof createServices>
