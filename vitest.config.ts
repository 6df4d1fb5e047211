import { defineConfig } from 'vitest/config'
import { apiTest } from './apps/api/vitest.config.ts'

// `pnpm test` runs every project. The API suite runs on the embedded database always, and
// once more on PostgreSQL when TEST_DATABASE_URL names a server (CI does).
//
// Two files at a time (vitest's default on two cores is one): most API files wait on a child,
// a socket or PostgreSQL for part of their time. The projects run in groups, one after the
// other (`groupOrder`): the jsdom suites first, on their own, as their waits for an element
// are short; then the API suites; last, alone on the machine, the files in SOLO.
const WORKERS = 2
const GROUP = { jsdom: 0, api: 1, solo: 2 } as const

/** Files whose outcome depends on the load on the machine: a second file beside them is load they would measure. */
const SOLO = [
  // Drives the import thread into its heap limit: under load V8 can abort the whole process instead
  // of ending the thread (nodejs/node#47224), which one CI run with two files at a time hit.
  'src/domain/admin/import-thread.test.ts',
]
const ALL = ['src/**/*.test.ts', 'test/**/*.test.ts']
/**
 * Files about the HTTP layer, the images or the API document, not the database: they run on the
 * embedded database only. (The pure unit tests, src/**, likewise.)
 */
const ONE_DATABASE = [
  'src/**',
  'test/security-headers.test.ts',
  'test/timeouts.test.ts',
  'test/logging.test.ts',
  'test/openapi.test.ts',
  'test/image-work.test.ts',
  'test/number-ocr.test.ts',
  'test/number-reading.test.ts',
]

/**
 * Files that run on PostgreSQL alone when a server is named, on the embedded database otherwise:
 * the 200,000-row import under the liveness probe is the production case there (the driver's
 * answers are read on the server's thread), and three passes of it on both databases were 70 s.
 */
const PRODUCTION_DATABASE = ['test/import-liveness.test.ts']

const api = (name: string, files: { include: string[]; exclude?: string[] }, env: Record<string, string>, groupOrder: number) => ({
  root: './apps/api',
  test: {
    ...apiTest,
    name,
    include: files.include,
    exclude: ['**/node_modules/**', ...(files.exclude ?? [])],
    env: { ...apiTest.env, ...env },
    sequence: { groupOrder },
    maxWorkers: groupOrder >= GROUP.solo ? 1 : WORKERS,
  },
})
const postgres = process.env.TEST_DATABASE_URL
const onPglite = { TEST_DATABASE_URL: '' }
const onPostgres = { TEST_DATABASE_URL: postgres ?? '' }

// The blob-heavy files once more with the S3 store on an S3-protocol server (s3rver, started
// in-process per file): uploads, the pending-blob crash paths, the ZIP export, disposal.
// The BlobStore contract itself runs on both stores in every `api` run.
const S3_FILES = ['test/uploads.test.ts', 'test/pending-blobs.test.ts', 'test/admin-export.test.ts', 'test/disposal.test.ts']

const inGroup = (groupOrder: number) => ({ sequence: { groupOrder }, maxWorkers: WORKERS })

export default defineConfig({
  test: {
    projects: [
      // The repository's own checks: the lint config's test (ESLint on snippets, proving the import
      // boundaries, ADR 025) and the docs' citations of files, ADRs and tests (scripts/docs/).
      { test: { name: 'lint', root: '.', include: ['scripts/**/*.test.ts'], ...inGroup(GROUP.jsdom) } },
      { extends: './packages/shared/vitest.config.ts', root: './packages/shared', test: inGroup(GROUP.jsdom) },
      { extends: './apps/web/vitest.config.ts', root: './apps/web', test: inGroup(GROUP.jsdom) },
      api('api', { include: ALL, exclude: [...SOLO, ...(postgres ? PRODUCTION_DATABASE : [])] }, onPglite, GROUP.api),
      api('api-s3', { include: S3_FILES }, { ...onPglite, TEST_BLOB_STORE: 's3' }, GROUP.api),
      ...(postgres ? [api('api-postgres', { include: ALL, exclude: [...ONE_DATABASE, ...SOLO] }, onPostgres, GROUP.api)] : []),
      api('api-solo', { include: SOLO }, onPglite, GROUP.solo),
    ],
  },
})
