import fs from 'node:fs/promises'
import os from 'node:os'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { cardPhoto } from '../../test/images.ts'
import { AppError } from '../errors.ts'
import { type ImageProcessor, createImagePool } from './image-pool.ts'
import { normalizeImage } from './images.ts'

let pool: ImageProcessor | null = null
afterEach(async () => {
  await pool?.close()
  pool = null
})

const exited = (pid: number) =>
  fs.access(`/proc/${pid}`).then(
    () => false,
    () => true,
  )
async function until(condition: () => Promise<boolean>, what: string) {
  for (let waited = 0; !(await condition()); waited += 20) {
    if (waited > 10_000) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('the image pool', () => {
  it('decodes in a child process at a lower CPU priority, with nothing of the server’s environment', async () => {
    process.env.BANGO_TEST_SECRET_FOR_POOL = 'must-not-reach-the-child'
    pool = createImagePool({ size: 1, niceness: 7 })
    const photo = await cardPhoto({ width: 900, height: 600, orientation: 6, gps: true })
    // In the pieces an upload arrives in: the child joins them.
    const image = await pool.normalize([photo.subarray(0, 1000), photo.subarray(1000, 70_000), photo.subarray(70_000)])
    const expected = await normalizeImage(photo)
    expect({ width: image.width, height: image.height }).toEqual({ width: expected.width, height: expected.height })
    expect(Buffer.isBuffer(image.jpeg)).toBe(true)
    expect((await sharp(image.jpeg).metadata()).exif).toBeUndefined()

    const [pid] = pool.pids()
    expect(pid).toBeDefined()
    expect(pid).not.toBe(process.pid)
    expect(os.getPriority(pid)).toBe(Math.min(19, os.getPriority() + 7))
    const environ = await fs.readFile(`/proc/${pid}/environ`, 'utf8')
    expect(environ).not.toContain('BANGO_TEST_SECRET_FOR_POOL')
    // A decoding child keeps the memory it frees (glibc's thresholds raised): jobs of milliseconds.
    expect(environ).toContain('MALLOC_TRIM_THRESHOLD_')
    delete process.env.BANGO_TEST_SECRET_FOR_POOL

    const thumbnail = await pool.thumbnail(image.jpeg, 120)
    expect(Buffer.isBuffer(thumbnail)).toBe(true)
    const small = await sharp(thumbnail).metadata()
    expect(Math.max(small.width!, small.height!)).toBe(120)
  })

  it('starts a child to read numbers with two malloc arenas and glibc’s own thresholds, which give freed memory back', async () => {
    pool = createImagePool({ size: 1 })
    const blank = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#ffffff' } })
      .jpeg()
      .toBuffer()
    expect(await pool.readNumber(blank)).toEqual({ number: null, upright: null })
    const [pid] = pool.pids()
    const environ = (await fs.readFile(`/proc/${pid}/environ`, 'utf8')).split('\0')
    expect(environ).toContain('MALLOC_ARENA_MAX=2')
    expect(environ.filter((variable) => variable.startsWith('MALLOC_TRIM_THRESHOLD_'))).toEqual([])
  }, 30_000)

  it('refuses what is not an image with the same error as in process', async () => {
    pool = createImagePool({ size: 1 })
    await expect(pool.normalize([Buffer.from('GIF89a not really')])).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' })
    const truncated = (await cardPhoto()).subarray(0, 300)
    await expect(pool.normalize([truncated])).rejects.toBeInstanceOf(AppError)
    // The child is still there and still works.
    expect((await pool.normalize([await cardPhoto()])).width).toBe(640)
  })

  it('fails the job of a child that dies, and replaces the child for the next one', async () => {
    pool = createImagePool({ size: 1 })
    await pool.normalize([await cardPhoto()])
    const [first] = pool.pids()
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#446688', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
      .jpeg()
      .toBuffer()
    const job = pool.normalize([big])
    process.kill(first!, 'SIGKILL')
    await expect(job).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' })
    expect((await pool.normalize([await cardPhoto()])).width).toBe(640)
    expect(pool.pids()).not.toContain(first)
  })

  it('lets an idle child exit and starts another on the next job', async () => {
    pool = createImagePool({ size: 2, idleMs: 150 })
    const photo = await cardPhoto()
    const seen = new Set<number>()
    // Two jobs at once start two children; on a busy machine the first may already have idled out.
    await Promise.all([
      pool.normalize([photo]),
      pool.normalize([photo]),
      until(async () => (pool!.pids().forEach((pid) => seen.add(pid)), seen.size === 2), 'two children'),
    ])
    await until(async () => (await Promise.all([...seen].map(exited))).every(Boolean) && pool!.pids().length === 0, 'both children exited')
    expect((await pool.normalize([photo])).width).toBe(640)
    expect(pool.pids().filter((pid) => seen.has(pid))).toEqual([])
  })

  it('stops its children on close and refuses work after', async () => {
    pool = createImagePool({ size: 2 })
    await pool.normalize([await cardPhoto()])
    const children = pool.pids()
    await pool.close()
    for (const pid of children) expect(await exited(pid)).toBe(true)
    await expect(pool.normalize([await cardPhoto()])).rejects.toMatchObject({ code: 'SERVER_BUSY' })
  })
})
