import { useCallback, useEffect, useEffectEvent, useState } from 'react'

export type Resource<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: Error }

/**
 * Loads once on mount (and on `reload`); ignores answers that arrive after unmount. Callers
 * pass inline functions: each load runs the `load` of that moment, a new one starts nothing.
 */
export function useResource<T>(load: () => Promise<T>): Resource<T> & { reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' })
  const [generation, setGeneration] = useState(0)
  const run = useEffectEvent(load)
  useEffect(() => {
    let live = true
    run().then(
      (data) => live && setResource({ state: 'ready', data }),
      (error: unknown) => live && setResource({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    )
    return () => {
      live = false
    }
  }, [generation])
  const reload = useCallback(() => {
    setResource({ state: 'loading' })
    setGeneration((g) => g + 1)
  }, [])
  return { ...resource, reload }
}
