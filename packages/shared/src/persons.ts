import type { PersonStatus } from './employee-api.ts'

/** 「完了」 is possible once every person is ☑ or not applicable — and the employee is ☑. */
export function canSubmit(persons: readonly { kind: 'employee' | 'dependent'; status: PersonStatus }[]): boolean {
  return (
    persons.some((p) => p.kind === 'employee' && p.status === 'registered') && persons.every((p) => p.status === 'registered' || p.status === 'not_applicable')
  )
}
