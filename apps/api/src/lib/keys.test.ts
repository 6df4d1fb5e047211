import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.ts'
import { KEY_VARIABLES, generateKeySet, loadSecrets, parseKeks } from './keys.ts'

const dirs: string[] = []
async function tempDataDir() {
  const dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'bango-keys-')), 'data')
  dirs.push(path.dirname(dir))
  return dir
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })))
})

const key = () => randomBytes(32).toString('base64')

describe('loadSecrets', () => {
  it('generates keys once into DATA_DIR/keys.json with mode 0600, then reuses them', async () => {
    const dataDir = await tempDataDir()
    const config = loadConfig({ DATA_DIR: dataDir })
    const first = await loadSecrets(config)
    expect(first.createdFile).toBe(path.join(dataDir, 'keys.json'))
    expect((await fs.stat(first.createdFile!)).mode & 0o777).toBe(0o600)
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700)
    const second = await loadSecrets(config)
    expect(second.createdFile).toBeNull()
    expect(second.secrets.keyring.activeKeyId).toBe(first.secrets.keyring.activeKeyId)
    expect(Buffer.from(second.secrets.jwtSecret)).toEqual(Buffer.from(first.secrets.jwtSecret))
  })

  it('takes keys from configuration and writes nothing', async () => {
    const dataDir = await tempDataDir()
    const hmacKey = key()
    const config = loadConfig({ DATA_DIR: dataDir, BANGO_KEKS: `new:${key()},old:${key()}`, BANGO_JWT_SECRET: key(), BANGO_NUMBER_HMAC_KEY: hmacKey })
    const { secrets, createdFile } = await loadSecrets(config)
    expect(createdFile).toBeNull()
    expect(secrets.numberHmacKey.toString('base64')).toBe(hmacKey)
    expect(secrets.keyring.activeKeyId).toBe('new')
    expect([...secrets.keyring.keys.keys()]).toEqual(['new', 'old'])
    await expect(fs.stat(dataDir)).rejects.toThrow()
  })

  it('generates the number HMAC key with the others, and adds it to a keys.json written before it existed (still 0600)', async () => {
    const dataDir = await tempDataDir()
    const config = loadConfig({ DATA_DIR: dataDir })
    const fresh = await loadSecrets(config)
    expect(fresh.secrets.numberHmacKey.length).toBe(32)
    const file = fresh.createdFile!
    const { numberHmacKey: _dropped, ...older } = JSON.parse(await fs.readFile(file, 'utf8'))
    await fs.writeFile(file, JSON.stringify(older), { mode: 0o600 })
    const upgraded = await loadSecrets(config)
    expect(upgraded.createdFile).toBeNull()
    const stored = JSON.parse(await fs.readFile(file, 'utf8'))
    expect(Buffer.from(stored.numberHmacKey, 'base64')).toEqual(upgraded.secrets.numberHmacKey)
    expect(upgraded.secrets.numberHmacKey.length).toBe(32)
    expect(stored.keks).toBe(older.keks)
    expect(stored.jwtSecret).toBe(older.jwtSecret)
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
    expect(await fs.readdir(dataDir)).toEqual(['keys.json'])
    // Read again: the key stays the same (duplicates found yesterday are found today).
    expect((await loadSecrets(config)).secrets.numberHmacKey).toEqual(upgraded.secrets.numberHmacKey)
  })

  it('refuses a short number HMAC key, naming the setting', async () => {
    const env = { DATA_DIR: await tempDataDir(), BANGO_KEKS: `k:${key()}`, BANGO_JWT_SECRET: key(), BANGO_NUMBER_HMAC_KEY: randomBytes(16).toString('base64') }
    expect(() => loadConfig(env)).toThrow(/BANGO_NUMBER_HMAC_KEY: expected base64 of at least 32 bytes/)
  })

  it('refuses malformed keys with a message naming the setting, never the key', () => {
    const short = randomBytes(16).toString('base64')
    for (const spec of [`k:${short}`, `:${key()}`, 'k', `bad id:${key()}`]) {
      expect(() => parseKeks(spec)).toThrow(/BANGO_KEKS/)
      try {
        parseKeks(spec)
      } catch (error) {
        expect((error as Error).message).not.toContain(short)
      }
    }
  })
})

describe('loadConfig', () => {
  it('applies defaults and refuses invalid values with every problem named', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: '127.0.0.1', publicUrl: 'http://localhost:3000', databaseUrl: undefined })
    expect(loadConfig({ PORT: '8080', PUBLIC_URL: 'https://bango.example.jp/' }).publicUrl).toBe('https://bango.example.jp')
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'maybe' })).toThrow(/PORT.*DATABASE_URL.*TRUST_PROXY/)
  })
})

describe('keys on PostgreSQL', () => {
  const database = { DATABASE_URL: 'postgresql://db.internal/bango' }

  it('refuses to start without configured keys, naming each missing one and how to make them', () => {
    expect(() => loadConfig(database)).toThrow(ConfigError)
    expect(() => loadConfig(database)).toThrow(/missing BANGO_KEKS, BANGO_JWT_SECRET, BANGO_NUMBER_HMAC_KEY\. `pnpm keys:generate`/)
    const { BANGO_NUMBER_HMAC_KEY: _left, ...twoOfThree } = generateKeySet()
    expect(() => loadConfig({ ...database, ...twoOfThree })).toThrow(/missing BANGO_NUMBER_HMAC_KEY\./)
  })

  it('accepts a generated set, which loadSecrets then uses without writing keys.json', async () => {
    const dataDir = await tempDataDir()
    const set = generateKeySet()
    expect(Object.keys(set)).toEqual([...KEY_VARIABLES])
    const config = loadConfig({ ...database, DATA_DIR: dataDir, ...set })
    const { secrets, createdFile } = await loadSecrets(config)
    expect(createdFile).toBeNull()
    expect(secrets.keyring.activeKeyId).toBe(set.BANGO_KEKS.split(':')[0])
    expect(Buffer.from(secrets.jwtSecret).toString('base64')).toBe(set.BANGO_JWT_SECRET)
    expect(secrets.numberHmacKey.toString('base64')).toBe(set.BANGO_NUMBER_HMAC_KEY)
    await expect(fs.stat(dataDir)).rejects.toThrow()
    // Two sets never share a key.
    const other = generateKeySet()
    for (const name of KEY_VARIABLES) expect(other[name]).not.toBe(set[name])
  })

  it('refuses invalid keys at configuration time with the variable named, never the value', () => {
    const short = randomBytes(16).toString('base64')
    const invalid = { BANGO_KEKS: `k1:${short}`, BANGO_JWT_SECRET: short, BANGO_NUMBER_HMAC_KEY: 'not base64 at all' }
    for (const env of [{ ...database, ...invalid }, invalid]) {
      let message = ''
      try {
        loadConfig(env)
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(
        /BANGO_KEKS: expected "id:base64\(32 bytes\)".*BANGO_JWT_SECRET: expected base64 of at least 32 bytes.*BANGO_NUMBER_HMAC_KEY: expected base64/,
      )
      expect(message).not.toContain(short)
    }
  })

  it('never falls back to keys.json when called with a database URL', async () => {
    const config = { ...loadConfig({ DATA_DIR: await tempDataDir() }), databaseUrl: 'postgresql://db.internal/bango' }
    await expect(loadSecrets(config)).rejects.toThrow(/configuration only/)
  })
})
