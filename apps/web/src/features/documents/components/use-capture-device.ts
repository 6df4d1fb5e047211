import { useEffect, useState } from 'react'
import { hasCamera, isTouchDevice } from '../../../lib/device.ts'

export interface CaptureDevice {
  /** A finger, not a mouse: the camera opens full screen. */
  phone: boolean
  /** A camera may be there (the API exists and, once asked, a video input is listed). */
  camera: boolean
  /** No touch or no camera: 「写真を選ぶ」 is the main action, the camera at most a second one. */
  filePrimary: boolean
}

const describe = (phone: boolean, camera: boolean): CaptureDevice => ({ phone, camera, filePrimary: !phone || !camera })

/** Known at once from the pointer and the camera API, then refined by the list of devices. */
export function useCaptureDevice(): CaptureDevice {
  const [device, setDevice] = useState(() => describe(isTouchDevice(), typeof navigator.mediaDevices?.getUserMedia === 'function'))
  useEffect(() => {
    let current = true
    void hasCamera().then((camera) => {
      if (current) setDevice((before) => (before.camera === camera ? before : describe(before.phone, camera)))
    })
    return () => {
      current = false
    }
  }, [])
  return device
}
