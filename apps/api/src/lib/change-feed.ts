/**
 * Whose rows changed, as PostgreSQL tells every instance: the triggers of the
 * change_notifications migration NOTIFY `bango_changes` with an employee's person id ('*':
 * anyone's) when a write commits, and this connection of our own LISTENs. The read cache
 * (lib/read-cache.ts) trusts what it holds only while the feed is live: connected, listening, and
 * answering a heartbeat. A lost connection announces "anyone's" and the cache stays empty until
 * the feed listens again.
 * @see docs/decisions/028-read-cache.md
 */
import type { FastifyBaseLogger } from 'fastify'
import pg from 'pg'

export const CHANGES_CHANNEL = 'bango_changes'
/** How often the connection must prove it is alive; a silent network keeps a socket "open" for minutes. */
const HEARTBEAT_MS = 5_000
const RETRY_MS = { first: 500, max: 30_000 }

/** An employee's person id, or null: anyone's rows may have changed (or the feed was interrupted). */
export type ChangeListener = (employeeId: string | null) => void

export interface ChangeFeed {
  /** Whether every change committed from now on will reach the listeners. */
  live(): boolean
  onChange(listener: ChangeListener): void
  /** Connects and keeps reconnecting until closed; settles once the feed first listens. */
  start(log: FastifyBaseLogger): Promise<void>
  close(): Promise<void>
}

export function createChangeFeed(databaseUrl: string): ChangeFeed {
  const listeners: ChangeListener[] = []
  let client: pg.Client | null = null
  let listening = false
  let closed = false
  let log: FastifyBaseLogger | null = null
  let heartbeat: NodeJS.Timeout | null = null
  let retry: NodeJS.Timeout | null = null
  let retryMs = RETRY_MS.first
  /** When the connection last showed it is alive (a heartbeat answered, a notification came). */
  let aliveAt = 0
  let firstListen: () => void = () => {}

  const announce = (employeeId: string | null) => {
    for (const listener of listeners) listener(employeeId)
  }

  function drop(reason: string, error?: unknown) {
    log?.warn({ reason, err: error, retryMs }, 'change feed not listening: sessions and summaries are read afresh until it is')
    listening = false
    announce(null)
    if (heartbeat) clearInterval(heartbeat)
    heartbeat = null
    const old = client
    client = null
    old?.end().catch(() => {})
    if (!closed && !retry) {
      retry = setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, RETRY_MS.max)
    }
  }

  async function connect() {
    retry = null
    if (closed) return
    const next = new pg.Client({ connectionString: databaseUrl, application_name: 'bango-changes', keepAlive: true, query_timeout: HEARTBEAT_MS })
    client = next
    next.on('error', (error) => client === next && drop('connection failed', error))
    next.on('end', () => client === next && drop('connection closed'))
    next.on('notification', (message) => {
      if (client !== next || message.channel !== CHANGES_CHANNEL) return
      aliveAt = performance.now()
      announce(message.payload === '*' || !message.payload ? null : message.payload)
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${CHANGES_CHANNEL}`)
    } catch (error) {
      if (client === next) drop('could not listen', error)
      return
    }
    if (client !== next) return
    // What was read before this moment was not watched: forget it, then trust the feed.
    announce(null)
    listening = true
    aliveAt = performance.now()
    retryMs = RETRY_MS.first
    heartbeat = setInterval(() => {
      next.query('SELECT 1').then(
        () => (aliveAt = performance.now()),
        (error) => client === next && drop('heartbeat failed', error),
      )
    }, HEARTBEAT_MS)
    heartbeat.unref()
    log?.info('change feed listening: session and summary reads are cached')
    firstListen()
  }

  return {
    // A heartbeat late by a whole period: the connection may be dead without knowing it yet.
    live: () => listening && performance.now() - aliveAt < 2 * HEARTBEAT_MS,
    onChange: (listener) => void listeners.push(listener),
    start(logger) {
      log = logger
      return new Promise((resolve) => {
        firstListen = resolve
        void connect()
      })
    },
    async close() {
      closed = true
      listening = false
      if (retry) clearTimeout(retry)
      if (heartbeat) clearInterval(heartbeat)
      const old = client
      client = null
      await old?.end().catch(() => {})
    },
  }
}
