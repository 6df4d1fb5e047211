import { importResponseSchema, type ImportResponse } from '@bango/shared/admin-import'
import { AdminApiError } from '../../../lib/api-client.ts'
import { adminUpload } from '../../../lib/upload.ts'

export interface ImportFile {
  campaignId: string
  file: Blob
  onProgress?: (fraction: number) => void
}

/**
 * Sends the file as is (the server detects UTF-8 / Shift_JIS). A refused import (422
 * IMPORT_INVALID) carries the same answer in `details`: it is an answer to show, not a
 * failure, so both the preview and the import return it.
 */
export async function sendImport({ campaignId, file, onProgress }: ImportFile, dryRun: boolean): Promise<ImportResponse> {
  const path = `/campaigns/${encodeURIComponent(campaignId)}/import?dryRun=${dryRun}`
  try {
    return await adminUpload(path, { body: file, contentType: 'text/csv', schema: importResponseSchema, onProgress })
  } catch (error) {
    if (error instanceof AdminApiError && error.code === 'IMPORT_INVALID') {
      const refused = importResponseSchema.safeParse(error.details)
      if (refused.success) return refused.data
    }
    throw error
  }
}
