import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import { paths, routePatterns } from '../../../app/paths.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { buildMe } from '../../../test/factories.ts'
import { CompletionPage } from './completion-page.tsx'

function renderDone() {
  render(<RouterProvider router={createMemoryRouter([{ path: routePatterns.done, element: <CompletionPage /> }], { initialEntries: [paths.done()] })} />)
}

describe('CompletionPage', () => {
  it('says the submission is complete, and once HR approved everyone, that it was accepted', () => {
    useMeStore.setState({ me: buildMe({ submittedAt: '2026-11-25T10:00:00.000Z' }) })
    renderDone()
    expect(screen.getByRole('heading', { name: '登録処理は完了です' })).toBeInTheDocument()
    expect(screen.queryByText(/受理/)).not.toBeInTheDocument()
  })

  it('says 受理されました after approval, with no images', () => {
    useMeStore.setState({ me: buildMe({ submittedAt: '2026-11-25T10:00:00.000Z', acceptedAt: '2026-11-26T10:00:00.000Z' }) })
    renderDone()
    expect(screen.getByRole('heading', { name: '提出書類は受理されました' })).toBeInTheDocument()
    expect(screen.queryByRole('img')).not.toBeInTheDocument()
  })
})
