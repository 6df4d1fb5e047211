import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useLeaveWarning, useUploadInFlight } from './use-leave-warning.ts'

const leave = () => {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

describe('useLeaveWarning', () => {
  it('asks before leaving only while an upload runs', () => {
    renderHook(() => useLeaveWarning())
    expect(leave()).toBe(false)
    const upload = renderHook(({ running }) => useUploadInFlight(running), { initialProps: { running: true } })
    expect(leave()).toBe(true)
    act(() => upload.rerender({ running: false }))
    expect(leave()).toBe(false)
    act(() => upload.rerender({ running: true }))
    upload.unmount() // the step was left: its upload no longer holds the page
    expect(leave()).toBe(false)
  })
})
