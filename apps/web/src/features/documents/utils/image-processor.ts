import { burnMasks } from './burn-masks.ts'
import type { Corners } from '../capture-analysis/geometry.ts'
import type { MaskBox } from './mask-geometry.ts'
import { prepareImageFile, prepareVideoFrame, type PreparedImage } from './prepare-image.ts'

/**
 * The pixel work of the capture step, injectable so jsdom tests stub only the canvas:
 * a file or a video frame → the prepared JPEG, and the 健康保険証 masks burnt into it.
 */
export interface ImageProcessor {
  fromFile: (file: Blob) => Promise<PreparedImage>
  /** `card`: the corners of a confidently found card (video pixels): only the card is kept, straightened. */
  fromVideo: (video: HTMLVideoElement, card?: Corners) => Promise<PreparedImage>
  /** Opaque black boxes (in the prepared image's pixels) painted over it, re-encoded: nothing under them survives. */
  burnMasks: (image: PreparedImage, boxes: readonly MaskBox[]) => Promise<Blob>
}

export const browserImageProcessor: ImageProcessor = {
  fromFile: prepareImageFile,
  fromVideo: prepareVideoFrame,
  burnMasks,
}
