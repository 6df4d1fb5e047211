import type { AdminSessionResponse } from '@bango/shared/admin-api'
import { useEffect } from 'react'
import { useParams } from 'react-router'
import { useCampaign } from '../lib/campaign.ts'

const LAST_COMPANY_KEY = 'bango.admin.company'

/**
 * The company the console is looking at: the URL's company, else the company of the URL's
 * campaign, else the last one chosen in this tab, else the first assigned.
 */
export function useCurrentCompany(session: AdminSessionResponse) {
  const { companyId, campaignId } = useParams()
  const campaign = useCampaign(companyId ? undefined : campaignId)
  const remembered = sessionStorage.getItem(LAST_COMPANY_KEY)
  const known = (id: string | null | undefined) => (id && session.companies.some((c) => c.id === id) ? id : undefined)
  const id = known(companyId) ?? known(campaign.data?.companyId) ?? known(remembered) ?? session.companies[0]?.id
  useEffect(() => {
    if (id) sessionStorage.setItem(LAST_COMPANY_KEY, id)
  }, [id])
  return session.companies.find((c) => c.id === id) ?? null
}
