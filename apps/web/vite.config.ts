import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { chunkReport } from './build/chunk-report.ts'

export default defineConfig({
  // chunkReport: dist/chunk-report.json, read by scripts/check-employee-bundle.mjs.
  plugins: [react(), chunkReport()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    // The API serves dist/ under a CSP without 'unsafe-inline'; nothing may be inlined as data: scripts.
    assetsInlineLimit: 0,
  },
})
