/**
 * What the image pool (image-pool.ts) and its children (image-worker.ts) say to each other: a
 * job's header with an id over the IPC channel and its bytes on the child's stdin (a pipe writes
 * the upload's buffer as it is, where the IPC channel would serialize a 10 MB copy of it),
 * answered over the IPC channel with the output of its kind or a refusal's error code.
 */
import type { ErrorCode } from '@bango/shared/errors'
import type { NormalizedImage } from './images.ts'

/** `input`: the bytes in the pieces they arrived in (an upload's network chunks), written to the child one by one. */
export type ImageJobInput =
  | { kind: 'normalize'; input: readonly Uint8Array[] }
  | { kind: 'thumbnail'; input: readonly Uint8Array[]; edge: number }
  | { kind: 'read-number'; input: readonly Uint8Array[] }
export type ImageJob = ImageJobInput & { id: number }
/** A job as the IPC channel carries it: `length` bytes of input follow on the child's stdin. */
export type ImageJobHeader = ({ kind: 'normalize' } | { kind: 'thumbnail'; edge: number } | { kind: 'read-number' }) & { id: number; length: number }

type ImageBytes = Omit<NormalizedImage, 'jpeg'> & { jpeg: Uint8Array }

/**
 * What each kind of job answers: the re-encoded image with its size, the thumbnail's JPEG, or the
 * number read off the image with the image put upright when the number was read in another turn.
 */
export interface ImageJobOutput {
  normalize: ImageBytes
  thumbnail: Uint8Array
  'read-number': { number: string | null; upright: ImageBytes | null }
}

export type ImageJobResult = { id: number; ok: true; output: ImageJobOutput[ImageJobInput['kind']] } | { id: number; ok: false; code: ErrorCode | null }

/** Advanced serialization hands Buffers over as plain Uint8Arrays: a view of the same bytes. */
export const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
