import { needsIdentityDocuments } from '@bango/shared/documents'
import { useEffect, useEffectEvent, useRef } from 'react'
import { verificationSettings } from '../../../lib/me-store.ts'
import { useT } from '../../../lib/use-t.ts'
import { imageKey, stepKey, useWizardStore, type WizardState, type WizardStep } from '../stores/wizard-store.ts'
import { CaptureStep } from './capture-step.tsx'
import { ConfirmStep } from './confirm-step.tsx'
import { IdentityPhotoStep } from './identity-photo-step.tsx'
import { IdentityTypeStep } from './identity-type-step.tsx'
import { AlreadyRegisteredNotice, ExcludedNotice, MarkedNotApplicableNotice, RegisteredNotice } from './notices.tsx'
import { NumberDocumentMenu } from './number-document-menu.tsx'

/** The screen of the current wizard step (every step its own component), under where the person is in it. */
export function WizardView({ onTop }: { onTop: () => void }) {
  const step = useWizardStore((s) => s.step)
  const view = useRef<HTMLDivElement>(null)
  const key = stepKey(step)
  const first = useRef(true)

  // Every step change moves focus to the new step's heading, so screen readers announce it and
  // keyboard users start from the top. (Not on arrival: the page heading comes first then; and
  // not when a camera opens, which takes focus itself.)
  const focusHeading = useEffectEvent(() => {
    if (step.name === 'capture' && step.openCamera) return
    const heading = view.current?.querySelector<HTMLElement>('h2')
    if (!heading) return
    heading.tabIndex = -1
    heading.focus()
  })
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    focusHeading()
  }, [key])

  return (
    <div ref={view} className="wizard">
      <StepIndicator />
      <Step step={step} onTop={onTop} />
    </div>
  )
}

function Step({ step, onTop }: { step: WizardStep; onTop: () => void }) {
  switch (step.name) {
    case 'idle':
      return null
    case 'menu':
      return <NumberDocumentMenu onTop={onTop} />
    case 'alreadyRegistered':
      return <AlreadyRegisteredNotice onTop={onTop} />
    case 'excluded':
      return <ExcludedNotice onTop={onTop} />
    case 'markedNotApplicable':
      return <MarkedNotApplicableNotice onTop={onTop} />
    case 'capture':
      return <CaptureStep key={imageKey(step.image)} image={step.image} openCamera={step.openCamera} />
    case 'identityPhoto':
      return <IdentityPhotoStep />
    case 'identityType':
      return <IdentityTypeStep key={step.slot} slot={step.slot} />
    case 'confirm':
      return <ConfirmStep />
    case 'registered':
      return <RegisteredNotice onTop={onTop} />
  }
}

type Phase = 'number' | 'identity' | 'confirm'

function phaseOf(step: WizardStep): Phase | null {
  switch (step.name) {
    case 'menu':
      return 'number'
    case 'capture':
      return step.image.role === 'number' ? 'number' : 'identity'
    case 'identityPhoto':
    case 'identityType':
      return 'identity'
    case 'confirm':
      return 'confirm'
    default:
      return null
  }
}

/** The phases this person goes through: identity documents only where the rules ask for them (unknown until the number document is chosen). */
function phasesOf(state: Pick<WizardState, 'person' | 'numberDocument'>): { phase: Phase; optional: boolean }[] {
  const { person, numberDocument } = state
  const needsIdentity = person && numberDocument ? needsIdentityDocuments(person.kind, numberDocument.type, verificationSettings()) : null
  return [
    { phase: 'number', optional: false },
    ...(needsIdentity === false ? [] : [{ phase: 'identity' as const, optional: needsIdentity === null }]),
    { phase: 'confirm', optional: false },
  ]
}

/** 「手順 2 / 3」 and the names of the phases, the current one marked (aria-current="step"). */
function StepIndicator() {
  const { t } = useT()
  const step = useWizardStore((s) => s.step)
  const person = useWizardStore((s) => s.person)
  const numberDocument = useWizardStore((s) => s.numberDocument)
  const current = phaseOf(step)
  if (!current) return null
  const phases = phasesOf({ person, numberDocument })
  const index = phases.findIndex((p) => p.phase === current)
  return (
    <nav className="steps" aria-label={t('documents.stepsLabel')}>
      <p className="steps__count">{t('documents.stepCount', { current: index + 1, total: phases.length })}</p>
      <ol className="steps__list">
        {phases.map(({ phase, optional }) => (
          <li key={phase} className="steps__item" aria-current={phase === current ? 'step' : undefined}>
            {t(`documents.phaseNames.${phase}`)}
            {optional && t('documents.ifNeeded')}
          </li>
        ))}
      </ol>
    </nav>
  )
}
