/**
 * Which instance runs the scheduled work (draft sweeper, retention disposal): the one holding a
 * session-level PostgreSQL advisory lock on a connection of its own. The lock lives as long as
 * that session, so a leader that dies (even by SIGKILL) releases it as soon as PostgreSQL sees the
 * connection close, and the next instance to ask becomes leader at its next tick. The embedded
 * default is one process: it is always the leader, without any lock.
 * @see docs/decisions/021-many-instances.md
 */
import type { FastifyBaseLogger } from 'fastify'
import pg from 'pg'

/** Advisory lock key of the leadership (Prisma's migrations hold 72707369, retention batches 72707370). */
export const LEADER_LOCK = 72707371

export interface Leadership {
  /** Whether this instance should run a scheduled pass now; tries to become leader when it is not. */
  isLeader(): Promise<boolean>
  close(): Promise<void>
}

export const soleInstance: Leadership = { isLeader: async () => true, close: async () => {} }

export function createLeadership(databaseUrl: string, log: FastifyBaseLogger): Leadership {
  let client: pg.Client | null = null
  let leader = false
  let closed = false

  const drop = (reason: string) => {
    if (leader) log.warn({ reason }, 'no longer the leader: scheduled jobs stop here until the lock is won again')
    leader = false
    const old = client
    client = null
    old?.end().catch(() => {})
  }

  async function connect(): Promise<pg.Client> {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: 'bango-leader' })
    // A lost connection means a lost lock: never believe it is still held.
    next.on('error', () => {
      if (client === next) drop('leader connection failed')
    })
    next.on('end', () => {
      if (client === next) drop('leader connection closed')
    })
    await next.connect()
    return next
  }

  async function check(): Promise<boolean> {
    if (closed) return false
    try {
      client ??= await connect()
      if (leader) {
        // The session is alive, so the lock it took is still held.
        await client.query('SELECT 1')
        return true
      }
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LEADER_LOCK])
      leader = rows[0]?.locked === true
      if (leader) log.info('this instance is the leader: it runs the scheduled jobs (sweeper, retention)')
      return leader
    } catch (error) {
      log.warn({ err: error }, 'leadership check failed')
      drop('leadership check failed')
      return false
    }
  }

  // One check at a time: two jobs asking at once must not open two sessions (one would keep the
  // lock while the other, failing to get it, made this instance believe it is not the leader).
  let checking: Promise<boolean> | null = null
  return {
    isLeader() {
      checking ??= check().finally(() => {
        checking = null
      })
      return checking
    },
    async close() {
      closed = true
      leader = false
      const old = client
      client = null
      // Ending the session releases the lock for the next instance.
      await old?.end().catch(() => {})
    },
  }
}
