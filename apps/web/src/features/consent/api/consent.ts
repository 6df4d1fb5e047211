import { z } from 'zod'
import { apiRequest } from '../../../lib/api-client.ts'

const consentResponseSchema = z.object({ consentedAt: z.iso.datetime() })

/** Sends exactly the purposes the screen showed. */
export const postConsent = (purposes: string[]) => apiRequest('/api/employee/consent', { method: 'POST', body: { purposes }, schema: consentResponseSchema })
