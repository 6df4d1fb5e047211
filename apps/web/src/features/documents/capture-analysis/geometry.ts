/**
 * Points, straight lines and the four corners of a card, in image coordinates: x to the right,
 * y downwards, in pixels, where pixel (i, j) covers the square from (i, j) to (i + 1, j + 1).
 */

export interface Point {
  x: number
  y: number
}

/** A card's corners: top-left, top-right, bottom-right, bottom-left. */
export type Corners = [Point, Point, Point, Point]

/** A straight line as its normal: the points p with p.x·cos(angle) + p.y·sin(angle) = distance. */
export interface Line {
  angle: number
  distance: number
}

/** ID-1, the size of every card Bango collects (ISO/IEC 7810): 85.6 × 54 mm. */
export const CARD_ASPECT = 85.6 / 54

export function lineIntersection(a: Line, b: Line): Point | null {
  const cosA = Math.cos(a.angle)
  const sinA = Math.sin(a.angle)
  const cosB = Math.cos(b.angle)
  const sinB = Math.sin(b.angle)
  const determinant = cosA * sinB - sinA * cosB
  if (Math.abs(determinant) < 1e-6) return null
  return {
    x: (a.distance * sinB - b.distance * sinA) / determinant,
    y: (b.distance * cosA - a.distance * cosB) / determinant,
  }
}

/** The line through two points. */
export function lineThrough(a: Point, b: Point): Line {
  const angle = Math.atan2(b.x - a.x, -(b.y - a.y))
  return { angle, distance: a.x * Math.cos(angle) + a.y * Math.sin(angle) }
}

/** The angle between two lines' directions, 0 … π/2. */
export function angleBetween(a: number, b: number): number {
  const difference = Math.abs(a - b) % Math.PI
  return Math.min(difference, Math.PI - difference)
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y)
}

/** Area of a polygon (shoelace formula): positive when its points run clockwise on screen. */
export function polygonArea(points: readonly Point[]): number {
  let twice = 0
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!
    const b = points[(i + 1) % points.length]!
    twice += a.x * b.y - b.x * a.y
  }
  return twice / 2
}

/**
 * Four corners in the order top-left, top-right, bottom-right, bottom-left: clockwise around
 * their centre, starting from the one whose direction from the centre is nearest to up-left.
 */
export function orderCorners(points: readonly Point[]): Corners {
  const centre = { x: 0, y: 0 }
  for (const point of points) {
    centre.x += point.x / points.length
    centre.y += point.y / points.length
  }
  const angleOf = (point: Point) => Math.atan2(point.y - centre.y, point.x - centre.x)
  const clockwise = [...points].sort((a, b) => angleOf(a) - angleOf(b))
  const upLeft = -0.75 * Math.PI
  let first = 0
  for (let i = 1; i < clockwise.length; i++) {
    if (angleBetweenDirections(angleOf(clockwise[i]!), upLeft) < angleBetweenDirections(angleOf(clockwise[first]!), upLeft)) first = i
  }
  return [0, 1, 2, 3].map((i) => clockwise[(first + i) % 4]!) as Corners
}

function angleBetweenDirections(a: number, b: number): number {
  const difference = Math.abs(a - b) % (2 * Math.PI)
  return Math.min(difference, 2 * Math.PI - difference)
}
