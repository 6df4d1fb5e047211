/**
 * Card-shaped quadrilaterals from a handful of straight lines: two nearly parallel lines for one
 * pair of opposite sides, two for the other, meeting at corners not too far from square, with
 * sides in about the proportion of a card (85.6 : 54) once perspective is allowed for.
 */
import { CARD_ASPECT, angleBetween, distance, lineIntersection, type Corners, type Line, type Point } from './geometry.ts'

/** Opposite sides of a card seen in perspective still run within this of parallel. */
const MAX_OPPOSITE_TURN = (35 * Math.PI) / 180
/** Each corner's angle between 55° and 125°: a card tilted by 30–40° from the camera. */
const MIN_CORNER_ANGLE = (55 * Math.PI) / 180
/**
 * How far (as a logarithm) the ratio of the mean long side to the mean short side may be from
 * the card's: a card tilted 30° shortens one direction by cos 30° ≈ 0.87, ln 0.87 ≈ −0.14.
 */
const ASPECT_SPREAD = 0.15
/** A ratio of 1.31 to 1.92 passes: a card tilted by up to about 30°, but not an ID photo facing the camera (about 1.3). */
const MIN_ASPECT_SCORE = 0.45
/** A corner may lie out of the frame (a card partly off-screen) by this fraction of the frame. */
const OFF_FRAME_ALLOWED = 0.25

export interface CardCandidate {
  /** Clockwise on screen, starting anywhere. */
  corners: Corners
  /** 1 for the proportion of an upright card, falling towards 0 as the proportion departs from it. */
  aspectScore: number
}

/** Every card-shaped quadrilateral the lines make in a frame of this size, with sides at least `minSide` long. */
export function cardCandidates(lines: readonly Line[], width: number, height: number, minSide: number): CardCandidate[] {
  const count = lines.length
  // Where each two lines cross, if they cross at a corner's angle near the frame; null otherwise.
  const crossings: (Point | null)[] = new Array(count * count).fill(null)
  const parallel: [number, number][] = []
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const between = angleBetween(lines[i]!.angle, lines[j]!.angle)
      if (between < MAX_OPPOSITE_TURN) parallel.push([i, j])
      if (between < MIN_CORNER_ANGLE) continue
      const point = lineIntersection(lines[i]!, lines[j]!)
      if (point && nearFrame(point, width, height)) crossings[i * count + j] = crossings[j * count + i] = point
    }
  }

  const candidates: CardCandidate[] = []
  for (let p = 0; p < parallel.length; p++) {
    const [a1, a2] = parallel[p]!
    for (let q = p + 1; q < parallel.length; q++) {
      const [b1, b2] = parallel[q]!
      // Around the quadrilateral: a1 meets b1, b1 meets a2, a2 meets b2, b2 meets a1.
      const c0 = crossings[a1 * count + b1]
      const c1 = crossings[b1 * count + a2]
      const c2 = crossings[a2 * count + b2]
      const c3 = crossings[b2 * count + a1]
      if (!c0 || !c1 || !c2 || !c3) continue
      const across = (distance(c0, c1) + distance(c2, c3)) / 2
      const down = (distance(c1, c2) + distance(c3, c0)) / 2
      if (Math.min(across, down) < minSide) continue
      const aspectScore = Math.exp(-(Math.log(Math.max(across, down) / Math.min(across, down) / CARD_ASPECT) ** 2) / (2 * ASPECT_SPREAD ** 2))
      if (aspectScore < MIN_ASPECT_SCORE) continue
      const corners: Corners = turn(c0, c1, c2) > 0 ? [c0, c1, c2, c3] : [c0, c3, c2, c1]
      if (isConvexClockwise(corners)) candidates.push({ corners, aspectScore })
    }
  }
  return candidates
}

/** Positive when a → b → c turns clockwise on screen (y downwards). */
function turn(a: Point, b: Point, c: Point): number {
  return (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x)
}

function isConvexClockwise([a, b, c, d]: Corners): boolean {
  return turn(a, b, c) > 0 && turn(b, c, d) > 0 && turn(c, d, a) > 0 && turn(d, a, b) > 0
}

function nearFrame({ x, y }: Point, width: number, height: number): boolean {
  const marginX = OFF_FRAME_ALLOWED * width
  const marginY = OFF_FRAME_ALLOWED * height
  return x > -marginX && y > -marginY && x < width + marginX && y < height + marginY
}
