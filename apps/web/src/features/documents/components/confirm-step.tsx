import { documentTypeOf, registrationProblems, requiredImages, type IdentityDocumentType, type NumberDocumentType } from '@bango/shared/documents'
import { useState } from 'react'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { common, documents, identityDocumentNames, numberDocumentNames } from '../../../messages/ja.ts'
import { register } from '../api/register.ts'
import { imageKey, useWizardStore } from '../stores/wizard-store.ts'
import { WizardBackButton } from './wizard-back-button.tsx'

/** Manual step 5: thumbnails of this person's images (local object URLs only) → 「登録する」. */
export function ConfirmStep() {
  const person = useWizardStore((s) => s.person)
  const images = useWizardStore((s) => s.images)
  const registration = useWizardStore((s) => s.registration)()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!person) return null

  const required = registration ? requiredImages(registration) : []
  const complete =
    registration !== null &&
    registrationProblems(person.kind, registration).length === 0 &&
    required.every((image) => images[imageKey(image)]?.uploaded)

  const submit = async () => {
    if (!registration) return
    setBusy(true)
    setError(null)
    try {
      await register(person.id, registration)
      useWizardStore.getState().registered()
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : common.unexpectedError)
      setBusy(false)
    }
  }

  return (
    <section className="step" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{documents.confirmTitle}</h2>
      <p>{documents.confirmIntro}</p>
      <ul className="thumbnails">
        {registration &&
          required.map((image) => {
            const type = documentTypeOf(registration, image) ?? ''
            const name =
              image.role === 'number' ? numberDocumentNames[type as NumberDocumentType] : identityDocumentNames[type as IdentityDocumentType]
            const caption = `${name}　${documents.sideName[image.side]}`
            const captured = images[imageKey(image)]
            return (
              <li key={imageKey(image)}>
                <figure>
                  {captured ? <img src={captured.url} alt={caption} /> : <div className="thumbnails__missing" />}
                  <figcaption>{caption}</figcaption>
                </figure>
              </li>
            )
          })}
      </ul>
      {!complete && <ErrorMessage message={documents.missingImages} />}
      <ErrorMessage message={error} />
      <button type="button" className="button" onClick={submit} disabled={!complete || busy}>
        {documents.register}
      </button>
      {busy && <p role="status">{documents.registering}</p>}
      <WizardBackButton disabled={busy} />
    </section>
  )
}
