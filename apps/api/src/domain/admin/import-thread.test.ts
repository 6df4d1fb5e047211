/**
 * The import's thread on its own: chunks that share one buffer (as a body's may) arrive whole,
 * the writes come out a chunk at a time, and a file that needs more than the thread's heap
 * fails with FILE_TOO_LARGE while the process goes on.
 */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../errors.ts'
import { startImportThread } from './import-thread.ts'

const file = (rows: number) =>
  Buffer.from(
    `社員番号,氏名,フリガナ,生年月日,続柄\r\n${Array.from({ length: rows }, (_, i) => `E${i},山田 太郎${i},ヤマダ タロウ,1980-01-15,本人`).join('\r\n')}\r\n`,
  )

describe('the import thread', () => {
  it('reads and plans a file sent in chunks of one buffer, and hands the writes out in order', async () => {
    const thread = startImportThread('2026-12-07')
    try {
      const bytes = file(6_000)
      const chunks = [bytes.subarray(0, 1000), bytes.subarray(1000)]
      expect(await thread.read(chunks)).toEqual({ ok: true })
      thread.addStored('[]')
      expect(await thread.plan()).toMatchObject({ ok: true, summary: { rows: 6_000, employees: { new: 6_000, changed: 0, unchanged: 0 } } })
      const first = await thread.nextWrite()
      const second = await thread.nextWrite()
      expect([first?.kind, first?.op, JSON.parse(first!.rows).length, JSON.parse(second!.rows).length, await thread.nextWrite()]).toEqual([
        'EMPLOYEE',
        'insert',
        5_000,
        1_000,
        null,
      ])
    } finally {
      await thread.close()
    }
  }, 30_000)

  it('fails the import, not the process, when the file needs more than the heap it is given', async () => {
    const thread = startImportThread('2026-12-07', 64)
    try {
      const failure = await thread.read([file(190_000)]).catch((error: unknown) => error)
      expect(failure).toBeInstanceOf(AppError)
      expect((failure as AppError).code).toBe('FILE_TOO_LARGE')
    } finally {
      await thread.close()
    }
  }, 60_000)
})
