import { identityTypesFor } from '@bango/shared/documents'
import { useState, type FormEvent } from 'react'
import { useT } from '../../../lib/use-t.ts'
import { useWizardStore } from '../stores/wizard-store.ts'
import { ChoiceList } from './choice-list.tsx'
import { WizardBackButton } from './wizard-back-button.tsx'

/** Manual step 4 ①: does the employee hold a photo ID a public body issued (one document), or not (two)? */
export function IdentityPhotoStep() {
  const { t, list } = useT()
  const current = useWizardStore((s) => s.identity?.withPhoto)
  const [choice, setChoice] = useState<'with' | 'without' | null>(current === undefined ? null : current ? 'with' : 'without')
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (choice) useWizardStore.getState().chooseIdentityPhoto(choice === 'with')
  }
  const groups = [
    { id: 'identity-photo-group', title: t('documents.identityPhotoGroup'), types: identityTypesFor(true) },
    { id: 'identity-other-group', title: t('documents.identityOtherGroup'), types: identityTypesFor(false) },
  ]
  return (
    <form className="step" onSubmit={onSubmit}>
      <h2>{t('documents.identityTitle')}</h2>
      <section className="card" aria-label={t('documents.identityUsable')}>
        {groups.map((group) => (
          <section key={group.id} aria-labelledby={group.id}>
            <h3 id={group.id}>{group.title}</h3>
            <ul>
              {group.types.map((type) => (
                <li key={type}>{t(`identityDocumentNames.${type}`)}</li>
              ))}
            </ul>
          </section>
        ))}
        {list('documents.identityNotes').map((note) => (
          <p className="hint" key={note}>
            ※ {note}
          </p>
        ))}
      </section>
      <ChoiceList
        legend={t('documents.withPhotoQuestion')}
        choices={[
          { value: 'with', label: t('documents.withPhoto') },
          { value: 'without', label: t('documents.withoutPhoto') },
        ]}
        value={choice}
        onChange={setChoice}
      />
      <button type="submit" className="button" disabled={!choice}>
        {t('common.next')}
      </button>
      <WizardBackButton />
    </form>
  )
}
