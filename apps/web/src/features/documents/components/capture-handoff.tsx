/**
 * The PC's 「スマートフォンで続ける」 on the capture screen. Features do not import each other: the
 * app puts the handoff panel here (app/person-screen.tsx), and the capture screen places it.
 */
import { createContext, useContext, type ReactNode } from 'react'

export const CaptureHandoffContext = createContext<ReactNode>(null)

/** Renders the panel the app provided (nothing on a phone: the panel itself knows). */
export function CaptureHandoff() {
  return useContext(CaptureHandoffContext)
}
