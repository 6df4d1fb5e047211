/** Phones and tablets (a finger, not a mouse): where the camera is, and where a QR code is read. */
export const isTouchDevice = () => typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches
