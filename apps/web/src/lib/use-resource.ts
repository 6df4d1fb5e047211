import { useCallback, useEffect, useState } from 'react'

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: Error }

/** Loads once on mount (and on `reload`); ignores answers that arrive after unmount. */
export function useResource<T>(load: () => Promise<T>): Resource<T> & { reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' })
  const [generation, setGeneration] = useState(0)
  // `load` is read once per generation on purpose: callers pass inline functions.
  const run = useCallback(load, [generation])
  useEffect(() => {
    let live = true
    setResource({ state: 'loading' })
    run().then(
      (data) => live && setResource({ state: 'ready', data }),
      (error: unknown) => live && setResource({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    )
    return () => {
      live = false
    }
  }, [run])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { ...resource, reload }
}
