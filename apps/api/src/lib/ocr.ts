/**
 * Text recognition of number documents with tesseract.js and the `eng` traineddata shipped in
 * the npm package @tesseract.js-data/eng: the language file is read from node_modules, nothing
 * is downloaded or cached at run time (`cacheMethod: 'none'`). One worker for the process,
 * created on first use (most servers never read a card) and terminated with the app.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import sharp from 'sharp'
import { createWorker, type Worker } from 'tesseract.js'

export interface OcrReader {
  /** The text of an image (any format sharp decodes), digits and spaces only. `upscale: false` reads it at its own size. */
  read(image: Buffer, options?: { upscale?: boolean }): Promise<string>
  close(): Promise<void>
}

/** The LSTM-only "best_int" model: what OEM 1 runs, smaller and more accurate on print than the legacy one. */
export const ENG_LANG_PATH = path.join(path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng')), '4.0.0_best_int')

/** Cards are photographed at ~2000 px; digits of ~40 px height read best, so small images are upscaled. */
const TARGET_WIDTH = 2000

/** Greyscale + contrast stretch + upscale: the colour backgrounds of cards otherwise cost digits. */
export async function prepareForOcr(image: Buffer, upscale = true): Promise<Buffer> {
  const pipeline = sharp(image, { limitInputPixels: 50_000_000 }).rotate().greyscale().normalise()
  const { width = TARGET_WIDTH } = await sharp(image, { limitInputPixels: 50_000_000 }).metadata()
  return (upscale && width < TARGET_WIDTH ? pipeline.resize({ width: TARGET_WIDTH, kernel: 'lanczos3' }) : pipeline).png().toBuffer()
}

export function createOcrReader(): OcrReader {
  let worker: Promise<Worker> | null = null
  // tesseract runs one recognition at a time per worker: requests queue here rather than inside it.
  let queue: Promise<unknown> = Promise.resolve()

  const start = async () => {
    const created = await createWorker('eng', 1, { langPath: ENG_LANG_PATH, gzip: true, cacheMethod: 'none' })
    await created.setParameters({ tessedit_char_whitelist: '0123456789 ' })
    return created
  }

  return {
    read(image, options = {}) {
      const run = queue.then(async () => {
        worker ??= start()
        const prepared = await prepareForOcr(image, options.upscale ?? true)
        const { data } = await (await worker).recognize(prepared)
        return data.text
      })
      queue = run.catch(() => undefined)
      return run
    },
    async close() {
      const running = worker
      worker = null
      if (running) await (await running).terminate()
    },
  }
}
