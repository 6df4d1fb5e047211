/**
 * The card detector on a slow phone: bundles apps/web/src/features/documents/capture-analysis
 * with the web app's own Vite (rolldown, minified as in a build), runs it in headless Chromium
 * throttled through the Chrome DevTools Protocol to 4× CPU (Lighthouse's mobile preset), and prints:
 * - per 480 × 360 synthetic frame, the time of one analysis (RGBA → grey, detectCard, and the
 *   glare share and the number band's sharpness when a card is found): median and p95 over every
 *   frame and run;
 * - the gzip size of the analysis code the camera screen will load (everything but the test
 *   frames), bundled on its own.
 * The budgets: analysis ≤ 50 ms per frame, ≤ 15 KB gzip added to the capture chunk.
 *
 * Run: pnpm bench:card  (ROUNDS=<n> to change how often each frame is analysed)
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync, constants } from 'node:zlib'
import { chromium } from '@playwright/test'
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from '../e2e/chromium.ts'

const ROUNDS = Number(process.env.ROUNDS ?? 20)
const CPU_SLOWDOWN = 4
const FOLDER = path.resolve(import.meta.dirname, '../apps/web/src/features/documents/capture-analysis')
const from = (file: string) => JSON.stringify(path.join(FOLDER, file))

/** What the camera screen will import: the size budget is about this. */
const ANALYSIS_ENTRY = `
export { detectCard, isWholeCardInFrame } from ${from('detect-card.ts')}
export { greyFrameFromRgba } from ${from('grey-frame.ts')}
export { bandBox, bandSharpness } from ${from('sharpness.ts')}
export { GLARE_SHARE, glareShare } from ${from('glare.ts')}
export { longSideFirst, straightenCard } from ${from('perspective.ts')}
export { isSteady, trackSteadiness } from ${from('steadiness.ts')}
`

/** The page's harness: draws the frames (before the throttling), then times each analysis. */
const PAGE_ENTRY = `
import { detectCard } from ${from('detect-card.ts')}
import { greyFrameFromRgba } from ${from('grey-frame.ts')}
import { bandSharpness } from ${from('sharpness.ts')}
import { glareShare } from ${from('glare.ts')}
import { SYNTHETIC_NUMBER_BAND, placeCard, renderScene } from ${from('synthetic-frames.ts')}

const scenes = [
  { card: placeCard({ x: 240, y: 180, width: 340 }), desk: 'dark' },
  { card: placeCard({ x: 250, y: 175, width: 320, turnDegrees: 12 }), desk: 'textured' },
  { card: placeCard({ x: 230, y: 185, width: 300, turnDegrees: -30 }), desk: 'wood' },
  { card: placeCard({ x: 240, y: 180, width: 360, turnDegrees: 5, tilt: 0.2 }), desk: 'textured' },
  { card: placeCard({ x: 240, y: 180, width: 330, turnDegrees: -4 }), desk: 'dark', border: true },
  { card: placeCard({ x: 200, y: 150, width: 160, turnDegrees: 8 }), desk: 'textured' },
  { card: placeCard({ x: 240, y: 180, width: 330, turnDegrees: 3 }), desk: 'white' },
  { card: placeCard({ x: 240, y: 170, width: 340, turnDegrees: -3 }), desk: 'textured', thumb: true },
  { card: placeCard({ x: 330, y: 230, width: 320, turnDegrees: -15 }), desk: 'textured' },
  { card: placeCard({ x: 240, y: 180, width: 340, turnDegrees: 6 }), desk: 'textured', blur: 3 },
  { card: null, desk: 'wood' },
  { card: null, desk: 'textured' },
]
let frames = []
window.prepareFrames = () => {
  frames = scenes.map((scene) => renderScene({ width: 480, height: 360, ...scene }))
  return frames.length
}
window.analyseFrames = (rounds) => {
  const times = []
  let found = 0
  for (let round = 0; round < rounds; round++) {
    for (const frame of frames) {
      const start = performance.now()
      const grey = greyFrameFromRgba(frame)
      const outline = detectCard(grey)
      if (outline) glareShare(grey, outline.corners) + bandSharpness(grey, outline.corners, SYNTHETIC_NUMBER_BAND)
      times.push(performance.now() - start)
      if (outline && round === 0) found++
    }
  }
  return { times, found }
}
`

/** The minimal part of Vite's API used here (vite is the web app's dependency, not the root's). */
interface ViteBuild {
  build(config: object): Promise<{ output: { type: string; code?: string }[] } | { output: { type: string; code?: string }[] }[]>
}

/** Bundles `source` (a module importing the folder's files) as Vite builds the app: minified, one chunk. */
async function bundle(source: string, format: 'es' | 'iife'): Promise<string> {
  const require = createRequire(path.resolve(import.meta.dirname, '../apps/web/package.json'))
  const vite = (await import(pathToFileURL(require.resolve('vite')).href)) as ViteBuild
  // A module that exists only here: the plugin below answers for it.
  const entry = path.join(FOLDER, 'bench-entry.js')
  const result = await vite.build({
    configFile: false,
    logLevel: 'warn',
    root: FOLDER,
    plugins: [{ name: 'card-analysis-entry', resolveId: (id: string) => (id === entry ? id : null), load: (id: string) => (id === entry ? source : null) }],
    build: { write: false, minify: true, lib: { entry, formats: [format], name: 'cardAnalysis', fileName: 'card-analysis' } },
  })
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((item) => item.output)
  const chunks = outputs.filter((item) => item.type === 'chunk')
  if (chunks.length !== 1) throw new Error(`expected one chunk, got ${chunks.length}`)
  return chunks[0]!.code!
}

const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!
}

const analysisCode = await bundle(ANALYSIS_ENTRY, 'es')
const gzipBytes = gzipSync(analysisCode, { level: constants.Z_BEST_COMPRESSION }).length
const pageCode = await bundle(PAGE_ENTRY, 'iife')

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: QUIET_CHROMIUM_ARGS })
try {
  const page = await browser.newPage()
  await page.addScriptTag({ content: pageCode })
  const frames = await page.evaluate('window.prepareFrames()')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  await page.evaluate('window.analyseFrames(3)') // warm-up: the JIT's first passes
  const { times, found } = (await page.evaluate(`window.analyseFrames(${ROUNDS})`)) as { times: number[]; found: number }
  console.log(
    `card detection in headless Chromium at ${CPU_SLOWDOWN}× CPU: ${frames} synthetic frames of 480 × 360 (a card found in ${found}), ${ROUNDS} rounds`,
  )
  console.log(
    `  per frame (grey, detectCard, glare, number band sharpness): median ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms — budget 50 ms`,
  )
  console.log(`  analysis code: ${(analysisCode.length / 1024).toFixed(1)} KB minified, ${(gzipBytes / 1024).toFixed(1)} KB gzip — budget 15 KB gzip`)
} finally {
  await browser.close()
}
