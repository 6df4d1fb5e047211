import { numberOcrResponseSchema } from '@bango/shared/admin-number'
import { useMutation } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { numberPath } from './keys.ts'

/** Reads the submitted number document on the server: a suggestion, saved nowhere. */
export const useReadNumberOcr = (campaignId: string, employeeId: string, personId: string) =>
  useMutation({
    mutationFn: () => adminRequest(numberPath(campaignId, employeeId, personId, '/ocr'), { method: 'POST', schema: numberOcrResponseSchema }),
  })
