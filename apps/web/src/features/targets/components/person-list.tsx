import type { Person } from '@bango/shared/employee-api'
import { targets } from '../../../messages/ja.ts'

/** 収集対象者一覧: one large tappable row per person with its status mark. */
export function PersonList({ persons, onSelect }: { persons: Person[]; onSelect: (person: Person) => void }) {
  return (
    <ul className="person-list">
      {persons.map((person) => (
        <li key={person.id}>
          <button type="button" className={`person person--${person.status}`} onClick={() => onSelect(person)}>
            <span className="person__name">{person.name}</span>
            <span className="person__relationship">{person.kind === 'employee' ? targets.employee : person.relationship}</span>
            <span className="person__status">{targets.status[person.status]}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}
