/**
 * 退職日 HR records per employee (ADR 049): from it the household's retention counts from the
 * year after it, when that is later than the year of their 完了. Who may change it is
 * settings-policy.ts's (`EMPLOYEE_SETTING_RULES`).
 */
import { z } from 'zod'

export const leftOnRequestSchema = z.object({
  /** The day the employee left (or will leave); null: no 退職日 (they stay). */
  leftOn: z.iso.date().nullable(),
})
export type LeftOnRequest = z.infer<typeof leftOnRequestSchema>

export const leftOnResponseSchema = z.object({
  leftOn: z.iso.date().nullable(),
  /** When the household's retention ends with the campaign's period as set now; null before 完了. */
  retentionEndsAt: z.iso.datetime().nullable(),
})
export type LeftOnResponse = z.infer<typeof leftOnResponseSchema>

/** Today in Japan, as an ISO date. */
export const japanToday = (now: Date) => new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10)

/**
 * The latest 退職日 that may be recorded on `today` (an ISO date): a year ahead — a planned
 * leaving is known, a guess years out would only keep documents on a date nobody checks.
 */
export function latestLeftOn(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10)
}
