import { personSchema, type AddDependentRequest } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

/** 「扶養追加」 */
export const addDependent = (request: AddDependentRequest) => apiRequest('/api/employee/persons', { method: 'POST', body: request, schema: personSchema })
