import type { AuditSubject } from '@bango/shared/admin-audit'
import { personText } from '@bango/shared/audit-detail'
import { useDeferredValue, useId, useState } from 'react'
import { useAuditSubject, useAuditSubjects } from '../api/find-subjects.ts'
import { auditText as t } from '../messages.ts'

interface SubjectPickerProps {
  label: string
  /** Persons only (対象者), operators only (the access report's 担当者), or both (操作者: an employee acts too). */
  kinds: 'persons' | 'operators' | 'actors'
  value: string | undefined
  onChange: (id: string | undefined) => void
}

const subjectText = (subject: AuditSubject) => personText(subject.name, subject.employeeNumber)

/**
 * A filter chosen by name: a search box whose matches (氏名, フリガナ, 社員番号) are buttons; the
 * chosen one shows by name with 「解除」. The filter itself stays an id (links keep working).
 */
export function SubjectPicker({ label, kinds, value, onChange }: SubjectPickerProps) {
  const id = useId()
  const [text, setText] = useState('')
  const q = useDeferredValue(text.trim())
  const found = useAuditSubjects(value ? '' : q)
  const chosen = useAuditSubject(value)
  if (value) {
    return (
      <div className="audit-filters__field" role="group" aria-label={t.chosen(label)}>
        <span>{label}</span>
        <span className="audit-picker__chosen">
          {chosen.data ? subjectText(chosen.data) : chosen.isPending ? t.loading : t.unknownSubject}
          <button type="button" className="admin-button admin-button--link" aria-label={t.unchoose(label)} onClick={() => onChange(undefined)}>
            {t.unchooseShort}
          </button>
        </span>
      </div>
    )
  }
  const matches = found.data
    ? kinds === 'persons'
      ? found.data.persons
      : kinds === 'operators'
        ? found.data.operators
        : [...found.data.operators, ...found.data.persons]
    : []
  return (
    <div className="audit-filters__field audit-picker">
      <label htmlFor={`${id}-q`}>{label}</label>
      <input id={`${id}-q`} type="search" maxLength={100} placeholder={t.searchPlaceholder} value={text} onChange={(e) => setText(e.target.value)} />
      {q && found.data ? (
        <ul className="audit-picker__matches" aria-label={t.matches(label)}>
          {matches.length === 0 ? <li>{t.noMatch}</li> : null}
          {matches.map((subject) => (
            <li key={subject.id}>
              <button type="button" className="admin-button admin-button--link" onClick={() => onChange(subject.id)}>
                {subjectText(subject)}
              </button>
              <span className="audit-muted"> {subject.note}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
