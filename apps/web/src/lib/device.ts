/** Phones and tablets (a finger, not a mouse): where the camera is, and where a QR code is read. */
export const isTouchDevice = () => typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches

const cameraApiAvailable = () => typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function'

/**
 * Whether this device has a camera at all. `enumerateDevices` lists the kinds of device without a
 * permission prompt (labels stay empty); where it is missing, the camera API is all there is to go by.
 */
export async function hasCamera(): Promise<boolean> {
  if (!cameraApiAvailable()) return false
  if (typeof navigator.mediaDevices.enumerateDevices !== 'function') return true
  try {
    return (await navigator.mediaDevices.enumerateDevices()).some((device) => device.kind === 'videoinput')
  } catch {
    return true
  }
}
