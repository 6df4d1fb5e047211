import { draftResponseSchema } from '@bango/shared/employee-api'
import { apiBlob, apiRequest } from '../../../lib/api-client.ts'

const personPath = (personId: string) => `/api/employee/persons/${encodeURIComponent(personId)}`

/** The images already sent for a person still being done (role, slot, side, type; no pixels). */
export const getDraft = (personId: string) => apiRequest(`${personPath(personId)}/draft`, { schema: draftResponseSchema })

/** A small JPEG of one of them, to show it as sent when the wizard resumes. */
export const getDraftThumbnail = (personId: string, imageId: string) => apiBlob(`${personPath(personId)}/images/${encodeURIComponent(imageId)}`)
