/**
 * The OpenAPI document as the routes make it, without a database or keys: the app is built on
 * inert dependencies (nothing is called at registration) and never listens. `pnpm openapi`
 * writes it to docs/openapi.json; openapi.test.ts fails when that file differs.
 */
import { randomBytes } from 'node:crypto'
import { build } from '../app.ts'
import type { Db } from '../db/types.ts'
import type { BlobStore } from '../lib/blob-store.ts'
import { parseKeks } from '../lib/keys.ts'

const unused = () => {
  throw new Error('the OpenAPI document is built without a database or blob store')
}

export async function openapiDocument(): Promise<unknown> {
  const app = await build({
    db: new Proxy({}, { get: unused }) as Db,
    blobs: { put: unused, get: unused, delete: unused, list: unused, removeIncomplete: unused } as BlobStore,
    secrets: { keyring: parseKeks(`docs:${randomBytes(32).toString('base64')}`), jwtSecret: randomBytes(32), numberHmacKey: randomBytes(32) },
  })
  try {
    await app.ready()
    return app.swagger()
  } finally {
    await app.close()
  }
}

/** The committed form: stable key order as built, two-space indentation, a final newline. */
export const serializeDocument = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`
