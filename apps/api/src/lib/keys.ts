/**
 * The server's secrets: key-encryption keys (KEKs) for the blob envelopes, the JWT secret and the
 * HMAC key of the My Number hash (duplicates across persons are found without decrypting).
 * From config on PostgreSQL (config.ts refuses to start without them); the embedded default
 * generates them once into DATA_DIR/keys.json (0600).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

export interface Keyring {
  /** Wraps every new data key. */
  activeKeyId: string
  /** Every key that may still unwrap an existing blob. */
  keys: ReadonlyMap<string, Buffer>
}

export interface Secrets {
  keyring: Keyring
  jwtSecret: Uint8Array
  /** Keys the HMAC-SHA256 of recorded numbers: its own key, so that no other secret's leak reveals them. */
  numberHmacKey: Buffer
}

export function parseKeks(spec: string): Keyring {
  const entries = spec.split(',').map((part) => {
    const [id, material] = part.trim().split(':')
    const key = Buffer.from(material ?? '', 'base64')
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      throw new Error('BANGO_KEKS: expected "id:base64(32 bytes)" entries separated by commas')
    }
    return [id, key] as const
  })
  return { activeKeyId: entries[0]![0], keys: new Map(entries) }
}

export function parseJwtSecret(value: string): Uint8Array {
  const secret = Buffer.from(value, 'base64')
  if (secret.length < 32) throw new Error('BANGO_JWT_SECRET: expected base64 of at least 32 bytes')
  return secret
}

export function parseNumberHmacKey(value: string): Buffer {
  const key = Buffer.from(value, 'base64')
  if (key.length < 32) throw new Error('BANGO_NUMBER_HMAC_KEY: expected base64 of at least 32 bytes')
  return key
}

/** The environment variables holding the secrets, in the order `pnpm keys:generate` prints them. */
export const KEY_VARIABLES = ['BANGO_KEKS', 'BANGO_JWT_SECRET', 'BANGO_NUMBER_HMAC_KEY'] as const
export type KeyVariable = (typeof KEY_VARIABLES)[number]

/** Each variable's parser: config.ts validates with the same code that later uses the value. */
export const keyParsers: Record<KeyVariable, (value: string) => unknown> = {
  BANGO_KEKS: parseKeks,
  BANGO_JWT_SECRET: parseJwtSecret,
  BANGO_NUMBER_HMAC_KEY: parseNumberHmacKey,
}

/** A fresh set: 32 random bytes each, the KEK under a new id (its creation time, so a rotation's ids sort). */
export function generateKeySet(now = new Date()): Record<KeyVariable, string> {
  return {
    BANGO_KEKS: `k${now.getTime().toString(36)}:${randomBytes(32).toString('base64')}`,
    BANGO_JWT_SECRET: randomBytes(32).toString('base64'),
    BANGO_NUMBER_HMAC_KEY: randomBytes(32).toString('base64'),
  }
}

interface StoredKeys {
  keks: string
  jwtSecret: string
  numberHmacKey?: string
}

/** Writes keys.json whole (temporary file, then rename), never readable by others. */
async function writeKeysFile(file: string, stored: StoredKeys, flag: 'wx' | 'w') {
  if (flag === 'wx') return fs.writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600, flag })
  const temporary = `${file}.${process.pid}.tmp`
  await fs.writeFile(temporary, JSON.stringify(stored, null, 2), { mode: 0o600, flag: 'wx' })
  await fs.rename(temporary, file)
}

/** Where the keys come from, as config.ts read them: configured values, else DATA_DIR/keys.json. */
export interface KeySources {
  keks: string | undefined
  jwtSecret: string | undefined
  numberHmacKey: string | undefined
  /** Set (PostgreSQL): the keys come from configuration only. */
  databaseUrl: string | undefined
  dataDir: string
}

/**
 * Keys from config, or from (created on first use) DATA_DIR/keys.json; `createdFile` says whether
 * it was just written. Never keys.json on PostgreSQL: each instance would make its own.
 */
export async function loadSecrets(sources: KeySources): Promise<{ secrets: Secrets; createdFile: string | null }> {
  if (sources.keks && sources.jwtSecret && sources.numberHmacKey) {
    return {
      secrets: { keyring: parseKeks(sources.keks), jwtSecret: parseJwtSecret(sources.jwtSecret), numberHmacKey: parseNumberHmacKey(sources.numberHmacKey) },
      createdFile: null,
    }
  }
  if (sources.databaseUrl) throw new Error('With DATABASE_URL the keys come from configuration only (config.ts refuses to start without them)')
  const file = path.join(sources.dataDir, 'keys.json')
  let createdFile: string | null = null
  let stored: StoredKeys
  try {
    stored = JSON.parse(await fs.readFile(file, 'utf8'))
    // A keys.json from before the number hash gains its key once; the others stay as they are.
    if (!stored.numberHmacKey) {
      stored = { ...stored, numberHmacKey: randomBytes(32).toString('base64') }
      await writeKeysFile(file, stored, 'w')
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    const fresh = generateKeySet()
    stored = { keks: fresh.BANGO_KEKS, jwtSecret: fresh.BANGO_JWT_SECRET, numberHmacKey: fresh.BANGO_NUMBER_HMAC_KEY }
    await fs.mkdir(sources.dataDir, { recursive: true, mode: 0o700 })
    await writeKeysFile(file, stored, 'wx')
    createdFile = file
  }
  return {
    secrets: {
      keyring: parseKeks(sources.keks ?? stored.keks),
      jwtSecret: parseJwtSecret(sources.jwtSecret ?? stored.jwtSecret),
      numberHmacKey: parseNumberHmacKey(sources.numberHmacKey ?? stored.numberHmacKey ?? ''),
    },
    createdFile,
  }
}
