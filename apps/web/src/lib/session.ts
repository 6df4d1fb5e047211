/**
 * The employee's access token. Mirrored to sessionStorage (never localStorage): it
 * survives a reload in the same tab and dies with the tab.
 */
import type { SessionResponse } from '@bango/shared/employee-api'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

export const SESSION_STORAGE_KEY = 'bango-session'

interface SessionState {
  accessToken: string | null
  /** Client-clock time (ms) after which the token is refreshed: half of its life. */
  refreshAfter: number | null
  /** The API answered 401 to a signed-in call: the screen says to open the link again. */
  expired: boolean
  /** The employee pressed 「ログアウト」 (the screen says so instead of "expired"). */
  signedOut: boolean
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
      signIn: (session, now = Date.now()) => {
        // Measured against our own clock so a skewed phone clock does not matter.
        const life = Math.max(0, Date.parse(session.expiresAt) - now)
        set({ accessToken: session.accessToken, refreshAfter: now + life / 2, expired: false, signedOut: false })
      },
      expire: () => set({ accessToken: null, refreshAfter: null, expired: true }),
      signOut: () => set({ accessToken: null, refreshAfter: null, expired: false, signedOut: true }),
    }),
    {
      name: SESSION_STORAGE_KEY,
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ accessToken, refreshAfter, expired, signedOut }) => ({ accessToken, refreshAfter, expired, signedOut }),
    },
  ),
)
