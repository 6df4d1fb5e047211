/**
 * Finding the lines of print on a photo without tesseract, so that the number's line can be read
 * on its own: tesseract's page layout misses the print of a small, blurred or shaken card (it takes
 * the card for a picture and finds no line at all), yet the same line cut out, levelled and
 * enlarged reads well. Print is found as dark blobs of one size (characters) lying side by side
 * along the document's direction; each such row is a band, cut out straight (any angle, so also a
 * photo turned a quarter or upside down) and, when the photo is shaken, sharpened along the shake.
 */
import sharp from 'sharp'
import type { PreparedImage } from './ocr-image.ts'

/** A row of characters: its middle, direction (radians, image coordinates: y down), length along it and character height, in pixels. */
export interface Band {
  x: number
  y: number
  angle: number
  length: number
  height: number
  /** How many blobs (characters, or characters run together) the row has. */
  blobs: number
}

/**
 * Darker than this (of 255, on the evened image) is print: well short of black, so that a blurred
 * or shaken digit stays one blob rather than its darkest cores.
 */
const INK = 200
/** Characters of 10–70 px: a card filling a third of a 1400-px photo up to a page's title. */
const MIN_SIZE = 10
const MAX_SIZE = 70

interface Blob {
  /** The root pixel that names it. */
  id: number
  x: number
  y: number
  /** The longer side of its box: about a character's height whatever the turn (a digit is narrower than high). */
  size: number
  /** Its extent along and across the print's direction, once that is known. */
  ahead: number
  across: number
  /** The direction of its long axis (radians), and whether it is long (a word run together) rather than a character. */
  axis: number
  long: boolean
}

interface Labels {
  /** Each ink pixel's blob (its root pixel), -1 for paper. */
  root: Int32Array
  blobs: Blob[]
}

/**
 * The print, widened by `radius` pixels every way (a separable maximum): the pieces a shaken or
 * blurred digit falls into (the diagonal smear of a 2 leaves its top and foot apart) join up again.
 */
function inkMask({ pixels, width, height }: PreparedImage, radius: number): Uint8Array {
  const ink = new Uint8Array(width * height)
  for (let i = 0; i < ink.length; i++) ink[i] = pixels[i]! < INK ? 1 : 0
  const wide = new Uint8Array(ink.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let any = 0
      for (let dx = Math.max(0, x - radius); dx <= Math.min(width - 1, x + radius) && !any; dx++) any = ink[y * width + dx]!
      wide[y * width + x] = any
    }
  }
  const out = new Uint8Array(ink.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let any = 0
      for (let dy = Math.max(0, y - radius); dy <= Math.min(height - 1, y + radius) && !any; dy++) any = wide[dy * width + x]!
      out[y * width + x] = any
    }
  }
  return out
}

/** How far (pixels) the print is widened before it is cut into blobs: a blob's height is this much more than its print's, each side. */
export const JOIN_RADIUS = 2

/** The blobs of print (8-connected), by a union-find over the pixels. */
function blobsOf(image: PreparedImage): Labels {
  const { width, height } = image
  const mask = inkMask(image, JOIN_RADIUS)
  const parent = new Int32Array(width * height).fill(-1)
  const find = (i: number) => {
    let r = i
    while (parent[r] !== r) r = parent[r]!
    while (parent[i] !== r) [i, parent[i]] = [parent[i]!, r]
    return r
  }
  const join = (a: number, b: number) => {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x
      if (!mask[i]) continue
      parent[i] = i
      if (x > 0 && parent[i - 1]! >= 0) join(i, i - 1)
      if (y > 0) {
        for (let dx = -1; dx <= 1; dx++) if (x + dx >= 0 && x + dx < width && parent[i - width + dx]! >= 0) join(i, i - width + dx)
      }
    }
  }
  const boxes = new Map<
    number,
    { left: number; right: number; top: number; bottom: number; count: number; sx: number; sy: number; sxx: number; sxy: number; syy: number }
  >()
  for (let i = 0; i < parent.length; i++) {
    if (parent[i]! < 0) continue
    const r = find(i)
    parent[i] = r
    const x = i % width
    const y = (i - x) / width
    const box = boxes.get(r)
    if (!box) boxes.set(r, { left: x, right: x, top: y, bottom: y, count: 1, sx: x, sy: y, sxx: x * x, sxy: x * y, syy: y * y })
    else {
      box.sx += x
      box.sy += y
      box.sxx += x * x
      box.sxy += x * y
      box.syy += y * y
      box.left = Math.min(box.left, x)
      box.right = Math.max(box.right, x)
      box.top = Math.min(box.top, y)
      box.bottom = Math.max(box.bottom, y)
      box.count++
    }
  }
  const blobs: Blob[] = []
  for (const [id, box] of boxes) {
    const w = box.right - box.left + 1
    const h = box.bottom - box.top + 1
    const size = Math.max(w, h)
    // A character's strokes cover a fair share of its box; a ruled line or a pen's outline does not.
    // Blurred characters run together: a row of them may be a few characters long.
    if (Math.min(w, h) < MIN_SIZE / 2 || Math.min(w, h) > MAX_SIZE || size > 5 * MAX_SIZE || box.count < 0.15 * w * h) continue
    // Its pixels' spread: the long axis, and how much longer than wide it is.
    const [mx, my] = [box.sx / box.count, box.sy / box.count]
    const [vxx, vxy, vyy] = [box.sxx / box.count - mx * mx, box.sxy / box.count - mx * my, box.syy / box.count - my * my]
    const half = Math.sqrt(((vxx - vyy) / 2) ** 2 + vxy * vxy)
    const elongation = Math.sqrt(((vxx + vyy) / 2 + half) / Math.max(1e-6, (vxx + vyy) / 2 - half))
    const axis = 0.5 * Math.atan2(2 * vxy, vxx - vyy)
    blobs.push({ id, x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2, size, ahead: w, across: h, axis, long: elongation > 3 })
  }
  return { root: parent, blobs }
}

/** Blobs within `radius` of each, by a grid of cells `radius` wide. */
function neighbours(blobs: Blob[], radius: number): (index: number) => number[] {
  const cells = new Map<string, number[]>()
  const cellOf = (blob: Blob) => [Math.floor(blob.x / radius), Math.floor(blob.y / radius)]
  for (const [index, blob] of blobs.entries()) {
    const key = cellOf(blob).join()
    cells.set(key, [...(cells.get(key) ?? []), index])
  }
  return (index) => {
    const [cx, cy] = cellOf(blobs[index]!)
    const found: number[] = []
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) found.push(...(cells.get(`${cx! + dx},${cy! + dy}`) ?? []))
    return found.filter((other) => other !== index && Math.hypot(blobs[other]!.x - blobs[index]!.x, blobs[other]!.y - blobs[index]!.y) < radius)
  }
}

const alike = (a: number, b: number) => Math.max(a, b) < 1.5 * Math.min(a, b)
/** The difference of two directions of lines (0…π/2): a line has no front and back. */
const lineAngleBetween = (a: number, b: number) => {
  const d = Math.abs(a - b) % Math.PI
  return Math.min(d, Math.PI - d)
}

/**
 * The document's direction of print: a character's nearest neighbour of its size is the next one
 * on its line (lines are further apart than characters), so the commonest direction to it wins.
 */
function printDirection(blobs: Blob[], near: (index: number) => number[]): number | null {
  const bins = new Float64Array(36)
  for (const [index, blob] of blobs.entries()) {
    if (blob.size > MAX_SIZE) continue
    let nearest: Blob | null = null
    for (const other of near(index)) {
      const candidate = blobs[other]!
      if (!alike(blob.size, candidate.size) || Math.hypot(candidate.x - blob.x, candidate.y - blob.y) > 2 * blob.size) continue
      if (!nearest || Math.hypot(candidate.x - blob.x, candidate.y - blob.y) < Math.hypot(nearest.x - blob.x, nearest.y - blob.y)) nearest = candidate
    }
    if (!nearest) continue
    const angle = (Math.atan2(nearest.y - blob.y, nearest.x - blob.x) + Math.PI) % Math.PI
    bins[Math.floor((angle / Math.PI) * 36) % 36]! += 1
  }
  // Smoothed over the neighbouring bins (a line at the edge of a bin splits its votes).
  let best = -1
  let bestVotes = 0
  for (let bin = 0; bin < 36; bin++) {
    const votes = bins[(bin + 35) % 36]! + 2 * bins[bin]! + bins[(bin + 1) % 36]!
    if (votes > bestVotes) [best, bestVotes] = [bin, votes]
  }
  return best < 0 ? null : ((best + 0.5) / 36) * Math.PI
}

/**
 * Each blob's extent along and across `direction` (a long blob's own axis when near it: the
 * words of a tilted page are not quite parallel), from its pixels.
 */
function measure(labels: Labels, width: number, direction: number): void {
  const angleOf = (blob: Blob) => (blob.long && lineAngleBetween(blob.axis, direction) < 0.2 ? blob.axis : direction)
  const extents = new Map<number, [number, number, number, number, number, number]>(
    labels.blobs.map((blob) => [blob.id, [Infinity, -Infinity, Infinity, -Infinity, Math.cos(angleOf(blob)), Math.sin(angleOf(blob))]]),
  )
  for (let i = 0; i < labels.root.length; i++) {
    const extent = labels.root[i]! >= 0 ? extents.get(labels.root[i]!) : undefined
    if (!extent) continue
    const [cos, sin] = [extent[4], extent[5]]
    const x = i % width
    const y = (i - x) / width
    const ahead = x * cos + y * sin
    const across = -x * sin + y * cos
    extent[0] = Math.min(extent[0], ahead)
    extent[1] = Math.max(extent[1], ahead)
    extent[2] = Math.min(extent[2], across)
    extent[3] = Math.max(extent[3], across)
  }
  for (const blob of labels.blobs) {
    const [aheadMin, aheadMax, acrossMin, acrossMax, cos, sin] = extents.get(blob.id)!
    blob.ahead = aheadMax - aheadMin + 1
    blob.across = acrossMax - acrossMin + 1
    blob.x = ((aheadMin + aheadMax) / 2) * cos - ((acrossMin + acrossMax) / 2) * sin
    blob.y = ((aheadMin + aheadMax) / 2) * sin + ((acrossMin + acrossMax) / 2) * cos
  }
}

/**
 * The rows of print on a prepared image: blobs of one height side by side along the print's
 * direction, a gap of up to about one and a half characters (as between the number's groups) but
 * not across lines; a single blob long enough is a row too (digits printed close run together
 * once widened). The rows whose length is nearest twelve character heights come first.
 */
export function findBands(image: PreparedImage): Band[] {
  const labels = blobsOf(image)
  const blobs = labels.blobs
  if (blobs.length < 3) return []
  const near = neighbours(blobs, 3 * MAX_SIZE)
  const direction = printDirection(blobs, near)
  if (direction === null) return []
  measure(labels, image.width, direction)
  const along = [Math.cos(direction), Math.sin(direction)] as const
  const candidates = blobs.map((blob, index) => index).filter((index) => blobs[index]!.across >= MIN_SIZE && blobs[index]!.across <= MAX_SIZE)
  const parent = blobs.map((_, index) => index)
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)))
  for (const index of candidates) {
    const blob = blobs[index]!
    for (const other of near(index)) {
      const candidate = blobs[other]!
      if (candidate.across < MIN_SIZE || candidate.across > MAX_SIZE || !alike(blob.across, candidate.across)) continue
      const dx = candidate.x - blob.x
      const dy = candidate.y - blob.y
      const height = (blob.across + candidate.across) / 2
      const gap = Math.abs(dx * along[0] + dy * along[1]) - (blob.ahead + candidate.ahead) / 2
      const aside = Math.abs(-dx * along[1] + dy * along[0])
      if (gap < 1.5 * height && aside < 0.4 * height) parent[root(index)] = root(other)
    }
  }
  const rows = new Map<number, Blob[]>()
  for (const index of candidates) rows.set(root(index), [...(rows.get(root(index)) ?? []), blobs[index]!])
  const bands: Band[] = []
  for (const row of rows.values()) {
    // A row of one or two blobs is a word run together (a 住民票's twelve digits, a blurred group), or nothing.
    if (row.length < 3 && row.reduce((sum, blob) => sum + blob.ahead, 0) < 4 * Math.max(...row.map((blob) => blob.across))) continue
    // The row's own direction: a least-squares line through the blobs' middles (a tilted photo's lines are not all parallel).
    const mx = row.reduce((sum, blob) => sum + blob.x, 0) / row.length
    const my = row.reduce((sum, blob) => sum + blob.y, 0) / row.length
    let sxx = 0
    let sxy = 0
    let syy = 0
    for (const blob of row) {
      sxx += (blob.x - mx) ** 2
      sxy += (blob.x - mx) * (blob.y - my)
      syy += (blob.y - my) ** 2
    }
    let angle = 0.5 * Math.atan2(2 * sxy, sxx - syy)
    if (row.length < 4 || lineAngleBetween(angle, direction) > 0.2)
      angle = row.length === 1 && row[0]!.long && lineAngleBetween(row[0]!.axis, direction) < 0.2 ? row[0]!.axis : direction
    const along = row.map((blob) => (blob.x - mx) * Math.cos(angle) + (blob.y - my) * Math.sin(angle))
    const heights = row.map((blob) => blob.across).sort((a, b) => a - b)
    const height = heights[Math.floor(heights.length / 2)]!
    const start = Math.min(...row.map((blob, i) => along[i]! - blob.ahead / 2))
    const end = Math.max(...row.map((blob, i) => along[i]! + blob.ahead / 2))
    const middle = (start + end) / 2
    bands.push({ x: mx + middle * Math.cos(angle), y: my + middle * Math.sin(angle), angle, length: end - start, height, blobs: row.length })
  }
  // Twelve digits are 10–14 digit heights long (grouped or not, with the widening): the rows nearest 12 first.
  const offNumber = (band: Band) => Math.abs(Math.log(band.length / band.height / 12))
  return bands.sort((a, b) => offNumber(a) - offNumber(b))
}

/** Bilinear sample, `outside` (white) off the image. */
function sample(pixels: ArrayLike<number>, width: number, height: number, x: number, y: number, outside = 255): number {
  if (x < 0 || y < 0 || x > width - 1 || y > height - 1) return outside
  const x0 = Math.floor(x)
  const y0 = Math.floor(y)
  const x1 = Math.min(width - 1, x0 + 1)
  const y1 = Math.min(height - 1, y0 + 1)
  const fx = x - x0
  const fy = y - y0
  const top = pixels[y0 * width + x0]! * (1 - fx) + pixels[y0 * width + x1]! * fx
  const bottom = pixels[y1 * width + x0]! * (1 - fx) + pixels[y1 * width + x1]! * fx
  return top * (1 - fy) + bottom * fy
}

export interface Straightened {
  pixels: Float32Array
  width: number
  height: number
}

/**
 * The band cut out level and enlarged `scale` times: its length with a margin of a character each
 * side and three character heights across (a slanted row's ends stay in; the next line may show),
 * read along `angle` (add π for the other way up).
 */
export function straighten(image: PreparedImage, band: Band, angle: number, scale = 1): Straightened {
  const width = Math.round((band.length + 2 * band.height) * scale)
  const height = Math.round(3 * band.height * scale)
  const pixels = new Float32Array(width * height)
  const [cos, sin] = [Math.cos(angle) / scale, Math.sin(angle) / scale]
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const du = u - width / 2
      const dv = v - height / 2
      pixels[v * width + u] = sample(image.pixels, image.width, image.height, band.x + du * cos - dv * sin, band.y + du * sin + dv * cos)
    }
  }
  return { pixels, width, height }
}

/** The PNG of a straightened band, enlarged `scale` times. */
export function bandPng({ pixels, width, height }: Straightened, scale: number): Promise<Buffer> {
  const grey = Buffer.alloc(pixels.length)
  for (let i = 0; i < grey.length; i++) grey[i] = Math.max(0, Math.min(255, Math.round(pixels[i]!)))
  return sharp(grey, { raw: { width, height, channels: 1 } })
    .resize({ width: Math.max(1, Math.round(width * scale)), kernel: 'cubic' })
    .png({ compressionLevel: 1 })
    .toBuffer()
}

/**
 * A shake's direction and length on a straightened band, or null when it shows none. Shaking
 * smears every edge one way: across the smear the print stays sharp, along it the change is
 * spread out, so the direction of least change (the structure tensor's weaker eigenvector) is the
 * shake's when it is much weaker than the other. Along it, the change at one point is undone a
 * shake's length further on (a smeared edge is a ramp that long), which the autocorrelation of
 * the change shows as its deepest trough.
 */
export function shakeOf({ pixels, width, height }: Straightened): { angle: number; length: number } | null {
  let xx = 0
  let xy = 0
  let yy = 0
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const gx = pixels[y * width + x + 1]! - pixels[y * width + x - 1]!
      const gy = pixels[(y + 1) * width + x]! - pixels[(y - 1) * width + x]!
      xx += gx * gx
      xy += gx * gy
      yy += gy * gy
    }
  }
  const half = Math.sqrt(((xx - yy) / 2) ** 2 + xy * xy)
  const weak = (xx + yy) / 2 - half
  const strong = (xx + yy) / 2 + half
  if (strong === 0 || weak / strong > SHAKE_ANISOTROPY) return null
  const angle = Math.atan2(weak - xx, xy)
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
  const change = new Float32Array(width * height)
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++)
      change[y * width + x] = sample(pixels, width, height, x + cos / 2, y + sin / 2) - sample(pixels, width, height, x - cos / 2, y - sin / 2)
  }
  const correlation = (shift: number) => {
    let sum = 0
    for (let y = 2; y < height - 2; y += 2) {
      for (let x = 2; x < width - 2; x += 2) {
        const [sx, sy] = [x + shift * cos, y + shift * sin]
        if (sx >= 0 && sy >= 0 && sx <= width - 1 && sy <= height - 1) sum += change[y * width + x]! * sample(change, width, height, sx, sy)
      }
    }
    return sum
  }
  const zero = correlation(0)
  let length = 0
  let deepest = 0
  for (let shift = 3; shift <= 20; shift++) {
    const value = correlation(shift) / zero
    if (value < deepest) [length, deepest] = [shift, value]
  }
  return deepest < -SHAKE_TROUGH ? { angle, length } : null
}
/** A band shows a shake when the change along its weakest direction is under this share of the strongest (sharp print: 0.6–0.9). */
const SHAKE_ANISOTROPY = 0.45
/** …and the change's autocorrelation along it dips below minus this share: a smear of that length, not print that runs that way. */
const SHAKE_TROUGH = 0.1
/** Rounds of Richardson–Lucy. */
const SHAKE_ROUNDS = 15

/**
 * The smear of a shake: points along its direction, the weight spread evenly, each point's weight
 * shared out over the four pixels around it (so that the smear is a short list of whole-pixel offsets).
 */
function smear(angle: number, length: number): [number, number, number][] {
  const points = Math.max(2, Math.round(length) + 1)
  const weights = new Map<string, [number, number, number]>()
  for (let i = 0; i < points; i++) {
    const at = -length / 2 + (length * i) / (points - 1)
    const [x, y] = [at * Math.cos(angle), at * Math.sin(angle)]
    const [x0, y0] = [Math.floor(x), Math.floor(y)]
    for (const [dx, dy, share] of [
      [x0, y0, (1 - (x - x0)) * (1 - (y - y0))],
      [x0 + 1, y0, (x - x0) * (1 - (y - y0))],
      [x0, y0 + 1, (1 - (x - x0)) * (y - y0)],
      [x0 + 1, y0 + 1, (x - x0) * (y - y0)],
    ] as const) {
      const cell = weights.get(`${dx},${dy}`) ?? [dx, dy, 0]
      cell[2] += share / points
      weights.set(`${dx},${dy}`, cell)
    }
  }
  return [...weights.values()].filter(([, , weight]) => weight > 1e-4)
}

/** `pixels` smeared by `kernel` (`sign` -1: the smear turned round, as Richardson–Lucy's correction needs); off the band counts as `outside`. */
function convolve(pixels: Float32Array, width: number, height: number, kernel: [number, number, number][], sign: 1 | -1, outside: number): Float32Array {
  const out = new Float32Array(pixels.length)
  for (const [kx, ky, weight] of kernel) {
    const [dx, dy] = [-sign * kx, -sign * ky]
    for (let y = 0; y < height; y++) {
      const sy = y + dy
      const row = y * width
      if (sy < 0 || sy >= height) {
        for (let x = 0; x < width; x++) out[row + x]! += weight * outside
        continue
      }
      const from = sy * width + dx
      for (let x = 0; x < width; x++) out[row + x]! += weight * (x + dx >= 0 && x + dx < width ? pixels[from + x]! : outside)
    }
  }
  return out
}

/**
 * The band with a shake taken out (Richardson–Lucy deconvolution by the smear: a few rounds,
 * enough to part the strokes a smear ran together, not so many that the photo's noise grows into
 * strokes). It works on the print as light on dark, which is what it sharpens.
 */
export function unshaken(band: Straightened, shake: { angle: number; length: number }, rounds = SHAKE_ROUNDS): Straightened {
  const { width, height } = band
  const kernel = smear(shake.angle, shake.length)
  const seen = band.pixels.map((value) => 256 - value)
  let estimate = Float32Array.from(seen)
  for (let round = 0; round < rounds; round++) {
    // Off the band is paper: no light in the print's terms, and nothing to correct.
    const blurred = convolve(estimate, width, height, kernel, 1, 1)
    const ratio = seen.map((value, i) => value / Math.max(1e-3, blurred[i]!))
    const correction = convolve(ratio, width, height, kernel, -1, 1)
    estimate = estimate.map((value, i) => value * correction[i]!)
  }
  return { pixels: estimate.map((value) => 256 - value), width, height }
}
