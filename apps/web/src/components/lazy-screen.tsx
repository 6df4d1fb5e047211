/**
 * Screens fetched when first needed (React.lazy): what shows while their chunk downloads on a
 * slow network, and what shows if the download fails (offline, or a redeploy removed the old
 * chunk) instead of a blank page. React caches a failed lazy import, so the way out is a reload:
 * the session survives it (sessionStorage).
 */
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { translate } from '../lib/use-t.ts'
import { ResourceStatus } from './resource-status.tsx'

/** React.lazy for a module's named export (our components are named, never default). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: any props
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }))
}

/** The screen area while a chunk loads: the same announced status as data loading. */
export function ScreenLoading({ page = false }: { page?: boolean }) {
  return page ? (
    <main className="page">
      <ResourceStatus />
    </main>
  ) : (
    <ResourceStatus />
  )
}

interface BoundaryState {
  failed: boolean
}

/** Suspense with the loading status, inside a boundary that offers a reload when a chunk cannot be fetched. */
export class LazyBoundary extends Component<{ children: ReactNode; page?: boolean }, BoundaryState> {
  override state: BoundaryState = { failed: false }

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true }
  }

  override render() {
    const { children, page = false } = this.props
    if (this.state.failed) {
      const notice = (
        <div className="notice notice--error" role="alert">
          <p>{translate('common.screenLoadFailed')}</p>
          <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
            {translate('common.reload')}
          </button>
        </div>
      )
      return page ? <main className="page">{notice}</main> : notice
    }
    return <Suspense fallback={<ScreenLoading page={page} />}>{children}</Suspense>
  }
}
