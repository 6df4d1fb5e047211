/**
 * The card found in the live video, a few times a second (ADR 044):
 * the frame is drawn into a small canvas, the detector (capture-analysis/) looks for the card's
 * outline, and the employee is guided in words — line it up, come closer, avoid the reflection,
 * hold still. Once the
 * card has been held still and its print is sharp, the view is `ready`: the camera takes the
 * picture itself (camera-panel.tsx). 「撮影」 stays for the employee to press at any time.
 */
import { useEffect, useState } from 'react'
import { DETECTION_LONG_SIDE, detectCard, isWholeCardInFrame, type CardOutline } from '../capture-analysis/detect-card.ts'
import { greyFrameFromRgba } from '../capture-analysis/grey-frame.ts'
import { cardPrintSharpness } from '../capture-analysis/frame-sharpness.ts'
import { GLARE_SHARE, glareShare } from '../capture-analysis/glare.ts'
import type { Corners } from '../capture-analysis/geometry.ts'
import { isSteady, trackSteadiness, type Steadiness } from '../capture-analysis/steadiness.ts'

/** About five looks a second: bench:card measures ~30 ms a look at 4× CPU slowdown. */
const LOOK_EVERY_MS = 180
/** Held this long within `MAX_MOVEMENT` pixels (of the 480 px frame): still. */
const HOLD_MS = 600
const MAX_MOVEMENT = 6
/** A card filling less of the frame than this is too far away for its small print. */
const MIN_FILL = 0.25
/**
 * The sharpest band's Laplacian variance above which the print is sharp enough to take. The
 * synthetic card reads ~3500 sharp, ~740 out of focus by 1 px, ~170 by 2 px (capture-analysis/
 * sharpness.ts); real phone frames have less contrast and more noise: to be calibrated against
 * whether the server reads their number (ADR 044).
 */
const SHARP_ENOUGH = 250
/** An outline this well backed by edges is the card's: the picture is straightened to it. */
export const CONFIDENT_OUTLINE = 0.9

export type CardGuidance = 'align' | 'closer' | 'glare' | 'hold' | 'focus' | 'steady'

export interface CardView {
  outline: CardOutline | null
  /** The size of the frame the outline's corners are in (the video, scaled to 480 px on its long side). */
  frame: { width: number; height: number } | null
  guidance: CardGuidance
  /** Held still and sharp: the moment to take the picture. */
  ready: boolean
}

const NOTHING: CardView = { outline: null, frame: null, guidance: 'align', ready: false }

/** What is known of the card in this frame, each measure taken only when the guidance gets to it. */
export interface CardChecks {
  /** Held within MAX_MOVEMENT for HOLD_MS. */
  steady: boolean
  /** A reflection hides part of the card. */
  glare: () => boolean
  /** Its print is sharp enough to read (asked only of a card held still). */
  sharp: () => boolean
}

/**
 * What to tell the employee about this frame's outline. A reflection is named before stillness:
 * holding still does not remove it, and a card taken with it would have to be taken again.
 */
export function guidanceOf(outline: CardOutline | null, frame: { width: number; height: number }, checks: CardChecks): CardGuidance {
  if (!outline || !isWholeCardInFrame(outline, frame.width, frame.height)) return 'align'
  if (outline.fill < MIN_FILL) return 'closer'
  if (checks.glare()) return 'glare'
  if (!checks.steady) return 'hold'
  return checks.sharp() ? 'steady' : 'focus'
}

/** The outline's corners in the video's own pixels. */
export const cornersInVideo = (outline: CardOutline, frame: { width: number }, video: HTMLVideoElement) =>
  outline.corners.map(({ x, y }) => ({ x: (x * video.videoWidth) / frame.width, y: (y * video.videoWidth) / frame.width })) as Corners

/** Looks at `video()` while `enabled`; a browser without a 2D canvas (or a video not playing yet) finds nothing. */
export function useCardOutline(video: () => HTMLVideoElement | null | undefined, enabled: boolean): CardView {
  const [view, setView] = useState<CardView>(NOTHING)
  useEffect(() => {
    if (!enabled) return
    const canvas = document.createElement('canvas')
    const crop = document.createElement('canvas')
    let steadiness: Steadiness = null
    const look = () => {
      const element = video()
      if (!element || element.readyState < 2 || element.videoWidth === 0) return
      const scale = DETECTION_LONG_SIDE / Math.max(element.videoWidth, element.videoHeight)
      const frame = { width: Math.round(element.videoWidth * scale), height: Math.round(element.videoHeight * scale) }
      canvas.width = frame.width
      canvas.height = frame.height
      const context = canvas.getContext('2d', { willReadFrequently: true })
      if (!context) return
      // The canvas scales the frame down: faster than the detector's own shrink.
      context.drawImage(element, 0, 0, frame.width, frame.height)
      const grey = greyFrameFromRgba(context.getImageData(0, 0, frame.width, frame.height))
      const outline = detectCard(grey)
      const now = performance.now()
      steadiness = trackSteadiness(steadiness, outline, now, MAX_MOVEMENT)
      const guidance = guidanceOf(outline, frame, {
        steady: isSteady(steadiness, now, HOLD_MS),
        glare: () => outline !== null && glareShare(grey, outline.corners) >= GLARE_SHARE,
        sharp: () => outline !== null && cardPrintSharpness(element, cornersInVideo(outline, frame, element), crop) >= SHARP_ENOUGH,
      })
      setView({ outline, frame, guidance, ready: guidance === 'steady' })
    }
    const timer = setInterval(look, LOOK_EVERY_MS)
    return () => clearInterval(timer)
  }, [video, enabled])
  return enabled ? view : NOTHING
}
