/**
 * The progress dashboard of a campaign: counts by status and a paginated, searchable list
 * of its employees, plus one employee's detail (never their images).
 */
import { z } from 'zod'
import { hasControlCharacter } from './text.ts'
import { languageSchema, personIdentitySchema } from './employee-api.ts'

/**
 * How far an employee got, in order. 未発行 → 未ログイン → ログイン済 → 同意済 → 登録中 → 完了,
 * then HR's review: 差し戻し (someone sent back) or 承認済 (every applicable person approved).
 */
export const EMPLOYEE_PROGRESS = ['unissued', 'issued', 'logged_in', 'consented', 'in_progress', 'submitted', 'returned', 'approved'] as const
export const employeeProgressSchema = z.enum(EMPLOYEE_PROGRESS)
export type EmployeeProgress = z.infer<typeof employeeProgressSchema>

/** Each status as HR reads it, in the console and in the statuses CSV. */
export const EMPLOYEE_PROGRESS_LABELS: Record<EmployeeProgress, string> = {
  unissued: '未発行',
  issued: '未ログイン',
  logged_in: 'ログイン済',
  consented: '同意済',
  in_progress: '登録中',
  submitted: '完了',
  returned: '差し戻し',
  approved: '承認済',
}

/** The statuses CSV of a campaign's employees (the list's filters, every page). */
export const EMPLOYEE_STATUS_CSV_COLUMNS = ['社員番号', '氏名', 'フリガナ', 'メールアドレス', '状況', '家族の人数', '最終ログイン', '退職日'] as const

export const DASHBOARD_PAGE_SIZES = [25, 50, 100] as const

export const employeeListQuerySchema = z.object({
  /** Matches 氏名, フリガナ or 社員番号. */
  q: z
    .string()
    .trim()
    .max(100)
    // PostgreSQL refuses a NUL in text outright: a search must not reach it as a 500.
    .refine((value) => !hasControlCharacter(value), '制御文字は使えません')
    .optional(),
  status: employeeProgressSchema.optional(),
  /** With an e-mail address (credentials and notices go by mail) or without (paper kits). */
  email: z.enum(['with', 'without']).optional(),
  sort: z.enum(['employeeNumber', 'kana', 'progress', 'lastLoginAt']).default('employeeNumber'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (DASHBOARD_PAGE_SIZES as readonly number[]).includes(n))
    .default(50),
})
export type EmployeeListQuery = z.infer<typeof employeeListQuerySchema>

export const employeeRowSchema = z.object({
  id: z.uuid(),
  employeeNumber: z.string().nullable(),
  name: z.string(),
  kana: z.string(),
  email: z.string().nullable(),
  progress: employeeProgressSchema,
  lastLoginAt: z.iso.datetime().nullable(),
  /** Locked after too many wrong passwords, until this time. */
  lockedUntil: z.iso.datetime().nullable(),
  dependentCount: z.number().int(),
  /** 退職日 HR recorded (admin-leaving-date.ts); null: none. */
  leftOn: z.iso.date().nullable(),
})
export type EmployeeRow = z.infer<typeof employeeRowSchema>

export const employeeListResponseSchema = z.object({
  rows: z.array(employeeRowSchema),
  /** Rows matching the query (all pages). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type EmployeeListResponse = z.infer<typeof employeeListResponseSchema>

export const progressCountsSchema = z.object(
  Object.fromEntries(EMPLOYEE_PROGRESS.map((status) => [status, z.number().int()])) as Record<EmployeeProgress, z.ZodNumber>,
)
export const dashboardResponseSchema = z.object({ counts: progressCountsSchema, total: z.number().int() })
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>

/**
 * A person's status as HR sees it (no images, no numbers): the employee's draft status, then
 * after 完了 HR's review — 差し戻し (waiting for the employee) or 承認済 — over 提出済.
 */
export const dependentStatusSchema = z.enum(['pending', 'registered', 'not_applicable', 'submitted', 'returned', 'approved'])

export const employeeDetailResponseSchema = z.object({
  employee: employeeRowSchema.extend({
    birthDate: z.iso.date(),
    failedAttempts: z.number().int(),
    credentialIssuedAt: z.iso.datetime().nullable(),
    consentedAt: z.iso.datetime().nullable(),
    /** The language of that consent: the purposes were agreed to as worded in it. */
    consentLanguage: languageSchema.nullable(),
    /** The language the employee last used the wizard in, which later e-mails follow; null: not yet signed in. */
    language: languageSchema.nullable(),
    submittedAt: z.iso.datetime().nullable(),
    /** When the household's retention ends, from 完了 or 退職日 (ADR 049), with the campaign's period as set now; null before 完了 or once disposed of. */
    retentionEndsAt: z.iso.datetime().nullable(),
  }),
  persons: z.array(
    personIdentitySchema.extend({
      addedByEmployee: z.boolean(),
      status: dependentStatusSchema,
      /** Draft images held for this person (a count only). */
      draftImages: z.number().int(),
      /** Disposed of (廃棄): the row is a tombstone. */
      disposedAt: z.iso.datetime().nullable(),
    }),
  ),
})
export type EmployeeDetailResponse = z.infer<typeof employeeDetailResponseSchema>
