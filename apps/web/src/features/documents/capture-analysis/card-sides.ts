/**
 * How well a side of a candidate card is backed by edges, and the side's line refitted to
 * those edges. A side is checked every third pixel along its length: an edge whose gradient is
 * across the side, within two pixels of it, backs that point.
 */
import type { EdgeMap } from './edges.ts'
import { distance, lineThrough, type Line, type Point } from './geometry.ts'

/** The ends of a side are skipped: a card's corners are rounded (3.18 mm), and the corner pixels are shared with the next side. */
const END_SKIPPED = 0.08
/** How far across the side an edge may lie (pixels), and how far its gradient may turn from the side's normal (degrees). */
const REACH = 2
const TURN_ALLOWED = 12
/** When refitting, how far outside the side the card's own edge is looked for (print just inside it may have drawn the line). */
const OUTER_REACH = 5
/** A side mostly out of the frame is not judged: less than this fraction of it visible gives no figure. */
const MIN_VISIBLE = 0.4

/**
 * The fraction (0–1) of the visible part of the side a → b that edges back, or null if too little
 * of it is in the frame. A point is backed by an edge within REACH across the side, at it or one
 * pixel along: the thinning leaves gaps of a pixel where a slanted edge's direction changes bins.
 */
export function sideSupport(edges: EdgeMap, a: Point, b: Point): number | null {
  const { width, height, direction } = edges
  const normal = lineThrough(a, b).angle
  const normalDegree = degreeOf(normal)
  const nx = Math.cos(normal)
  const ny = Math.sin(normal)
  const edgeAcross = (x: number, y: number) => {
    for (let offset = -REACH; offset <= REACH; offset++) {
      const found = direction[Math.floor(y + offset * ny) * width + Math.floor(x + offset * nx)] ?? 0
      if (found !== 0 && degreesApart(found - 1, normalDegree) <= TURN_ALLOWED) return true
    }
    return false
  }
  const samples = Math.max(8, Math.floor(distance(a, b) / 3))
  let visible = 0
  let supported = 0
  for (let s = 0; s < samples; s++) {
    const t = END_SKIPPED + ((1 - 2 * END_SKIPPED) * (s + 0.5)) / samples
    const x = a.x + t * (b.x - a.x)
    const y = a.y + t * (b.y - a.y)
    if (x < 3 || y < 3 || x >= width - 3 || y >= height - 3) continue
    visible++
    // (−ny, nx) runs along the side.
    if (edgeAcross(x, y) || edgeAcross(x - ny, y + nx) || edgeAcross(x + ny, y - nx)) supported++
  }
  return visible < MIN_VISIBLE * samples ? null : supported / visible
}

/**
 * The card's edge along the side a → b, refitted: at each pixel along the side, the outermost
 * edge across it (from OUTER_REACH outside to REACH inside: a card's own edge is the outermost
 * of the card, print near the edge lies within), placed between pixels where its gradient peaks.
 * The straight line most of them lie on is found by trying lines through pairs of them (a thumb
 * or the print may hold the rest), then fitted to its points by least squares. Null if too few
 * edges back the side.
 */
export function refitSide(edges: EdgeMap, a: Point, b: Point, centre: Point): Line | null {
  const { width, height, direction } = edges
  const normal = lineThrough(a, b).angle
  const normalDegree = degreeOf(normal)
  // The normal turned to point away from the card's centre.
  const out = (centre.x - a.x) * Math.cos(normal) + (centre.y - a.y) * Math.sin(normal) < 0 ? 1 : -1
  const nx = out * Math.cos(normal)
  const ny = out * Math.sin(normal)
  const length = distance(a, b)
  const points: WeightedPoint[] = []
  for (let step = 0; step <= length; step++) {
    const t = step / length
    if (t < END_SKIPPED || t > 1 - END_SKIPPED) continue
    const x = a.x + t * (b.x - a.x)
    const y = a.y + t * (b.y - a.y)
    for (let offset = OUTER_REACH; offset >= -REACH; offset--) {
      const px = Math.floor(x + offset * nx)
      const py = Math.floor(y + offset * ny)
      if (px < 2 || py < 2 || px >= width - 2 || py >= height - 2) continue
      const found = direction[py * width + px]!
      if (found === 0 || degreesApart(found - 1, normalDegree) > TURN_ALLOWED) continue
      points.push(edgePoint(edges, px, py, found - 1))
      break
    }
  }
  // The line through two points half the side apart that most points lie within a pixel of,
  // then the least-squares line through those within 1.5 px of it.
  const half = Math.floor(points.length / 2)
  let best: { line: Line; near: number } | null = null
  for (let i = 0; i < half; i += Math.max(1, Math.floor(half / 24))) {
    const line = lineThrough(points[i]!, points[i + half]!)
    const near = points.filter((point) => offLine(point, line) <= 1).length
    if (!best || near > best.near) best = { line, near }
  }
  return best && fitLine(points.filter((point) => offLine(point, best.line) <= 1.5))
}

function offLine({ x, y }: Point, line: Line): number {
  return Math.abs(x * Math.cos(line.angle) + y * Math.sin(line.angle) - line.distance)
}

interface WeightedPoint {
  x: number
  y: number
  weight: number
}

/** The edge pixel (px, py) moved up to half a pixel across the edge to where a parabola through the gradients peaks, weighted by its gradient. */
function edgePoint({ width, strength }: EdgeMap, px: number, py: number, degree: number): WeightedPoint {
  const [stepX, stepY] = gradientStep(degree)
  const i = py * width + px
  const step = stepY * width + stepX
  const before = Math.sqrt(strength[i - step]!)
  const at = Math.sqrt(strength[i]!)
  const after = Math.sqrt(strength[i + step]!)
  const curve = before - 2 * at + after
  const shift = curve < 0 ? Math.max(-0.5, Math.min(0.5, (before - after) / (2 * curve))) : 0
  return { x: px + 0.5 + shift * stepX, y: py + 0.5 + shift * stepY, weight: at }
}

/** The weighted total-least-squares line through the points, or null for fewer than 10. */
function fitLine(points: readonly WeightedPoint[]): Line | null {
  if (points.length < 10) return null
  let total = 0
  let meanX = 0
  let meanY = 0
  for (const { x, y, weight } of points) {
    total += weight
    meanX += weight * x
    meanY += weight * y
  }
  meanX /= total
  meanY /= total
  let xx = 0
  let xy = 0
  let yy = 0
  for (const { x, y, weight } of points) {
    xx += weight * (x - meanX) * (x - meanX)
    xy += weight * (x - meanX) * (y - meanY)
    yy += weight * (y - meanY) * (y - meanY)
  }
  // The direction of most spread is along the line; its normal is a quarter turn further.
  const angle = 0.5 * Math.atan2(2 * xy, xx - yy) + Math.PI / 2
  return { angle, distance: meanX * Math.cos(angle) + meanY * Math.sin(angle) }
}

function degreeOf(angle: number): number {
  const degrees = ((angle * 180) / Math.PI) % 180
  return degrees < 0 ? degrees + 180 : degrees
}

function degreesApart(a: number, b: number): number {
  const apart = Math.abs(a - b) % 180
  return Math.min(apart, 180 - apart)
}

/** The neighbour across an edge whose gradient points this way (degrees modulo 180), as the thinning in edges.ts chose it. */
function gradientStep(degree: number): [number, number] {
  if (degree < 22.5 || degree >= 157.5) return [1, 0]
  if (degree < 67.5) return [1, 1]
  if (degree < 112.5) return [0, 1]
  return [-1, 1]
}
