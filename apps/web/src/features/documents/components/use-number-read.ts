import { useEffect, useState } from 'react'
import { fetchNumberRead } from '../api/number-read.ts'

/** The server reads a number in a second or two (ADR 042): asked every 1.5 s, for at most 40 s. */
const POLL_MS = 1500
const GIVE_UP_MS = 40_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Whether the number could not be read off the image just sent (`imageId`, null while there is
 * none or its side carries no number), and off how many of the images sent for this side: polls
 * until the server has read it. Advice only — a failed poll or a read that never finishes says nothing.
 */
export function useNumberUnreadable(personId: string, imageId: string | null): { now: boolean; times: number } {
  const [unreadable, setUnreadable] = useState<readonly string[]>([])
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
        if (read.state === 'unreadable') setUnreadable((ids) => [...ids, imageId])
        return
      }
    })()
    return () => {
      stopped = true
    }
  }, [personId, imageId])
  return { now: imageId !== null && unreadable.includes(imageId), times: unreadable.length }
}
