import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { LazyBoundary, lazyNamed } from './lazy-screen.tsx'

/** A module whose download the test finishes or fails, like a chunk on a slow network. */
function deferredModule() {
  let finish: (module: { Screen: () => React.JSX.Element }) => void = () => undefined
  let fail: (error: Error) => void = () => undefined
  const load = () => new Promise<{ Screen: () => React.JSX.Element }>((resolve, reject) => ((finish = resolve), (fail = reject)))
  return { load, finish: (module: { Screen: () => React.JSX.Element }) => finish(module), fail: (error: Error) => fail(error) }
}

describe('LazyBoundary', () => {
  it('announces the loading status while a screen downloads, then shows it', async () => {
    const chunk = deferredModule()
    const Screen = lazyNamed(chunk.load, 'Screen')
    render(
      <LazyBoundary page>
        <Screen />
      </LazyBoundary>,
    )

    expect(screen.getByRole('status')).toHaveTextContent('読み込み中…')
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('status'))
    await act(async () => chunk.finish({ Screen: () => <h1>次の画面</h1> }))
    expect(screen.getByRole('heading', { name: '次の画面' })).toBeInTheDocument()
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
  })

  it('says the screen could not be loaded and offers a reload when the download fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const reload = vi.fn()
    vi.stubGlobal('location', { ...window.location, reload })
    const chunk = deferredModule()
    const Screen = lazyNamed(chunk.load, 'Screen')
    render(
      <LazyBoundary>
        <Screen />
      </LazyBoundary>,
    )

    await act(async () => chunk.fail(new TypeError('Failed to fetch dynamically imported module')))
    expect(screen.getByRole('alert')).toHaveTextContent('画面を読み込めませんでした')
    await userEvent.click(screen.getByRole('button', { name: '再読み込み' }))
    expect(reload).toHaveBeenCalledOnce()
  })
})
