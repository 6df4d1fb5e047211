/**
 * Finds an ID-1 card (マイナンバーカード, 通知カード, 在留カード, 運転免許証, 健康保険証) in a
 * camera frame, as the four corners of a quadrilateral. Edges (edges.ts) → straight lines
 * (hough-lines.ts) → card-shaped quadrilaterals (card-candidates.ts) → the one whose sides the
 * edges back best, its sides then refitted to their edges (card-sides.ts) for corners to the
 * pixel. Pure arithmetic on a grey frame: the caller draws the video into a canvas.
 */
import { cardCandidates } from './card-candidates.ts'
import { refitSide, sideSupport } from './card-sides.ts'
import { findEdges, type EdgeMap } from './edges.ts'
import { lineIntersection, lineThrough, orderCorners, polygonArea, type Corners, type Point } from './geometry.ts'
import { shrinkGreyFrame, type GreyFrame } from './grey-frame.ts'
import { findLines } from './hough-lines.ts'

/**
 * The long side the detector works at; a larger frame is scaled down to it first, but a canvas
 * drawing the video at this size does that faster. bench:card: about 30 ms a frame at 4× CPU.
 */
export const DETECTION_LONG_SIDE = 480
/** A card whose short side is under this fraction of the frame's short side is not looked for. */
const MIN_CARD_SIDE = 0.15
/** The strongest lines looked at: a card's four and the print, the desk and the background's. */
const MAX_LINES = 24
/** Each side must be backed by edges along at least this fraction of its visible length. */
const MIN_SIDE_SUPPORT = 0.5
/** The mean support below which an outline is more likely print, a photo or the desk than a card. */
const MIN_CONFIDENCE = 0.7
/** How far below the best score an outline may be and still be chosen for being larger. */
const NEAR_BEST = 0.03

export interface CardOutline {
  /** Top-left, top-right, bottom-right, bottom-left, in the given frame's pixels (a corner off-screen lies outside it). */
  corners: Corners
  /** The mean fraction (0–1) of each side's visible length that an edge backs. */
  confidence: number
  /** The card's area as a fraction of the frame's. */
  fill: number
}

export function detectCard(input: GreyFrame): CardOutline | null {
  const { frame, scaleX, scaleY } = shrinkGreyFrame(input, DETECTION_LONG_SIDE)
  const { width, height } = frame
  const minSide = MIN_CARD_SIDE * Math.min(width, height)
  const edges = findEdges(frame)
  const lines = findLines(edges, Math.round(0.6 * minSide), MAX_LINES)

  // Candidates share sides (and the very corner objects, where the same two lines cross): each side is judged once.
  const supportOf = new Map<Point, Map<Point, number | null>>()
  const support = (a: Point, b: Point) => {
    const from = supportOf.get(a) ?? supportOf.set(a, new Map()).get(a)!
    if (!from.has(b)) from.set(b, sideSupport(edges, a, b))
    return from.get(b)!
  }
  const backed: { corners: Corners; confidence: number; score: number; area: number }[] = []
  for (const { corners, aspectScore } of cardCandidates(lines, width, height, minSide)) {
    const confidence = meanSupport(corners, support)
    if (confidence !== null && confidence >= MIN_CONFIDENCE)
      backed.push({ corners, confidence, score: confidence * Math.sqrt(aspectScore), area: polygonArea(corners) })
  }
  if (backed.length === 0) return null
  // Of the outlines scoring nearly as well as the best, the largest: a card's own edge rather
  // than a frame printed just inside it, which edges back as well.
  const bestScore = Math.max(...backed.map(({ score }) => score))
  const best = backed.filter(({ score }) => score >= bestScore - NEAR_BEST).reduce((a, b) => (b.area > a.area ? b : a))

  const refitted = refit(edges, best.corners)
  const confidence = meanSupport(refitted, (a, b) => sideSupport(edges, a, b)) ?? best.confidence
  const corners = refitted.map(({ x, y }) => ({ x: x * scaleX, y: y * scaleY })) as Corners
  return { corners, confidence, fill: polygonArea(refitted) / (width * height) }
}

/** Whether every corner of the outline lies inside a frame of this size (the whole card is in view). */
export function isWholeCardInFrame(outline: CardOutline, width: number, height: number): boolean {
  return outline.corners.every(({ x, y }) => x >= 0 && y >= 0 && x <= width && y <= height)
}

/** The mean support of the four sides, or null if any side is too weakly backed. Sides out of the frame are left out. */
function meanSupport(corners: Corners, sideSupport: (a: Point, b: Point) => number | null): number | null {
  let sum = 0
  let judged = 0
  for (let i = 0; i < 4; i++) {
    const support = sideSupport(corners[i]!, corners[(i + 1) % 4]!)
    if (support === null) continue
    if (support < MIN_SIDE_SUPPORT) return null
    sum += support
    judged++
  }
  return judged >= 3 ? sum / judged : null
}

/** The corners where the four refitted sides meet (a side that cannot be refitted keeps its line). */
function refit(edges: EdgeMap, corners: Corners): Corners {
  const centre = { x: corners.reduce((sum, { x }) => sum + x, 0) / 4, y: corners.reduce((sum, { y }) => sum + y, 0) / 4 }
  const sides = corners.map((corner, i) => {
    const next = corners[(i + 1) % 4]!
    return refitSide(edges, corner, next, centre) ?? lineThrough(corner, next)
  })
  const points: Point[] = []
  for (let i = 0; i < 4; i++) {
    const point = lineIntersection(sides[(i + 3) % 4]!, sides[i]!)
    if (!point) return corners
    points.push(point)
  }
  return orderCorners(points)
}
