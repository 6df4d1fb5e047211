import { useEffect } from 'react'
import { create } from 'zustand'

/** Uploads in flight on this page (several capture steps may each have one). */
export const useUploadsInFlight = create<{ count: number }>()(() => ({ count: 0 }))

/** While an upload runs, marks it in flight: leaving the page then asks first. */
export function useUploadInFlight(running: boolean) {
  useEffect(() => {
    if (!running) return
    useUploadsInFlight.setState((s) => ({ count: s.count + 1 }))
    return () => useUploadsInFlight.setState((s) => ({ count: s.count - 1 }))
  }, [running])
}

/**
 * The browser's own "leave this page?" while an image is being sent: a reload or a closed tab
 * would lose it (what was already sent is kept and shown again on return).
 */
export function useLeaveWarning() {
  const busy = useUploadsInFlight((s) => s.count > 0)
  useEffect(() => {
    if (!busy) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [busy])
}
