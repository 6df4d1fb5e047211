import type { Person } from '@bango/shared/employee-api'
import { useEffect, useEffectEvent } from 'react'
import { verificationSettings } from '../../../lib/me-store.ts'
import { getDraft, getDraftThumbnail } from '../api/draft.ts'
import { type CapturedImage, imageKey, useWizardStore, type WizardPosition } from '../stores/wizard-store.ts'
import { clearPosition, loadPosition, savePosition, savedPositionPersonId } from '../stores/wizard-position.ts'
import { draftImagesFor, positionFromDraft } from '../utils/resume-position.ts'

/** Steps that end a visit: a saved one is not a place to come back to. */
const ENDS = new Set(['idle', 'alreadyRegistered', 'excluded', 'markedNotApplicable', 'registered'])

/**
 * Opens the wizard for `person`: a person still being done continues where the employee was —
 * the position this tab kept, or else the one the server's draft shows — with the images the
 * server already has shown as sent (small copies fetched from the draft). Any failure to read
 * the draft falls back to what is known locally: nothing is sent twice, at worst re-taken.
 * While the wizard is open, its position is kept in sessionStorage after every step.
 */
export function useResumeWizard(person: Pick<Person, 'id' | 'name' | 'kind' | 'status'> | undefined) {
  const personId = person?.id
  // The person as it is when the wizard opens: a new object for the same person (the list
  // loaded again) restarts nothing; only a different person (or a fresh load) does.
  const personNow = useEffectEvent(() => person)
  useEffect(() => {
    const person = personNow()
    if (!person) return
    let cancelled = false
    const urls: string[] = []
    const open = async () => {
      const wizard = useWizardStore.getState()
      if (person.status !== 'pending') {
        if (savedPositionPersonId() === person.id) clearPosition()
        wizard.start(person)
        return
      }
      const saved = loadPosition(person.id)
      const kept = saved && !ENDS.has(saved.step.name) ? saved : null
      const draft = await getDraft(person.id)
        .then((answer) => answer.images)
        .catch(() => [])
      if (cancelled) return
      const position: WizardPosition | null = kept ?? positionFromDraft(person.kind, draft, verificationSettings())
      if (!position) {
        wizard.start(person)
        return
      }
      const images: Partial<Record<string, CapturedImage>> = {}
      await Promise.all(
        draftImagesFor(position, draft).map(async (image) => {
          const blob = await getDraftThumbnail(person.id, image.id).catch(() => null)
          if (!blob) return
          const url = URL.createObjectURL(blob)
          urls.push(url)
          images[imageKey(image)] = { url, blob, uploaded: true }
        }),
      )
      if (cancelled) return
      urls.length = 0 // owned by the store from here on
      useWizardStore.getState().resume(person, position, images)
    }
    void open()
    const unsubscribe = useWizardStore.subscribe((state) => {
      if (state.person?.id === person.id) savePosition(state)
    })
    return () => {
      cancelled = true
      unsubscribe()
      for (const url of urls) URL.revokeObjectURL(url)
    }
  }, [personId])
}
