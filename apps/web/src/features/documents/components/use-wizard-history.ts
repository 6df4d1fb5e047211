/**
 * Every wizard step is an entry of the browser history, so the phone's back button means
 * 「戻る」 and forward goes forward again. The store stays the one place that knows the steps;
 * each entry carries its depth (the number of steps behind it) in the history state and the
 * step's name as `?step=`, and this hook keeps the two in line:
 * - a new step (「次へ」…) pushes an entry; the in-app 「戻る」 goes back one entry;
 * - the browser's back/forward moves the store to the entry's depth;
 * - arriving with no entry (a link, a new login) lays one entry per step already behind, so
 *   back still walks through them;
 * - a restart of the person (登録した, 対象外, やり直す) replaces the entry: going back from
 *   there leaves the wizard for the list.
 */
import { useEffect, useRef } from 'react'
import { useLocation, useNavigate, useNavigationType } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { stepKey, useWizardStore, type WizardStep } from '../stores/wizard-store.ts'

interface WizardEntry {
  wizardDepth: number
}

const depthOf = (state: unknown): number | null => {
  const depth = typeof state === 'object' && state !== null ? (state as Partial<WizardEntry>).wizardDepth : undefined
  return typeof depth === 'number' && Number.isInteger(depth) && depth >= 0 ? depth : null
}

export function useWizardHistory(personId: string) {
  const location = useLocation()
  const navigationType = useNavigationType()
  const navigate = useNavigate()
  const depth = useWizardStore((s) => (s.person?.id === personId ? s.history.length : null))
  const key = useWizardStore((s) => stepKey(s.step))
  const lastLocation = useRef<string | null>(null)
  const handled = useRef<string | null>(null)

  useEffect(() => {
    const wizard = useWizardStore.getState()
    if (depth === null || wizard.step.name === 'idle') return
    // Strict mode runs effects twice: one reaction per (entry, step).
    const signature = `${location.key}|${depth}|${key}`
    if (handled.current === signature) return
    handled.current = signature
    const moved = lastLocation.current !== null && lastLocation.current !== location.key
    lastLocation.current = location.key

    const to = (step: WizardStep) => ({ pathname: paths.person(personId), search: `?step=${encodeURIComponent(stepKey(step))}` })
    const entry = (at: number, step: WizardStep, replace: boolean) => navigate(to(step), { replace, state: { wizardDepth: at } satisfies WizardEntry })
    const at = depthOf(location.state)

    if (at === null) {
      ;[...wizard.history, wizard.step].forEach((step, index) => entry(index, step, index === 0))
      return
    }
    if (moved && navigationType === 'POP') {
      const store = useWizardStore.getState
      while (store().history.length > at && store().history.length > 0) store().back()
      while (store().history.length < at && store().future.length > 0) store().forward()
      const now = store()
      if (now.history.length === at) {
        if (location.search !== to(now.step).search) entry(at, now.step, true)
      } else if (now.history.length === 0) navigate(paths.targets())
      else entry(now.history.length, now.step, true)
      return
    }
    if (depth === at) {
      if (location.search !== to(wizard.step).search) entry(at, wizard.step, true)
    } else if (depth === at + 1 && wizard.move === 'go') entry(depth, wizard.step, false)
    else if (depth === at - 1 && wizard.move === 'back') navigate(-1)
    else entry(depth, wizard.step, true)
  }, [location.key, location.state, location.search, navigationType, navigate, depth, key, personId])
}
