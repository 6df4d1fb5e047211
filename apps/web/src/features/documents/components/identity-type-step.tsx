import { identityDocumentCount, type IdentityDocumentType } from '@bango/shared/documents'
import { useState, type FormEvent } from 'react'
import { useT } from '../../../lib/use-t.ts'
import { identityTypeOptions, useWizardStore } from '../stores/wizard-store.ts'
import { ChoiceList } from './choice-list.tsx'
import { useCaptureDevice } from './use-capture-device.ts'
import { WizardBackButton } from './wizard-back-button.tsx'

/** Manual step 4 ②: the type of identity document `slot`, among those the rules allow. */
export function IdentityTypeStep({ slot }: { slot: number }) {
  const { t, list } = useT({ files: useCaptureDevice().filePrimary })
  const identity = useWizardStore((s) => s.identity)
  const [choice, setChoice] = useState<IdentityDocumentType | null>(identity?.documents[slot]?.type ?? null)
  if (!identity) return null
  const options = identityTypeOptions(identity, slot)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (choice) useWizardStore.getState().chooseIdentityType(slot, choice)
  }
  return (
    <form className="step" onSubmit={onSubmit}>
      <p className="eyebrow">
        {identityDocumentCount(identity.withPhoto) > 1
          ? t('documents.identityOrdinal', { ordinal: slot + 1, total: identityDocumentCount(identity.withPhoto) })
          : t('documents.identityOrdinalSingle')}
      </p>
      <h2>{t('documents.identityTitle')}</h2>
      <p>{list('documents.identityNotes')[0]}</p>
      <ChoiceList
        legend={t('documents.identityTypeQuestion')}
        choices={options.map((type) => ({
          value: type,
          label: t(`identityDocumentNames.${type}`),
          ...(type === 'health_insurance' ? { note: t('documents.healthInsuranceNote') } : {}),
        }))}
        value={choice && options.includes(choice) ? choice : null}
        onChange={setChoice}
      />
      <button type="submit" className="button" disabled={!choice || !options.includes(choice)}>
        {t('common.next')}
      </button>
      <WizardBackButton />
    </form>
  )
}
