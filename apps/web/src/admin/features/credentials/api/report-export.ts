import type { credentialExportRequestSchema } from '@bango/shared/admin-credentials'
import { useMutation } from '@tanstack/react-query'
import type { z } from 'zod'
import { adminRequest } from '../../../lib/api-client.ts'

type CredentialExport = z.infer<typeof credentialExportRequestSchema>

/** Tells the server (audit log) that a mail-merge CSV or the postal kit was made. */
export function useReportExport(campaignId: string) {
  return useMutation({
    mutationFn: (report: CredentialExport) =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/credentials/exports`, { method: 'POST', body: report }),
  })
}
