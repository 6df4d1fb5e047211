/**
 * The picture the card detector works on: one luma byte per pixel, row after row. A camera
 * frame arrives as RGBA (`getImageData`), so this file turns it grey and, when it is larger
 * than the detector needs, scales it down by averaging boxes of pixels.
 */

/** A grey picture: one byte (0 = black … 255 = white) per pixel, row after row. */
export interface GreyFrame {
  width: number
  height: number
  data: Uint8Array | Uint8ClampedArray
}

/** RGBA pixels as `getImageData` returns them (an `ImageData` is one). */
export interface RgbaFrame {
  width: number
  height: number
  data: Uint8ClampedArray
}

/** ITU-R BT.601 luma in integer arithmetic (77 + 150 + 29 = 256): the same weights as utils/image-quality.ts. */
export function greyFrameFromRgba({ width, height, data }: RgbaFrame): GreyFrame {
  const grey = new Uint8Array(width * height)
  for (let p = 0, i = 0; p < grey.length; p++, i += 4) {
    grey[p] = (77 * data[i]! + 150 * data[i + 1]! + 29 * data[i + 2]!) >> 8
  }
  return { width, height, data: grey }
}

/**
 * The frame scaled so its long side is at most `longSide`, each pixel the mean of the box it
 * covers, and the factors to multiply its coordinates by to get back to the original's.
 */
export function shrinkGreyFrame(frame: GreyFrame, longSide: number): { frame: GreyFrame; scaleX: number; scaleY: number } {
  const scale = Math.max(frame.width, frame.height) / longSide
  if (scale <= 1) return { frame, scaleX: 1, scaleY: 1 }
  const width = Math.round(frame.width / scale)
  const height = Math.round(frame.height / scale)
  const data = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    const top = Math.floor((y * frame.height) / height)
    const bottom = Math.max(top + 1, Math.floor(((y + 1) * frame.height) / height))
    for (let x = 0; x < width; x++) {
      const left = Math.floor((x * frame.width) / width)
      const right = Math.max(left + 1, Math.floor(((x + 1) * frame.width) / width))
      let sum = 0
      for (let sy = top; sy < bottom; sy++) {
        for (let sx = left; sx < right; sx++) sum += frame.data[sy * frame.width + sx]!
      }
      data[y * width + x] = Math.round(sum / ((bottom - top) * (right - left)))
    }
  }
  return { frame: { width, height, data }, scaleX: frame.width / width, scaleY: frame.height / height }
}
