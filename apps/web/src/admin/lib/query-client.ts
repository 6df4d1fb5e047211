/**
 * The console's react-query defaults. A 4xx is an answer, not a glitch: never retried. A
 * network failure or a 5xx is retried once (GETs only; mutations never, they may not be
 * idempotent). Screens show `error` through components/query-error.tsx.
 */
import { QueryClient } from '@tanstack/react-query'
import { AdminApiError } from './api-client.ts'

export const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 1 && error instanceof AdminApiError && (error.code === 'NETWORK' || error.status >= 500)

export function createAdminQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
