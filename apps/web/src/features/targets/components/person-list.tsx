import type { Person } from '@bango/shared/employee-api'
import { relationshipText } from '../../../lib/relationship-text.ts'
import { useT } from '../../../lib/use-t.ts'
import { ReturnReason } from '../../../components/return-reason.tsx'

/**
 * 収集対象者一覧: one large tappable row per person with its status mark. A person HR sent
 * back (差し戻し) shows why; after 完了 the others cannot be opened.
 */
interface PersonListProps {
  persons: Person[]
  onSelect: (person: Person) => void
  locked?: boolean
  /** Not registered yet, with images in the draft: 「入力途中」, not 「未登録」. */
  inProgress?: readonly string[]
}

export function PersonList({ persons, onSelect, locked = false, inProgress = [] }: PersonListProps) {
  const { t } = useT()
  const excluded = persons.filter((person) => person.status === 'not_applicable').length
  const registered = persons.filter((person) => person.status === 'registered').length
  return (
    <>
      <p className="person-list__progress">
        {t('targets.progress', { registered, applicable: persons.length - excluded }) + (excluded > 0 ? t('targets.progressExcluded', { excluded }) : '')}
      </p>
      <ul className="person-list">
        {persons.map((person) => (
          <li key={person.id}>
            <button
              type="button"
              className={`person person--${person.review.status === 'returned' ? 'returned' : person.status}`}
              onClick={() => onSelect(person)}
              disabled={locked && person.review.status !== 'returned'}
            >
              <span className="person__name">{person.name}</span>
              <span className="person__relationship">{relationshipText(person, t)}</span>
              <span className="person__status">
                {person.review.status === 'returned' && person.status === 'pending'
                  ? t('targets.returned')
                  : person.status === 'pending' && inProgress.includes(person.id)
                    ? t('targets.inProgress')
                    : t(`targets.status.${person.status}`)}
              </span>
            </button>
            <ReturnReason review={person.review} />
          </li>
        ))}
      </ul>
    </>
  )
}
