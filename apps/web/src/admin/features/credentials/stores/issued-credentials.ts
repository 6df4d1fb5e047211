/**
 * The last issue's answer — passwords included — held only in memory: never persisted
 * (no sessionStorage/localStorage), gone on reload, cleared when another campaign issues.
 */
import type { IssueCredentialsResponse } from '@bango/shared/admin-credentials'
import { create } from 'zustand'

interface IssuedCredentialsState {
  campaignId: string | null
  issued: IssueCredentialsResponse | null
  keep: (campaignId: string, issued: IssueCredentialsResponse) => void
  reset: () => void
}

const getInitialState = () => ({ campaignId: null, issued: null })

export const useIssuedCredentials = create<IssuedCredentialsState>()((set) => ({
  ...getInitialState(),
  keep: (campaignId, issued) => set({ campaignId, issued }),
  reset: () => set(getInitialState()),
}))

/** The answer kept for this campaign, if any. */
export const useIssuedFor = (campaignId: string) => useIssuedCredentials((state) => (state.campaignId === campaignId ? state.issued : null))
