import { afterEach, describe, expect, it, vi } from 'vitest'
import { JPEG_QUALITY, prepareImageFile, scaledSize } from './prepare-image.ts'

/** jsdom has no canvas: stand in for the 2D context and the encoder, and watch what they are asked. */
function fakeCanvas() {
  const drawImage = vi.fn()
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ drawImage } as unknown as CanvasRenderingContext2D)
  const toBlob = vi
    .spyOn(HTMLCanvasElement.prototype, 'toBlob')
    .mockImplementation((callback) => callback(new Blob(['jpeg'], { type: 'image/jpeg' })))
  return { drawImage, toBlob }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('scaledSize', () => {
  it('caps the long edge at 2000 px, keeping the aspect ratio', () => {
    expect(scaledSize(4032, 3024)).toEqual({ width: 2000, height: 1500 })
    expect(scaledSize(3024, 4032)).toEqual({ width: 1500, height: 2000 })
  })

  it('never enlarges a small image', () => {
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 })
  })
})

describe('prepareImageFile', () => {
  it('decodes with EXIF orientation applied, downsizes and re-encodes as JPEG', async () => {
    const bitmap = { width: 4000, height: 3000, close: vi.fn() }
    const createImageBitmap = vi.fn().mockResolvedValue(bitmap)
    vi.stubGlobal('createImageBitmap', createImageBitmap)
    const { drawImage, toBlob } = fakeCanvas()
    const original = new Blob(['exif and gps inside'], { type: 'image/jpeg' })

    const prepared = await prepareImageFile(original)

    expect(createImageBitmap).toHaveBeenCalledWith(original, { imageOrientation: 'from-image' })
    expect(drawImage).toHaveBeenCalledWith(bitmap, 0, 0, 2000, 1500)
    expect(toBlob).toHaveBeenCalledWith(expect.any(Function), 'image/jpeg', JPEG_QUALITY)
    expect(prepared.type).toBe('image/jpeg')
    expect(prepared).not.toBe(original)
    expect(bitmap.close).toHaveBeenCalled()
  })

  it('rejects when the browser cannot encode', async () => {
    vi.stubGlobal('createImageBitmap', vi.fn().mockResolvedValue({ width: 10, height: 10, close: vi.fn() }))
    const { toBlob } = fakeCanvas()
    toBlob.mockImplementation((callback) => callback(null))
    await expect(prepareImageFile(new Blob(['x']))).rejects.toThrow('encoding failed')
  })
})
