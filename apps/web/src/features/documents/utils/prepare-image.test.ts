import { afterEach, describe, expect, it, vi } from 'vitest'
import { burnMasks } from './burn-masks.ts'
import { JPEG_QUALITY, prepareImageFile, scaledSize } from './prepare-image.ts'

/** jsdom has no canvas: stand in for the 2D context and the encoder, and watch what they are asked. */
function fakeCanvas() {
  const drawImage = vi.fn()
  const fillRect = vi.fn()
  const fills: string[] = []
  const getImageData = vi.fn((_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4).fill(200) }))
  const context = {
    drawImage,
    getImageData,
    fillRect: (...args: number[]) => {
      fills.push(context.fillStyle)
      fillRect(...args)
    },
    fillStyle: '',
  }
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D)
  const toBlob = vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback) => callback(new Blob(['jpeg'], { type: 'image/jpeg' })))
  return { drawImage, fillRect, fills, getImageData, toBlob }
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
    expect(prepared.jpeg.type).toBe('image/jpeg')
    expect(prepared.jpeg).not.toBe(original)
    expect({ width: prepared.width, height: prepared.height }).toEqual({ width: 2000, height: 1500 })
    expect(bitmap.close).toHaveBeenCalled()
  })

  it('keeps a 512 px grayscale copy for the quality hints', async () => {
    vi.stubGlobal('createImageBitmap', vi.fn().mockResolvedValue({ width: 4000, height: 3000, close: vi.fn() }))
    const { getImageData } = fakeCanvas()
    const prepared = await prepareImageFile(new Blob(['x']))
    expect(getImageData).toHaveBeenCalledWith(0, 0, 512, 384)
    expect(prepared.gray).toMatchObject({ width: 512, height: 384 })
    expect(prepared.gray?.data).toHaveLength(512 * 384)
    expect(prepared.gray?.data[0]).toBe(200)
  })

  it('still prepares the image when the canvas cannot be read back', async () => {
    vi.stubGlobal('createImageBitmap', vi.fn().mockResolvedValue({ width: 800, height: 600, close: vi.fn() }))
    fakeCanvas().getImageData.mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    const prepared = await prepareImageFile(new Blob(['x']))
    expect(prepared.gray).toBeNull()
    expect(prepared.jpeg.type).toBe('image/jpeg')
  })

  it('rejects when the browser cannot encode', async () => {
    vi.stubGlobal('createImageBitmap', vi.fn().mockResolvedValue({ width: 10, height: 10, close: vi.fn() }))
    const { toBlob } = fakeCanvas()
    toBlob.mockImplementation((callback) => callback(null))
    await expect(prepareImageFile(new Blob(['x']))).rejects.toThrow('encoding failed')
  })
})

describe('burnMasks', () => {
  it('paints every box opaque black over the decoded pixels (rounded outwards) and re-encodes', async () => {
    const bitmap = { width: 2000, height: 1260, close: vi.fn() }
    vi.stubGlobal('createImageBitmap', vi.fn().mockResolvedValue(bitmap))
    const { drawImage, fillRect, fills, toBlob } = fakeCanvas()
    const prepared = { jpeg: new Blob(['unmasked'], { type: 'image/jpeg' }), width: 2000, height: 1260, gray: null }

    const masked = await burnMasks(prepared, [
      { x: 100.4, y: 50.6, width: 300.2, height: 80 },
      { x: 1500, y: 900, width: 400, height: 300 },
    ])

    expect(drawImage).toHaveBeenCalledWith(bitmap, 0, 0, 2000, 1260)
    expect(fillRect.mock.calls).toEqual([
      [100, 50, 301, 81],
      [1500, 900, 400, 300],
    ])
    expect(fills).toEqual(['#000000', '#000000'])
    // Painted after the picture, or the picture would cover the boxes.
    expect(drawImage.mock.invocationCallOrder[0]).toBeLessThan(fillRect.mock.invocationCallOrder[0]!)
    expect(toBlob).toHaveBeenCalledWith(expect.any(Function), 'image/jpeg', JPEG_QUALITY)
    expect(masked).not.toBe(prepared.jpeg)
    expect(bitmap.close).toHaveBeenCalled()
  })

  it('carries the boxes over when the decoder reports another pixel grid', async () => {
    vi.stubGlobal('createImageBitmap', vi.fn().mockResolvedValue({ width: 1000, height: 630, close: vi.fn() }))
    const { fillRect } = fakeCanvas()
    await burnMasks({ jpeg: new Blob(['x']), width: 2000, height: 1260, gray: null }, [{ x: 200, y: 100, width: 400, height: 200 }])
    expect(fillRect).toHaveBeenCalledWith(100, 50, 200, 100)
  })
})
