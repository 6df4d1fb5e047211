import { documentTypeOf, registrationProblems, requiredImages, type IdentityDocumentType, type NumberDocumentType } from '@bango/shared/documents'
import { myNumberSchema } from '@bango/shared/employee-api'
import { useRef, useState } from 'react'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { useMeStore, verificationSettings } from '../../../lib/me-store.ts'
import { useT } from '../../../lib/use-t.ts'
import { checkNumber } from '../api/number-read.ts'
import { register } from '../api/register.ts'
import { imageKey, useWizardStore } from '../stores/wizard-store.ts'
import { ImageZoom } from './image-zoom.tsx'
import { MyNumberField } from './my-number-field.tsx'
import { WizardBackButton } from './wizard-back-button.tsx'

/**
 * Manual step 5: thumbnails of this person's images (local object URLs only) → 「登録する」.
 * When the campaign asks for it, the person's 12-digit number too: kept in this component's
 * state only (never the wizard store), checked with the shared rule before it is sent.
 */
export function ConfirmStep() {
  const { t } = useT()
  const person = useWizardStore((s) => s.person)
  const images = useWizardStore((s) => s.images)
  const registration = useWizardStore((s) => s.registration)()
  const asksNumber = useMeStore((s) => s.me?.campaign.employeeEntersNumber ?? false)
  const [myNumber, setMyNumber] = useState('')
  const [numberError, setNumberError] = useState<string | null>(null)
  /** The typed number differs from the one read off the photos: advice, shown as soon as 12 valid digits are typed. */
  const [mismatch, setMismatch] = useState(false)
  const typed = useRef('')
  const numberInput = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!person) return null

  const required = registration ? requiredImages(registration) : []
  const complete =
    registration !== null &&
    registrationProblems(person.kind, registration, verificationSettings()).length === 0 &&
    required.every((image) => images[imageKey(image)]?.uploaded)

  /** The normalised number, or null (and the error shown) when the campaign asks and it is wrong. */
  const checkedNumber = (): string | undefined | null => {
    if (!asksNumber) return undefined
    const parsed = myNumberSchema.safeParse(myNumber)
    setNumberError(parsed.success ? null : t('fieldErrors.my_number'))
    return parsed.success ? parsed.data : null
  }

  const submit = async () => {
    if (!registration) return
    const number = checkedNumber()
    if (number === null) {
      numberInput.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      await register(person.id, registration, number)
      useWizardStore.getState().registered()
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unexpectedError'))
      setBusy(false)
    }
  }

  return (
    <section className="step" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{t('documents.confirmTitle')}</h2>
      <p>{t('documents.confirmIntro')}</p>
      <ul className="thumbnails">
        {registration &&
          required.map((image) => {
            const type = documentTypeOf(registration, image) ?? ''
            const name =
              image.role === 'number' ? t(`numberDocumentNames.${type as NumberDocumentType}`) : t(`identityDocumentNames.${type as IdentityDocumentType}`)
            const caption = `${name}　${t(`documents.sideName.${image.side}`)}`
            const captured = images[imageKey(image)]
            return (
              <li key={imageKey(image)}>
                <figure>
                  {captured ? <ImageZoom src={captured.url} caption={caption} /> : <div className="thumbnails__missing" />}
                  <figcaption>{caption}</figcaption>
                </figure>
              </li>
            )
          })}
      </ul>
      {asksNumber && (
        <MyNumberField
          value={myNumber}
          onChange={(value) => {
            setMyNumber(value)
            setNumberError(null)
            setMismatch(false)
            typed.current = value
            const parsed = myNumberSchema.safeParse(value)
            if (parsed.success) {
              void checkNumber(person.id, parsed.data)
                .then(({ result }) => typed.current === value && setMismatch(result === 'different'))
                .catch(() => {})
            }
          }}
          onBlur={() => void (myNumber.trim() !== '' && checkedNumber())}
          error={numberError}
          inputRef={numberInput}
        />
      )}
      {mismatch && (
        <p className="notice notice--warning" role="status">
          {t('documents.myNumberMismatch')}
        </p>
      )}
      {!complete && <ErrorMessage message={t('documents.missingImages')} />}
      <ErrorMessage message={error} />
      <button type="button" className="button" onClick={submit} disabled={!complete || busy}>
        {t('documents.register')}
      </button>
      {busy && <p role="status">{t('documents.registering')}</p>}
      <WizardBackButton disabled={busy} />
    </section>
  )
}
