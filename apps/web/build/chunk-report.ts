/**
 * Writes dist/chunk-report.json: every chunk of the build with its static and dynamic
 * imports and the modules in it (paths relative to apps/web). scripts/check-employee-bundle.mjs
 * reads it to prove the employee's first load holds no console code.
 */
import path from 'node:path'
import type { Plugin } from 'vite'

export interface ChunkReportEntry {
  fileName: string
  isEntry: boolean
  /** Chunks loaded with this one (static `import`). */
  imports: string[]
  /** Chunks this one may load later (`import()`, e.g. React.lazy). */
  dynamicImports: string[]
  modules: string[]
}

export const CHUNK_REPORT_FILE = 'chunk-report.json'

export function chunkReport(): Plugin {
  let root = process.cwd()
  return {
    name: 'bango:chunk-report',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    generateBundle(_options, bundle) {
      const chunks: ChunkReportEntry[] = []
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue
        chunks.push({
          fileName: output.fileName,
          isEntry: output.isEntry,
          imports: [...output.imports],
          dynamicImports: [...output.dynamicImports],
          // Virtual modules (\0…) keep their id; files become relative, with / on every OS.
          modules: output.moduleIds.map((id) => (path.isAbsolute(id) ? path.relative(root, id).split(path.sep).join('/') : id)),
        })
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_REPORT_FILE, source: `${JSON.stringify({ chunks }, null, 2)}\n` })
    },
  }
}
