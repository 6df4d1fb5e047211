import { defineConfig } from 'vitest/config'

// `pnpm test` runs every project. The API suite runs on the embedded database always, and
// once more on PostgreSQL when TEST_DATABASE_URL names a server (CI does).
const api = (name: string, databaseUrl: string, exclude: string[] = []) => ({
  extends: './apps/api/vitest.config.ts',
  root: './apps/api',
  // `exclude` adds to the extended config's (arrays merge): the pure unit tests run once.
  test: { name, env: { TEST_DATABASE_URL: databaseUrl }, exclude: ['**/node_modules/**', ...exclude] },
})

// The blob-heavy files once more with the S3 store on an S3-protocol server (s3rver, started
// in-process per file): uploads, the pending-blob crash paths, the ZIP export, disposal.
// The BlobStore contract itself runs on both stores in every `api` run.
const apiS3 = {
  root: './apps/api',
  test: {
    name: 'api-s3',
    include: ['test/uploads.test.ts', 'test/pending-blobs.test.ts', 'test/admin-export.test.ts', 'test/disposal.test.ts'],
    env: { TEST_DATABASE_URL: '', TEST_BLOB_STORE: 's3', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    globalSetup: ['./test/pglite-template.ts'],
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
}

// The lint config's own test: ESLint on snippets, proving the import boundaries (ADR 025).
const lint = { test: { name: 'lint', root: '.', include: ['scripts/**/*.test.ts'] } }

export default defineConfig({
  test: {
    projects: [
      lint,
      'packages/shared',
      'apps/web',
      api('api', ''),
      apiS3,
      ...(process.env.TEST_DATABASE_URL ? [api('api-postgres', process.env.TEST_DATABASE_URL, ['src/**'])] : []),
    ],
  },
})
