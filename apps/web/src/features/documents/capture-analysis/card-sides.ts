/**
 * How well a side of a candidate card is backed by edges, and the side's line refitted to
 * those edges. A side is checked pixel by pixel along its length: an edge whose gradient is
 * across the side, within two pixels of it, backs that point.
 */
import type { EdgeMap } from './edges.ts'
import { distance, lineThrough, type Line, type Point } from './geometry.ts'

/** The ends of a side are skipped: a card's corners are rounded (3.18 mm), and the corner pixels are shared with the next side. */
const END_SKIPPED = 0.08
/** How far across the side an edge may lie (pixels), and how far its gradient may turn from the side's normal (degrees). */
const REACH = 2
const TURN_ALLOWED = 12
/** A side mostly out of the frame is not judged: less than this fraction of it visible gives no figure. */
const MIN_VISIBLE = 0.4

/** The fraction (0–1) of the visible part of the side a → b that edges back, or null if too little of it is in the frame. */
export function sideSupport(edges: EdgeMap, a: Point, b: Point): number | null {
  const { width, height, direction } = edges
  const normal = lineThrough(a, b).angle
  const normalDegree = degreeOf(normal)
  const nx = Math.cos(normal)
  const ny = Math.sin(normal)
  const samples = Math.max(8, Math.floor(distance(a, b) / 2))
  let visible = 0
  let supported = 0
  for (let s = 0; s < samples; s++) {
    const t = END_SKIPPED + ((1 - 2 * END_SKIPPED) * (s + 0.5)) / samples
    const x = a.x + t * (b.x - a.x)
    const y = a.y + t * (b.y - a.y)
    if (x < 2 || y < 2 || x >= width - 2 || y >= height - 2) continue
    visible++
    for (let offset = -REACH; offset <= REACH; offset++) {
      const i = Math.floor(y + offset * ny) * width + Math.floor(x + offset * nx)
      const found = direction[i] ?? 0
      if (found !== 0 && degreesApart(found - 1, normalDegree) <= TURN_ALLOWED) {
        supported++
        break
      }
    }
  }
  return visible < MIN_VISIBLE * samples ? null : supported / visible
}

/**
 * The line best fitting the edges along the side a → b (least squares across the line, each
 * edge weighted by its strength and placed between pixels where its gradient peaks), or null
 * if too few edges back it.
 */
export function refitSide(edges: EdgeMap, a: Point, b: Point): Line | null {
  const { width, height, direction, strength } = edges
  const normal = lineThrough(a, b).angle
  const normalDegree = degreeOf(normal)
  const nx = Math.cos(normal)
  const ny = Math.sin(normal)
  const length = distance(a, b)
  const seen = new Set<number>()
  let weight = 0
  let sumX = 0
  let sumY = 0
  const points: { x: number; y: number; w: number }[] = []
  for (let step = 0; step <= length; step++) {
    const t = step / length
    if (t < END_SKIPPED || t > 1 - END_SKIPPED) continue
    const x = a.x + t * (b.x - a.x)
    const y = a.y + t * (b.y - a.y)
    for (let offset = -REACH; offset <= REACH; offset++) {
      const px = Math.floor(x + offset * nx)
      const py = Math.floor(y + offset * ny)
      if (px < 2 || py < 2 || px >= width - 2 || py >= height - 2) continue
      const i = py * width + px
      const found = direction[i]!
      if (found === 0 || seen.has(i) || degreesApart(found - 1, normalDegree) > TURN_ALLOWED) continue
      seen.add(i)
      const [stepX, stepY] = gradientStep(found - 1)
      const step = stepY * width + stepX
      const before = Math.sqrt(strength[i - step]!)
      const at = Math.sqrt(strength[i]!)
      const after = Math.sqrt(strength[i + step]!)
      const curve = before - 2 * at + after
      const shift = curve < 0 ? Math.max(-0.5, Math.min(0.5, (before - after) / (2 * curve))) : 0
      const point = { x: px + 0.5 + shift * stepX, y: py + 0.5 + shift * stepY, w: at }
      points.push(point)
      weight += at
      sumX += at * point.x
      sumY += at * point.y
    }
  }
  if (points.length < 10) return null
  const meanX = sumX / weight
  const meanY = sumY / weight
  let xx = 0
  let xy = 0
  let yy = 0
  for (const { x, y, w } of points) {
    xx += w * (x - meanX) * (x - meanX)
    xy += w * (x - meanX) * (y - meanY)
    yy += w * (y - meanY) * (y - meanY)
  }
  // The direction of most spread is along the line; its normal is a quarter turn further.
  const along = 0.5 * Math.atan2(2 * xy, xx - yy)
  const angle = along + Math.PI / 2
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
