import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type BlobStore, createFileBlobStore } from './blob-store.ts'

let root: string
let store: BlobStore

beforeEach(async () => {
  // A parent folder so that a path escaping the store's root would land somewhere we can look.
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-blob-store-'))
  root = path.join(parent, 'blobs')
  store = createFileBlobStore(root)
})
afterEach(async () => {
  await fs.rm(path.dirname(root), { recursive: true, force: true })
})

/** Every file under a folder, relative, recursively (dot files included). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

async function listed(): Promise<string[]> {
  const keys: string[] = []
  for await (const blob of store.list()) keys.push(blob.key)
  return keys.sort()
}

describe('file blob store', () => {
  it('puts, gets, lists and deletes blobs', async () => {
    const a = randomUUID()
    const b = randomUUID()
    await store.put(a, Buffer.from('first'))
    await store.put(b, Buffer.from('second'))
    expect((await store.get(a)).toString()).toBe('first')
    expect((await store.get(b)).toString()).toBe('second')
    expect(await listed()).toEqual([a, b].sort())

    await store.delete(a)
    await expect(store.get(a)).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' })
    expect(await listed()).toEqual([b])
    expect((await store.get(b)).toString()).toBe('second')
  })

  it('lists each blob with the time it was written', async () => {
    const key = randomUUID()
    await store.put(key, Buffer.from('x'))
    const stat = await fs.stat(path.join(root, key.slice(0, 2), `${key}.blob`))
    const entries = []
    for await (const blob of store.list()) entries.push(blob)
    expect(entries).toEqual([{ key, writtenAt: stat.mtime }])
  })

  it('lists nothing when the root does not exist yet', async () => {
    expect(await listed()).toEqual([])
  })

  it('replaces the bytes of an existing key', async () => {
    const key = randomUUID()
    await store.put(key, Buffer.from('old'))
    await store.put(key, Buffer.from('new'))
    expect((await store.get(key)).toString()).toBe('new')
    expect(await filesUnder(root)).toEqual([path.join(key.slice(0, 2), `${key}.blob`)])
  })

  it('writes files readable by the owner only, in owner-only folders', async () => {
    const key = randomUUID()
    await store.put(key, Buffer.from('secret'))
    const file = path.join(root, key.slice(0, 2), `${key}.blob`)
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
    expect((await fs.stat(path.dirname(file))).mode & 0o777).toBe(0o700)
  })

  it('leaves no temporary file behind after a put', async () => {
    const keys = Array.from({ length: 5 }, () => randomUUID())
    await Promise.all(keys.map((key, i) => store.put(key, Buffer.alloc(1024, i))))
    expect(await filesUnder(root)).toEqual(keys.map((key) => path.join(key.slice(0, 2), `${key}.blob`)).sort())
  })

  it('removes the temp files of writes that never finished, once they are older than asked', async () => {
    const key = randomUUID()
    await store.put(key, Buffer.from('kept'))
    // What a process killed between writing and renaming leaves.
    const shard = path.join(root, key.slice(0, 2))
    await fs.writeFile(path.join(shard, `.${randomUUID()}.tmp`), 'half')
    expect(await store.removeIncomplete(new Date(Date.now() - 60_000))).toBe(0)
    expect(await filesUnder(root)).toHaveLength(2)
    expect(await store.removeIncomplete(new Date(Date.now() + 1000))).toBe(1)
    expect(await filesUnder(root)).toEqual([`${key.slice(0, 2)}/${key}.blob`])
    expect(await listed()).toEqual([key])
  })

  it('accepts deleting a key that does not exist', async () => {
    await expect(store.delete(randomUUID())).resolves.toBeUndefined()
  })

  it.each(['../x', '../../etc/passwd', `../${randomUUID()}`, `${randomUUID()}/../x`, '', 'ABCDEF00-0000-4000-8000-000000000000', `${randomUUID()}x`])(
    'refuses the invalid key %j for put, get and delete, touching no file',
    async (key) => {
      const victim = path.join(path.dirname(root), 'x')
      await fs.writeFile(victim, 'outside')
      // Call through a promise so that a synchronous throw and a rejection are both caught.
      const attempt = (run: () => Promise<unknown>) => Promise.resolve().then(run)
      await expect(attempt(() => store.put(key, Buffer.from('evil')))).rejects.toThrow('invalid blob key')
      await expect(attempt(() => store.get(key))).rejects.toThrow('invalid blob key')
      await expect(attempt(() => store.delete(key))).rejects.toThrow('invalid blob key')
      expect(await fs.readFile(victim, 'utf8')).toBe('outside')
      expect(await filesUnder(path.dirname(root))).toEqual(['x'])
    },
  )
})
