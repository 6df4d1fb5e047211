/** Reads several features need. Mutations live in each feature's `api/`. */
import { meResponseSchema, personsResponseSchema } from '@bango/shared/employee-api'
import { apiRequest } from './api-client.ts'

export const getMe = () => apiRequest('/api/employee/me', { schema: meResponseSchema })

export const getPersons = () => apiRequest('/api/employee/persons', { schema: personsResponseSchema })
