/** Bounded parallelism for CPU-heavy work (argon2 hashes) and I/O lanes. */

/** Runs `run` at most `limit` at a time; results keep the order of `items`. Rejects on the first failure. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  const lane = async () => {
    while (!failed && next < items.length) {
      const index = next++
      try {
        results[index] = await run(items[index] as T, index)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return results
}

/** A semaphore as a wrapper: `limited(fn)` waits for one of `limit` slots. */
export function createLimiter(limit: number) {
  let active = 0
  const waiting: (() => void)[] = []
  return async function limited<R>(run: () => Promise<R>): Promise<R> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    else active++
    try {
      return await run()
    } finally {
      const wake = waiting.shift()
      if (wake) wake()
      else active--
    }
  }
}
