/**
 * Whether the card has been held still: the auto-capture waits until the outline's corners have
 * stayed within a few pixels of where they were for long enough (and the number band is sharp).
 * Movement is measured from where the still spell began, not frame to frame, so a slow drift
 * does not count as still.
 */
import { distance } from './geometry.ts'
import type { CardOutline } from './detect-card.ts'

/** A still spell: the outline it began with and when (ms, e.g. performance.now()). Null: no card. */
export type Steadiness = { anchor: CardOutline; since: number } | null

/**
 * The spell after this frame's outline: it goes on while every corner stays within `maxMovement`
 * pixels of the anchor's; it starts again from this outline when one moves further or the card is lost.
 */
export function trackSteadiness(previous: Steadiness, outline: CardOutline | null, now: number, maxMovement: number): Steadiness {
  if (!outline) return null
  if (previous && outline.corners.every((corner, i) => distance(corner, previous.anchor.corners[i]!) <= maxMovement)) return previous
  return { anchor: outline, since: now }
}

/** Whether the card has been still for at least `holdMs` by `now`. */
export function isSteady(steadiness: Steadiness, now: number, holdMs: number): boolean {
  return steadiness !== null && now - steadiness.since >= holdMs
}
