import { useState, type FormEvent } from 'react'
import { useT } from '../../../lib/use-t.ts'
import { useWizardStore } from '../stores/wizard-store.ts'
import { ChoiceList } from './choice-list.tsx'
import { WizardBackButton } from './wizard-back-button.tsx'

/** Manual step 4 ①: 身元確認書類は顔写真付きですか？ */
export function IdentityPhotoStep() {
  const { t, list } = useT()
  const current = useWizardStore((s) => s.identity?.withPhoto)
  const [choice, setChoice] = useState<'with' | 'without' | null>(current === undefined ? null : current ? 'with' : 'without')
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (choice) useWizardStore.getState().chooseIdentityPhoto(choice === 'with')
  }
  return (
    <form className="step" onSubmit={onSubmit}>
      <h2>{t('documents.identityTitle')}</h2>
      <section className="card" aria-labelledby="identity-usable">
        <h3 id="identity-usable">{t('documents.identityUsable')}</h3>
        <ul>
          {list('documents.identityUsableList').map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
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
