import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { preparePrivateDataDir } from './data-dir.ts'

const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true })
})

async function tempParent() {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-data-'))
  made.push(parent)
  return parent
}

describe('preparePrivateDataDir', () => {
  it('creates a missing folder readable by its owner only', async () => {
    const dir = path.join(await tempParent(), 'data')
    expect(await preparePrivateDataDir(dir)).toEqual({ tightenedFrom: null })
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o700)
  })

  it('tightens an existing world-readable folder to 0700, so nothing inside can be reached by others', async () => {
    const dir = path.join(await tempParent(), 'data')
    await fs.mkdir(dir)
    await fs.chmod(dir, 0o755)
    await fs.writeFile(path.join(dir, 'wal'), 'x', { mode: 0o666 })
    expect(await preparePrivateDataDir(dir)).toEqual({ tightenedFrom: 0o755 })
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o700)
  })
})
