/**
 * The card found in the live video, a few times a second (issue: a camera that finds the card):
 * the frame is drawn into a small canvas, the detector (capture-analysis/) looks for the card's
 * outline, and the employee is guided in words — line it up, come closer, hold still. The outline
 * is drawn over the preview; 「撮影」 stays the employee's to press.
 */
import { useEffect, useState } from 'react'
import { DETECTION_LONG_SIDE, detectCard, isWholeCardInFrame, type CardOutline } from '../capture-analysis/detect-card.ts'
import { greyFrameFromRgba } from '../capture-analysis/grey-frame.ts'
import { isSteady, trackSteadiness, type Steadiness } from '../capture-analysis/steadiness.ts'

/** About five looks a second: bench:card measures ~30 ms a look at 4× CPU slowdown. */
const LOOK_EVERY_MS = 180
/** Held this long within `MAX_MOVEMENT` pixels (of the 480 px frame): still. */
const HOLD_MS = 600
const MAX_MOVEMENT = 6
/** A card filling less of the frame than this is too far away for its small print. */
const MIN_FILL = 0.25

export type CardGuidance = 'align' | 'closer' | 'hold' | 'steady'

export interface CardView {
  outline: CardOutline | null
  /** The size of the frame the outline's corners are in (the video, scaled to 480 px on its long side). */
  frame: { width: number; height: number } | null
  guidance: CardGuidance
}

/** What to tell the employee about this frame's outline. */
export function guidanceOf(outline: CardOutline | null, frame: { width: number; height: number }, steady: boolean): CardGuidance {
  if (!outline || !isWholeCardInFrame(outline, frame.width, frame.height)) return 'align'
  if (outline.fill < MIN_FILL) return 'closer'
  return steady ? 'steady' : 'hold'
}

/** Looks at `video()` while `enabled`; a browser without a 2D canvas (or a video not playing yet) finds nothing. */
export function useCardOutline(video: () => HTMLVideoElement | null | undefined, enabled: boolean): CardView {
  const [view, setView] = useState<CardView>({ outline: null, frame: null, guidance: 'align' })
  useEffect(() => {
    if (!enabled) return
    const canvas = document.createElement('canvas')
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
      const outline = detectCard(greyFrameFromRgba(context.getImageData(0, 0, frame.width, frame.height)))
      const now = performance.now()
      steadiness = trackSteadiness(steadiness, outline, now, MAX_MOVEMENT)
      setView({ outline, frame, guidance: guidanceOf(outline, frame, isSteady(steadiness, now, HOLD_MS)) })
    }
    const timer = setInterval(look, LOOK_EVERY_MS)
    return () => clearInterval(timer)
  }, [video, enabled])
  return enabled ? view : { outline: null, frame: null, guidance: 'align' }
}
