/**
 * Every screen after the password, each in its own chunk: the first load holds only the login
 * (docs/decisions/014-employee-first-load.md). A screen downloads when first opened; the ones
 * right after login are fetched while the password is being typed.
 */
import { lazyNamed } from '../components/lazy-screen.tsx'
import { loadSignedIn } from './session-gate.tsx'

const load = {
  handoff: () => import('./handoff-screen.tsx'),
  consent: () => import('../features/consent/components/consent-page.tsx'),
  completion: () => import('../features/completion/components/completion-page.tsx'),
  targets: () => import('./targets-screen.tsx'),
  addDependent: () => import('../features/targets/components/add-dependent-page.tsx'),
  person: () => import('./person-screen.tsx'),
}

export const HandoffPage = lazyNamed(load.handoff, 'HandoffScreen')
export const ConsentPage = lazyNamed(load.consent, 'ConsentPage')
export const CompletionPage = lazyNamed(load.completion, 'CompletionPage')
export const TargetsScreen = lazyNamed(load.targets, 'TargetsScreen')
export const AddDependentPage = lazyNamed(load.addDependent, 'AddDependentPage')
export const PersonPage = lazyNamed(load.person, 'PersonScreen')

/** Fetches the screens that follow a login; a failure here is retried when the screen is opened. */
export function preloadAfterLogin() {
  for (const next of [loadSignedIn, load.consent, load.targets]) next().catch(() => undefined)
}
