/**
 * The console's react-query defaults. A 4xx is an answer, not a glitch: never retried. A
 * network failure or a 5xx is retried once (GETs only; mutations never, they may not be
 * idempotent). Screens show `error` through ../components/error-alert.tsx.
 *
 * Never stale for longer than a navigation: employees change what HR looks at (a re-submission
 * after a 差し戻し, a login, 完了), so every screen asks again when it opens and when the tab
 * comes back into focus, on PostgreSQL and on the embedded database alike. A cached answer is
 * shown meanwhile, except where it would show what no longer exists (the review's images:
 * ../features/review/api/get-submission.ts keeps no cache).
 * @see ../../../../../docs/decisions/052-two-data-layers-in-the-web-app.md
 */
import { QueryClient } from '@tanstack/react-query'
import { AdminApiError } from './api-client.ts'

export const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 1 && error instanceof AdminApiError && (error.code === 'NETWORK' || error.status >= 500)

export function createAdminQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 0, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  })
}
