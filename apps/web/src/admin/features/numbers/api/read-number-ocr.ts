import { numberOcrResponseSchema } from '@bango/shared/admin-number'
import { useMutation, useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'
import { numberPath } from './number-path.ts'

const readNumber = (campaignId: string, employeeId: string, personId: string) =>
  adminRequest(numberPath(campaignId, employeeId, personId, '/ocr'), { method: 'POST', schema: numberOcrResponseSchema })

/** Reads the submitted number document on the server when asked: a suggestion, saved nowhere. */
export const useReadNumberOcr = (campaignId: string, employeeId: string, personId: string) =>
  useMutation({ mutationFn: () => readNumber(campaignId, employeeId, personId) })

/**
 * The reading for the entry as it opens: asked once per opening (each is an audited access), so
 * outside the campaign's keys (a campaign-wide refresh must not read again), never refetched, and
 * dropped when the entry closes.
 */
export const useNumberReading = (campaignId: string, employeeId: string, personId: string) =>
  useQuery({
    queryKey: queryKeys.numberReading(campaignId, employeeId, personId),
    queryFn: () => readNumber(campaignId, employeeId, personId),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  })
