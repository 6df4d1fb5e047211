/** `GET /me` as loaded by the session gate: campaign, consent and submission times. */
import type { VerificationSettings } from '@bango/shared/documents'
import type { MeResponse } from '@bango/shared/employee-api'
import { create } from 'zustand'

interface MeState {
  me: MeResponse | null
  setMe: (me: MeResponse | null) => void
  update: (patch: Partial<Pick<MeResponse, 'consentedAt' | 'submittedAt' | 'lastSubmittedAt' | 'submissionReference' | 'reopened'>>) => void
}

export const useMeStore = create<MeState>()((set, get) => ({
  me: null,
  setMe: (me) => set({ me }),
  update: (patch) => {
    const { me } = get()
    if (me) set({ me: { ...me, ...patch } })
  },
}))

/** What the campaign decided about 本人確認, as the document rules take it (identity documents asked for until /me says otherwise). */
export const verificationSettings = (): VerificationSettings => ({
  identityByEmployment: useMeStore.getState().me?.campaign.identityByEmployment ?? false,
})
