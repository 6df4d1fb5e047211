/** A person's 続柄 as the employee reads it: 本人, a 続柄 of the shared list in their language, or the text HR's import stored. */
import type { Person } from '@bango/shared/employee-api'
import { DEPENDENT_RELATIONSHIPS } from '@bango/shared/relationships'
import type { useT } from './use-t.ts'

export function relationshipText(person: Pick<Person, 'kind' | 'relationship'>, t: ReturnType<typeof useT>['t']): string {
  if (person.kind === 'employee') return t('targets.employee')
  const listed = DEPENDENT_RELATIONSHIPS.find((r) => r.label === person.relationship)
  return listed ? t(`relationships.${listed.code}`) : person.relationship
}
