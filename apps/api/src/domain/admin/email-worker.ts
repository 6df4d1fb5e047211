/**
 * Runs inside the server (like the sweeper): a few lanes, each sending one message at a time
 * (email-delivery.ts), sleeping when there is nothing to send until the interval passes or a
 * new batch wakes them. Several server instances may each run one: claims skip locked rows, and
 * each claim is leased to its instance, which renews the lease while it lives; a message whose
 * lease ran out (its instance died) is marked UNKNOWN by any worker.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Metrics } from '../../lib/metrics.ts'
import type { EmailDelivery } from './email-delivery.ts'

export interface EmailWorkerOptions {
  intervalMs: number
  /** Messages in flight at once; at most this many become UNKNOWN if the process dies. */
  concurrency: number
  log: FastifyBaseLogger
  /** Counts each message sent (and each failed step) as a run of the `email` job. */
  metrics?: Metrics
  /**
   * true (the embedded default): no other instance exists, so every message left SENDING at start
   * was interrupted. false (several instances on PostgreSQL): only those whose lease ran out.
   */
  soleInstance?: boolean
  /** A claim's lease; renewed every third of it. */
  leaseMs?: number
}

/** Longer than a stalled GC or a slow database, far shorter than anyone waits for a batch. */
export const DEFAULT_LEASE_MS = 60_000

export interface EmailWorker {
  /** Lets the messages in flight finish for up to `graceMs`; after that the worker is abandoned: it writes nothing more. */
  stop(options?: { graceMs?: number }): Promise<void>
}

export async function startEmailWorker(delivery: EmailDelivery, options: EmailWorkerOptions): Promise<EmailWorker> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
  const recover = async (sole: boolean) => {
    const recovered = await delivery.recoverInterrupted({ sole })
    if (recovered > 0) options.log.warn({ messages: recovered }, 'e-mail messages interrupted by a stop are marked UNKNOWN (not resent)')
  }
  await recover(options.soleInstance ?? true)
  // Renewing our leases and marking the abandoned ones of a dead instance, while this one lives.
  const leases = setInterval(() => {
    delivery
      .renewLeases(leaseMs)
      .then(() => recover(false))
      .catch((error: unknown) => options.log.error({ err: error }, 'e-mail lease renewal failed'))
  }, leaseMs / 3)
  leases.unref()

  let stopping = false
  let abandoned = false
  const sleepers = new Set<() => void>()
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake()
  }
  const sleep = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        sleepers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, options.intervalMs)
      timer.unref()
      sleepers.add(wake)
    })
  const unsubscribe = delivery.subscribe(wakeAll)

  async function lane() {
    while (!stopping) {
      let sent = false
      try {
        const step = () => delivery.sendNext({ abandoned: () => abandoned, leaseMs })
        sent = options.metrics ? await options.metrics.timeJob('email', step, (done) => (done ? 'sent' : null)) : await step()
        if (!sent && !abandoned) await delivery.finishBatches()
      } catch (error) {
        // Database trouble: the message (if claimed) stays SENDING and becomes UNKNOWN when its lease runs out.
        options.log.error({ err: error }, 'e-mail send step failed')
      }
      if (!sent && !stopping) await sleep()
    }
  }
  const lanes = Promise.all(Array.from({ length: options.concurrency }, lane))

  return {
    async stop({ graceMs = 5_000 } = {}) {
      stopping = true
      unsubscribe()
      wakeAll()
      let timer: NodeJS.Timeout | undefined
      const graceOver = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), graceMs)
      })
      const outcome = await Promise.race([lanes.then(() => 'done' as const), graceOver])
      clearTimeout(timer)
      // An abandoned worker renews nothing more: its messages' leases run out and they become UNKNOWN.
      clearInterval(leases)
      if (outcome === 'late') {
        abandoned = true
        options.log.warn('e-mail worker stopped with messages in flight; they become UNKNOWN when their lease runs out (or at the next start)')
      }
    },
  }
}
