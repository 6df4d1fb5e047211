import type { OperatorIdentity } from './domain/admin/access.ts'
import type { EmployeeIdentity, SessionStanding } from './domain/credentials.ts'
import type { Metrics } from './lib/metrics.ts'
import type { Services } from './services.ts'

declare module 'fastify' {
  interface FastifyInstance {
    services: Services
    /** This instance's Prometheus metrics (lib/metrics.ts, plugins/app/metrics.ts). */
    metrics: Metrics
  }
  interface FastifyRequest {
    /** Set by the employee auth gate (routes/employee/auth-gate.ts) for every route behind it. */
    employee: EmployeeIdentity
    /** The `employee_sessions` row the request's JWT belongs to (same gate). */
    employeeSessionId: string
    /** Whether that session is receipt-only and the purposes agreed to (same gate). */
    employeeStanding: SessionStanding
    /** Set by the admin auth gate (routes/admin/auth-gate.ts) for every route behind it. */
    operator: OperatorIdentity
  }
  interface FastifyContextConfig {
    /**
     * An employee route that a session may still reach after 「完了」 (receipt-only): the
     * completion receipt and the session itself. Every other employee route refuses such a
     * session (routes/employee/auth-gate.ts).
     */
    afterSubmission?: true
    /** A health check: answered even while Redis is unreachable (plugins/external/rate-limit.ts). */
    health?: true
  }
}
