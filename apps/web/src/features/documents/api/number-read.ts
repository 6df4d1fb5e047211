import { numberCheckResponseSchema, numberReadResponseSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

/** Whether the server could read the number off an image just sent (ADR 042); never the number. */
export const fetchNumberRead = (personId: string, imageId: string) =>
  apiRequest(`/api/employee/persons/${encodeURIComponent(personId)}/images/${encodeURIComponent(imageId)}/number-read`, {
    schema: numberReadResponseSchema,
  })

/** A typed number against the one read off the person's photos (sent in the body, never the URL). */
export const checkNumber = (personId: string, myNumber: string) =>
  apiRequest(`/api/employee/persons/${encodeURIComponent(personId)}/number-check`, {
    method: 'POST',
    body: { myNumber },
    schema: numberCheckResponseSchema,
  })
