/**
 * Imported first by main.tsx, before any schema is built: the CSP has no 'unsafe-eval',
 * and zod otherwise probes `new Function` while constructing object schemas (a CSP
 * violation in the console on every page load).
 *
 * Written to the object zod keeps its settings in (`globalThis.__zod_globalConfig`, shared by
 * every copy of zod) rather than through `z.config()`, so that zod itself stays out of the
 * first load (3.6 KB gzip): it loads with the first screen that parses an answer. zod-config.test.ts
 * fails if a zod upgrade stops reading it.
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> }
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true })

export {}
