import { z } from 'zod'
import type { Language } from '@bango/shared/languages'
import { apiRequest } from '../../../lib/api-client.ts'

const consentResponseSchema = z.object({ consentedAt: z.iso.datetime() })

/** Sends exactly the purposes the screen showed, and the language it showed them in. */
export const postConsent = (purposes: string[], language: Language) =>
  apiRequest('/api/employee/consent', { method: 'POST', body: { purposes, language }, schema: consentResponseSchema })
