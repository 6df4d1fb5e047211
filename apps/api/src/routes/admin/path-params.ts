/**
 * Path ids of the console are UUIDs: anything else is refused as VALIDATION before it reaches
 * a query (PostgreSQL would reject it as a uuid with a 500).
 */
import { z } from 'zod'
import { parse } from '../../lib/parse.ts'

export function pathIds<const K extends string>(params: unknown, ...names: K[]): Record<K, string> {
  const shape = Object.fromEntries(names.map((name) => [name, z.uuid()])) as Record<K, z.ZodUUID>
  return parse(z.object(shape), params) as Record<K, string>
}
