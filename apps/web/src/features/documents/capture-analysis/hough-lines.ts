/**
 * The straight lines among the edge pixels, by a Hough transform: each edge pixel votes for the
 * lines through it whose normal is within a few degrees of its own gradient (not for all 180),
 * which is both faster and deaf to the lines that texture would otherwise add up to.
 */
import type { EdgeMap } from './edges.ts'
import type { Line } from './geometry.ts'

/** How far from its gradient's direction an edge pixel votes, in degrees (1° bins). */
const VOTE_SPREAD = 6
/** Width of a distance bin, in pixels. */
const DISTANCE_BIN = 2
/** Two peaks closer than this in angle (degrees) and in distance (pixels) are one line. */
const SAME_LINE_DEGREES = 3
const SAME_LINE_PIXELS = 5

export interface HoughLine extends Line {
  votes: number
}

const cosines = Float64Array.from({ length: 180 }, (_, degree) => Math.cos((degree * Math.PI) / 180))
const sines = Float64Array.from({ length: 180 }, (_, degree) => Math.sin((degree * Math.PI) / 180))

/** The strongest lines with at least `minVotes` edge pixels, at most `maxLines`, strongest first. */
export function findLines(edges: EdgeMap, minVotes: number, maxLines: number): HoughLine[] {
  const { width, direction, pixels } = edges
  const reach = Math.ceil(Math.hypot(edges.width, edges.height))
  const bins = Math.ceil((2 * reach) / DISTANCE_BIN) + 1
  const votes = new Uint16Array(180 * bins)
  for (const i of pixels) {
    const x = (i % width) + 0.5
    const y = Math.floor(i / width) + 0.5
    const gradientDegree = direction[i]! - 1
    for (let spread = -VOTE_SPREAD; spread <= VOTE_SPREAD; spread++) {
      const degree = (gradientDegree + spread + 180) % 180
      const distance = x * cosines[degree]! + y * sines[degree]!
      votes[degree * bins + Math.round((distance + reach) / DISTANCE_BIN)]!++
    }
  }

  const peaks: HoughLine[] = []
  for (let degree = 0; degree < 180; degree++) {
    for (let bin = 1; bin < bins - 1; bin++) {
      const count = votes[degree * bins + bin]!
      if (count < minVotes || !isPeak(votes, bins, degree, bin, count)) continue
      peaks.push({ angle: (degree * Math.PI) / 180, distance: bin * DISTANCE_BIN - reach, votes: count })
    }
  }
  peaks.sort((a, b) => b.votes - a.votes)
  const lines: HoughLine[] = []
  for (const peak of peaks) {
    if (lines.some((line) => sameLine(line, peak, edges.width / 2, edges.height / 2))) continue
    lines.push(peak)
    if (lines.length === maxLines) break
  }
  return lines
}

/** Whether no neighbour within one degree and one bin has more votes (angles wrap at 180°, where the distance changes sign). */
function isPeak(votes: Uint16Array, bins: number, degree: number, bin: number, count: number): boolean {
  for (let dd = -1; dd <= 1; dd++) {
    let neighbourDegree = degree + dd
    let neighbourBin = bin
    if (neighbourDegree < 0 || neighbourDegree >= 180) {
      neighbourDegree = (neighbourDegree + 180) % 180
      neighbourBin = bins - 1 - bin
    }
    for (let db = -1; db <= 1; db++) {
      if (dd === 0 && db === 0) continue
      const neighbour = votes[neighbourDegree * bins + neighbourBin + db] ?? 0
      // Ties go to the first in scan order, so a flat top gives one peak, not two.
      if (neighbour > count || (neighbour === count && (dd < 0 || (dd === 0 && db < 0)))) return false
    }
  }
  return true
}

/** Whether two lines are nearly the same: close in angle, and passing the frame's centre at nearly the same distance. */
function sameLine(a: Line, b: Line, centreX: number, centreY: number): boolean {
  const degrees = (Math.abs(a.angle - b.angle) * 180) / Math.PI
  const fromCentre = (line: Line) => line.distance - centreX * Math.cos(line.angle) - centreY * Math.sin(line.angle)
  if (degrees < SAME_LINE_DEGREES) return Math.abs(fromCentre(a) - fromCentre(b)) < SAME_LINE_PIXELS
  if (degrees > 180 - SAME_LINE_DEGREES) return Math.abs(fromCentre(a) + fromCentre(b)) < SAME_LINE_PIXELS
  return false
}
