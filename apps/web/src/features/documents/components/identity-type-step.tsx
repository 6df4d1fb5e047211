import { identityDocumentCount, type IdentityDocumentType } from '@bango/shared/documents'
import { useState, type FormEvent } from 'react'
import { common, documents, identityDocumentNames } from '../../../messages/ja.ts'
import { identityTypeOptions, useWizardStore } from '../stores/wizard-store.ts'
import { ChoiceList } from './choice-list.tsx'
import { WizardBackButton } from './wizard-back-button.tsx'

/** Manual step 4 ②: the type of identity document `slot`, among those the rules allow. */
export function IdentityTypeStep({ slot }: { slot: number }) {
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
      <p className="eyebrow">{documents.identityOrdinal(slot, identityDocumentCount(identity.withPhoto))}</p>
      <h2>{documents.identityTitle}</h2>
      <p>{documents.identityNotes[0]}</p>
      <ChoiceList
        legend={documents.identityTypeQuestion}
        choices={options.map((type) => ({
          value: type,
          label: identityDocumentNames[type],
          ...(type === 'health_insurance' ? { note: documents.healthInsuranceNote } : {}),
        }))}
        value={choice && options.includes(choice) ? choice : null}
        onChange={setChoice}
      />
      <button type="submit" className="button" disabled={!choice || !options.includes(choice)}>
        {common.next}
      </button>
      <WizardBackButton />
    </form>
  )
}
