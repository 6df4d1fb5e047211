import { describe, expect, it } from 'vitest'
import { createWorkQueue } from './work-queue.ts'

const gate = () => {
  let open = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

describe('createWorkQueue', () => {
  it('runs at most `concurrency` jobs, queues `maxWaiting`, refuses the rest at once', async () => {
    const queue = createWorkQueue({ concurrency: 1, maxWaiting: 1, maxWaitMs: 5_000 })
    const first = gate()
    const running = queue.run(() => first.opened.then(() => 'first'))
    const queued = queue.run(async () => 'second')
    await expect(queue.run(async () => 'third')).rejects.toMatchObject({ code: 'SERVER_BUSY' })
    expect(queue.stats()).toEqual({ running: 1, waiting: 1 })
    first.open()
    expect(await running).toBe('first')
    expect(await queued).toBe('second')
    expect(queue.stats()).toEqual({ running: 0, waiting: 0 })
  })

  it('gives up on a wait longer than maxWaitMs, and frees the slot after a failing job', async () => {
    const queue = createWorkQueue({ concurrency: 1, maxWaiting: 5, maxWaitMs: 30 })
    const first = gate()
    const running = queue.run(() => first.opened)
    await expect(queue.run(async () => 'late')).rejects.toMatchObject({ code: 'SERVER_BUSY' })
    first.open()
    await running
    await expect(
      queue.run(async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await queue.run(async () => 'after')).toBe('after')
  })
})
