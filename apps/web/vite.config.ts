import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { chunkReport } from './build/chunk-report.ts'
import { precompress } from './build/precompress.ts'

export default defineConfig({
  // chunkReport: dist/chunk-report.json, read by scripts/check-employee-bundle.mjs;
  // precompress: .br and .gz beside each asset, served by the API (plugins/external/web-app.ts).
  plugins: [react(), chunkReport(), precompress()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    // The API serves dist/ under a CSP without 'unsafe-inline'; nothing may be inlined as data: scripts.
    assetsInlineLimit: 0,
  },
})
