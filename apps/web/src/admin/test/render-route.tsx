/** Renders one console screen at `url` with a fresh query client, as the console's router would. */
import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { createAdminQueryClient } from '../lib/query-client.ts'

export function renderRoute(routes: { path: string; element: ReactElement }[], url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] })
  const queryClient = createAdminQueryClient()
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { router, queryClient }
}
