/**
 * Asks `/api/health/live` (or `path`) over real HTTP every `everyMs`, on a new connection each time as an
 * orchestrator's probe does (a kept-alive one can meet the server's idle timeout), while
 * something else runs on the same process. Each answer's latency is counted from when the probe
 * was due, not from when a late timer sent it: a blocked event loop shows in both figures.
 *
 * On a machine shared with other work the thread may simply not get a CPU for a while; Linux
 * counts that time per thread (schedstat: runnable but waiting). The figures come twice: as
 * measured, and without the time this thread waited for a CPU — what the server itself held.
 * @see https://docs.kernel.org/scheduler/sched-stats.html (/proc/<pid>/task/<tid>/schedstat)
 */
import fs from 'node:fs'
import http from 'node:http'

export interface LivenessFigures {
  probes: number
  p50: number
  p99: number
  /** The longest time between two answers (or from the start to the first). */
  maxGap: number
}

/** The value at quantile `q` of ascending `sorted`. */
export const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0

/** Milliseconds this thread has spent runnable but waiting for a CPU (0 where the kernel does not say). */
function cpuWait(): number {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]) / 1e6
  } catch {
    return 0
  }
}

function figures(latencies: number[], maxGap: number): LivenessFigures {
  const sorted = [...latencies].sort((a, b) => a - b)
  return { probes: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), maxGap }
}

export function probeLiveness(port: number, everyMs = 50, path = '/api/health/live') {
  const measured: number[] = []
  const own: number[] = []
  const start = performance.now()
  let last = { at: start, wait: cpuWait() }
  let maxGap = 0
  let ownMaxGap = 0
  let due = 0
  let timer: NodeJS.Timeout | undefined
  let failure: Error | null = null
  // The CPU wait as of the previous tick: taken before any probe this tick sends fell due.
  let waitBefore = last.wait

  function send(dueAt: number, waitAtDue: number) {
    const request = http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      response.resume()
      response.on('end', () => {
        const now = { at: performance.now(), wait: cpuWait() }
        if (response.statusCode !== 200) failure ??= new Error(`${path} answered ${response.statusCode}`)
        measured.push(now.at - dueAt)
        own.push(now.at - dueAt - (now.wait - waitAtDue))
        maxGap = Math.max(maxGap, now.at - last.at)
        ownMaxGap = Math.max(ownMaxGap, now.at - last.at - (now.wait - last.wait))
        last = now
      })
    })
    request.on('error', (error) => (failure ??= error))
  }

  function tick() {
    // Every probe that fell due while the loop was busy goes now, each timed from its due time.
    const now = performance.now()
    while (start + due * everyMs <= now) send(start + due++ * everyMs, waitBefore)
    waitBefore = cpuWait()
    timer = setTimeout(tick, start + due * everyMs - now)
  }
  tick()

  return {
    /** Stops probing once the probes in flight are answered: the figures as measured, and the server's own. */
    async stop(): Promise<{ measured: LivenessFigures; own: LivenessFigures }> {
      clearTimeout(timer)
      const sent = due
      while (measured.length < sent && !failure) await new Promise((resolve) => setTimeout(resolve, 10))
      if (failure) throw failure
      return { measured: figures(measured, maxGap), own: figures(own, ownMaxGap) }
    },
  }
}
