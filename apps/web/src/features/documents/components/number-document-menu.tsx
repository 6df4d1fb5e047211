import { NUMBER_DOCUMENT_TYPES, type NumberDocumentType } from '@bango/shared/documents'
import { useState, type FormEvent } from 'react'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { useT } from '../../../lib/use-t.ts'
import { setApplicability } from '../api/set-applicability.ts'
import { useWizardStore } from '../stores/wizard-store.ts'
import { ChoiceList } from './choice-list.tsx'
import { useCaptureDevice } from './use-capture-device.ts'

type MenuChoice = NumberDocumentType | 'not_applicable'

/** Manual step 3 ①: the number document's type — or, for a dependent, 対象外. */
export function NumberDocumentMenu({ onTop }: { onTop: () => void }) {
  const { t, list } = useT({ files: useCaptureDevice().filePrimary })
  const person = useWizardStore((s) => s.person)
  const current = useWizardStore((s) => s.numberDocument?.type ?? null)
  const [choice, setChoice] = useState<MenuChoice | null>(current)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!person) return null

  const choices: { value: MenuChoice; label: string; note?: string }[] = NUMBER_DOCUMENT_TYPES.map((type) => ({
    value: type,
    label: t(`numberDocumentNames.${type}`),
    note: t(`documents.numberDocumentNotes.${type}`),
  }))
  if (person.kind === 'dependent') choices.push({ value: 'not_applicable', label: t('documents.notApplicable') })

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!choice) return
    if (choice !== 'not_applicable') {
      useWizardStore.getState().chooseNumberDocument(choice)
      return
    }
    setBusy(true)
    setError(null)
    try {
      await setApplicability(person.id, false)
      useWizardStore.getState().markedNotApplicable()
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unexpectedError'))
      setBusy(false)
    }
  }

  return (
    <form className="step" onSubmit={onSubmit}>
      <h2>{t('documents.numberDocumentTitle')}</h2>
      <ChoiceList legend={t('documents.numberDocumentQuestion')} choices={choices} value={choice} onChange={setChoice} />
      <ul className="hint-list">
        {list('documents.photoNotes').map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <p className="notice notice--info">{t('documents.draftNotice')}</p>
      <ErrorMessage message={error} />
      <button type="submit" className="button" disabled={!choice || busy}>
        {t('common.next')}
      </button>
      <button type="button" className="button button--link" onClick={onTop}>
        {t('common.backToTop')}
      </button>
    </form>
  )
}
