/**
 * Imported first by main.tsx, before any schema is built: the CSP has no 'unsafe-eval',
 * and zod otherwise probes `new Function` while constructing object schemas (a CSP
 * violation in the console on every page load).
 */
import { z } from 'zod'

z.config({ jitless: true })
