import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { keysBesideBlobsWarning, loadSecrets, parseKeks } from './keys.ts'

const dirs: string[] = []
async function tempDataDir() {
  const dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'bango-keys-')), 'data')
  dirs.push(path.dirname(dir))
  return dir
}
afterEach(async () => { await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true }))) })

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
    const config = loadConfig({ DATA_DIR: await tempDataDir(), BANGO_KEKS: `k:${key()}`, BANGO_JWT_SECRET: key(), BANGO_NUMBER_HMAC_KEY: randomBytes(16).toString('base64') })
    await expect(loadSecrets(config)).rejects.toThrow(/BANGO_NUMBER_HMAC_KEY/)
  })

  it('refuses malformed keys with a message naming the setting, never the key', () => {
    const short = randomBytes(16).toString('base64')
    for (const spec of [`k:${short}`, `:${key()}`, 'k', `bad id:${key()}`]) {
      expect(() => parseKeks(spec)).toThrow(/BANGO_KEKS/)
      try { parseKeks(spec) } catch (error) { expect((error as Error).message).not.toContain(short) }
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

describe('keysBesideBlobsWarning', () => {
  it('warns in production when any key comes from keys.json, never for the embedded demo', () => {
    const all = { keks: 'k', jwtSecret: 'j', numberHmacKey: 'n' }
    expect(keysBesideBlobsWarning({ databaseUrl: undefined, keks: undefined, jwtSecret: undefined, numberHmacKey: undefined })).toBeNull()
    expect(keysBesideBlobsWarning({ databaseUrl: 'postgresql://db/bango', ...all })).toBeNull()
    expect(keysBesideBlobsWarning({ databaseUrl: 'postgresql://db/bango', ...all, numberHmacKey: undefined })).toMatch(/keys.json/)
  })
})
