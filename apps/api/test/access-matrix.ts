/**
 * What the access-matrix suites share (admin-access-matrix.test.ts, employee-access-matrix.test.ts):
 * the server's own route table, path ids filled from fixtures (a missing fixture fails by
 * route name), and a checksum of every table to prove that a refused request changed nothing.
 */
import type { RouteOptions } from 'fastify'
import type { TestContext } from './harness.ts'

export interface Route {
  method: string
  url: string
  /** The route's `config` (e.g. `afterSubmission` on the employee routes a receipt-only session may reach). */
  config: Record<string, unknown>
}

export const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`

/** Pass `onRoute` to createTestContext; `routes` then holds every route the app registered. */
export function routeTable() {
  const routes: Route[] = []
  const onRoute = (route: RouteOptions) => {
    // HEAD routes mirror their GET (Fastify adds them itself).
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, config: (route.config ?? {}) as Record<string, unknown> })
    }
  }
  return { routes, onRoute }
}

/** The route's URL with every `:param` taken from `params`; throws, naming the route and the file to fix, when one is missing. */
export function fillPath(route: Route, params: Record<string, string>, file: string): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) {
      throw new Error(`${routeKey(route)}: no fixture for the path parameter :${name} — add one to \`params\` in ${file}`)
    }
    return value
  })
}

/** Every table's rows (admin sessions: all but the activity time the gate touches), as one comparable value. */
export async function tableSnapshot(db: TestContext['db']): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`
  const state: Record<string, string> = {}
  for (const { name } of tables) {
    const rows = name === 'admin_sessions' ? `SELECT id, operator_id, stage, revoked_at, expires_at FROM admin_sessions` : `SELECT * FROM "${name}"`
    const [row] = await db.$queryRawUnsafe<{ n: number; digest: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM (${rows}) t`,
    )
    state[name] = `${row!.n}:${row!.digest}`
  }
  return state
}

/** The tables whose checksum differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table])
}
