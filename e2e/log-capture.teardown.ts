/** Playwright global teardown: scans the run's server logs (log-capture.setup.ts). */
export { teardown as default } from './log-capture.setup.ts'
