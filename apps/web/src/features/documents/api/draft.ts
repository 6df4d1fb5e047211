import { type BackAbsenceRequest, draftResponseSchema } from '@bango/shared/employee-api'
import { z } from 'zod'
import { apiBlob, apiRequest } from '../../../lib/api-client.ts'

const personPath = (personId: string) => `/api/employee/persons/${encodeURIComponent(personId)}`

/** The images already sent for a person still being done (role, slot, side, type; no pixels). */
export const getDraft = (personId: string) => apiRequest(`${personPath(personId)}/draft`, { schema: draftResponseSchema })

/** A small JPEG of one of them, to show it as sent when the wizard resumes. */
export const getDraftThumbnail = (personId: string, imageId: string) => apiBlob(`${personPath(personId)}/images/${encodeURIComponent(imageId)}`)

/** 「うら面はありません」 kept with the draft, so a sign-in on another device resumes past the back (204, no body). */
export const declareBackAbsence = (personId: string, request: BackAbsenceRequest) =>
  apiRequest(`${personPath(personId)}/draft/back-absence`, { method: 'PUT', body: request, schema: z.undefined() })
