/**
 * The language the employee last used the wizard in (persons.language), which the e-mails after
 * the first sign-in follow (ADR 050). The SPA names the language it shows on every request
 * (LANGUAGE_HEADER); the employee gate stores a change, so a request in the same language writes
 * nothing.
 */
import type { Language } from '@bango/shared/languages'
import type { Db } from '../db/types.ts'

export function createEmployeeLanguage(db: Db) {
  return {
    /** Stores `language` as the employee's; no write (and no change announced) when it already is. */
    async remember(employeeId: string, language: Language): Promise<void> {
      await db.$executeRaw`UPDATE persons SET language = ${language} WHERE id = ${employeeId}::uuid AND language IS DISTINCT FROM ${language}`
    },
  }
}
export type EmployeeLanguage = ReturnType<typeof createEmployeeLanguage>
