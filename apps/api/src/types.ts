import type { EmployeeIdentity } from './domain/credentials.ts'
import type { Services } from './services.ts'

declare module 'fastify' {
  interface FastifyInstance {
    services: Services
  }
  interface FastifyRequest {
    /** Set by the employee auth gate (routes/employee/autohooks.ts) for every route behind it. */
    employee: EmployeeIdentity
  }
}
