/**
 * Text recognition of number documents with tesseract.js and the `eng` traineddata shipped in
 * the npm package @tesseract.js-data/eng: the language file is read from node_modules, nothing
 * is downloaded or cached at run time (`cacheMethod: 'none'`). One worker for the process,
 * created on first use (most servers never read a card) and terminated with the app.
 * A read returns the lines of digit words with tesseract's confidence in each word, which the
 * number reading (number-reading.ts) needs to tell a clear reading from a guess.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { createWorker, PSM, type RecognizeOptions, type Worker } from 'tesseract.js'
import { type PreparedImage, type Region, evenGreyImage, imageForTesseract } from './ocr-image.ts'

export interface OcrWord {
  /** Digits only (the worker is limited to digits). */
  text: string
  /** tesseract's confidence in the word, 0–100. */
  confidence: number
  /** Where the word is on the image as read (turned, and cropped if a region was asked for), in pixels. */
  left: number
  right: number
  top: number
  bottom: number
}
export type OcrLine = OcrWord[]

export type QuarterTurns = 0 | 1 | 2 | 3

export interface ReadOptions {
  /** Clockwise quarter turns after the EXIF orientation. */
  quarterTurns?: QuarterTurns
  /** Only this part of the turned image (coordinates of a previous read of the same turn), enlarged `scale` times. */
  region?: Region
  scale?: number
  /** Turns the region clockwise by this many degrees (to level a slanted line). */
  degrees?: number
  /** Finds lines without the page layout (tesseract's sparse text), which misses no line for want of a block around it. */
  sparse?: boolean
}

export interface OcrReader {
  /** The lines of digits on an image (any format sharp decodes). */
  read(image: Buffer, options?: ReadOptions): Promise<OcrLine[]>
  /** The image as it is read: upright, greyscale, evened (made once per image). */
  prepare(image: Buffer): Promise<PreparedImage>
  /** The lines of digits on a PNG made from a prepared image (a band cut out of it), read as one block of text. */
  readCut(png: Buffer): Promise<OcrLine[]>
  close(): Promise<void>
}

/** The LSTM-only "best_int" model: what OEM 1 runs, smaller and more accurate on print than the legacy one. */
export const ENG_LANG_PATH = path.join(path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng')), '4.0.0_best_int')

function linesOf(page: Awaited<ReturnType<Worker['recognize']>>['data']): OcrLine[] {
  return (page.blocks ?? []).flatMap((block) =>
    block.paragraphs.flatMap((paragraph) =>
      paragraph.lines.map((line) =>
        line.words.map((word) => ({
          text: word.text.replace(/\D/g, ''),
          confidence: word.confidence,
          left: word.bbox.x0,
          right: word.bbox.x1,
          top: word.bbox.y0,
          bottom: word.bbox.y1,
        })),
      ),
    ),
  )
}

export function createOcrReader(): OcrReader {
  let worker: Promise<Worker> | null = null
  // tesseract runs one recognition at a time per worker: requests queue here rather than inside it.
  let queue: Promise<unknown> = Promise.resolve()

  const start = async () => {
    const created = await createWorker('eng', 1, { langPath: ENG_LANG_PATH, gzip: true, cacheMethod: 'none' })
    // Digits only; the dpi keeps tesseract from guessing one from the pixel size (a guess of 70 lost the rows of a 住民票's table).
    // Its running commentary (「Detected 25 diacritics」「Image too small to scale!!」) goes nowhere, not into the server's log.
    await created.setParameters({ tessedit_char_whitelist: '0123456789 ', user_defined_dpi: '300', tessedit_pageseg_mode: PSM.AUTO, debug_file: '/dev/null' })
    return created
  }

  // The photo read in another turn or more closely is decoded and evened once (~100 ms).
  const prepared = new WeakMap<Buffer, Promise<PreparedImage>>()
  const prepare = (image: Buffer) => {
    let evened = prepared.get(image)
    if (!evened) prepared.set(image, (evened = evenGreyImage(image)))
    return evened
  }

  const recognize = (input: () => Promise<Buffer>, mode: PSM) => {
    const run = queue.then(async () => {
      worker ??= start()
      const layout = { tessedit_pageseg_mode: mode } as Partial<RecognizeOptions>
      const { data } = await (await worker).recognize(await input(), layout, { text: false, blocks: true })
      return linesOf(data)
    })
    queue = run.catch(() => undefined)
    return run
  }

  return {
    read(image, options = {}) {
      // A region is one line of print: read as one block, which the automatic layout misses when it is all there is.
      const mode = options.region ? PSM.SINGLE_BLOCK : options.sparse ? PSM.SPARSE_TEXT : PSM.AUTO
      return recognize(async () => imageForTesseract(await prepare(image), options), mode)
    },
    prepare,
    readCut: (png) => recognize(async () => png, PSM.SINGLE_BLOCK),
    async close() {
      const running = worker
      worker = null
      if (running) await (await running).terminate()
    },
  }
}
