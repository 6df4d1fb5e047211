/**
 * The employee's access token. Mirrored to sessionStorage (never localStorage): it
 * survives a reload in the same tab and dies with the tab.
 */
import type { SessionResponse } from '@bango/shared/employee-api'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

export const SESSION_STORAGE_KEY = 'bango-session'
/** Where the employee is in the document wizard (no image, no number): features/documents/stores/wizard-position.ts. */
export const WIZARD_POSITION_STORAGE_KEY = 'bango-wizard'

/** Only the screens of the document work are returned to (never a login link: it carries the token). */
const RESUMABLE = /^\/(targets|persons\/[0-9a-f-]{36})$/

function resumablePath(): string | null {
  const { pathname, search } = window.location
  return RESUMABLE.test(pathname) ? `${pathname}${search}` : null
}

function forgetWizardPosition() {
  try {
    sessionStorage.removeItem(WIZARD_POSITION_STORAGE_KEY)
  } catch {
    // Storage switched off: nothing was kept.
  }
}

interface SessionState {
  accessToken: string | null
  /** Client-clock time (ms) after which the token is refreshed: half of its life. */
  refreshAfter: number | null
  /** The API answered 401 to a signed-in call: the screen says to open the link again. */
  expired: boolean
  /** The employee pressed 「ログアウト」 (the screen says so instead of "expired"). */
  signedOut: boolean
  /** Where the session expired (a person's wizard, the list): the next login in this tab returns there. */
  resumePath: string | null
  signIn: (session: SessionResponse, now?: number) => void
  expire: () => void
  signOut: () => void
}

export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      accessToken: null,
      refreshAfter: null,
      expired: false,
      signedOut: false,
      resumePath: null,
      signIn: (session, now = Date.now()) => {
        // Measured against our own clock so a skewed phone clock does not matter.
        const life = Math.max(0, Date.parse(session.expiresAt) - now)
        set({ accessToken: session.accessToken, refreshAfter: now + life / 2, expired: false, signedOut: false, resumePath: null })
      },
      expire: () => set({ accessToken: null, refreshAfter: null, expired: true, resumePath: resumablePath() }),
      signOut: () => {
        // Pressed on purpose (perhaps on a shared device): nothing of where they were stays behind.
        forgetWizardPosition()
        set({ accessToken: null, refreshAfter: null, expired: false, signedOut: true, resumePath: null })
      },
    }),
    {
      name: SESSION_STORAGE_KEY,
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ accessToken, refreshAfter, expired, signedOut, resumePath }) => ({ accessToken, refreshAfter, expired, signedOut, resumePath }),
    },
  ),
)
