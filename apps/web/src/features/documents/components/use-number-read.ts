import { useEffect, useState } from 'react'
import { fetchNumberRead } from '../api/number-read.ts'

/** The server reads a number in a second or two (ADR 042): asked every 1.5 s, for at most 40 s. */
const POLL_MS = 1500
const GIVE_UP_MS = 40_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Whether the number could not be read off the image just sent (`imageId`, null while there is
 * none or its side carries no number): polls until the server has read it. Advice only — a
 * failed poll or a read that never finishes says nothing.
 */
export function useNumberUnreadable(personId: string, imageId: string | null): boolean {
  const [unreadable, setUnreadable] = useState<string | null>(null)
  useEffect(() => {
    if (!imageId) return
    let stopped = false
    const started = Date.now()
    void (async () => {
      while (!stopped && Date.now() - started < GIVE_UP_MS) {
        await sleep(POLL_MS)
        if (stopped) return
        const read = await fetchNumberRead(personId, imageId).catch(() => null)
        if (!read || stopped) return
        if (read.state === 'reading') continue
        if (read.state === 'unreadable') setUnreadable(imageId)
        return
      }
    })()
    return () => {
      stopped = true
    }
  }, [personId, imageId])
  return imageId !== null && unreadable === imageId
}
