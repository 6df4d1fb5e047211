/**
 * The browser tests' fixtures: each test that asks for `server` gets the product started fresh
 * for it (server.ts: the built artifact on a data folder of its own, the demo employee before
 * consent) and stopped after it, its data folder removed — whether the test passed or not.
 *
 *   import { expect, test } from './fixtures.ts'
 *   test('…', async ({ page, server }) => { await wizard.logIn(page, server) })
 *
 * `test.use({ serverEnv: { … } })` adds to the server's environment for a file; `testWithMail`
 * also points the server at a mail server of the test's own (`mailbox`).
 * @see https://playwright.dev/docs/test-fixtures
 */
import { test as base } from '@playwright/test'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { type Mailbox, startMailbox } from './mailbox.ts'
import { type ProductServer, startProduct } from './server.ts'

export { expect } from '@playwright/test'

interface Fixtures {
  /** What a file adds to the server's environment (`test.use`). */
  serverEnv: Record<string, string>
  /** The e-mail settings of the server: none, unless the test uses `testWithMail`. */
  serverMail: Record<string, string>
  /** A mail server of the test's own, closed after it. */
  mailbox: Mailbox
  /** The product, started for this test and stopped after it. */
  server: ProductServer
  /**
   * Starts another fresh installation (a test that needs one midway: the demo employee before
   * consent again); every one started is stopped after the test.
   */
  startServer: () => Promise<ProductServer>
  /** A folder of the test's own (generated camera videos), removed after it. */
  tempDir: string
}

export const test = base.extend<Fixtures>({
  serverEnv: [{}, { option: true }],
  serverMail: async ({}, use) => use({}),
  mailbox: async ({}, use) => {
    const mailbox = await startMailbox()
    await use(mailbox)
    await mailbox.close()
  },
  startServer: async ({ serverEnv, serverMail }, use) => {
    const started: ProductServer[] = []
    await use(async () => {
      const server = await startProduct({ env: { ...serverMail, ...serverEnv } })
      started.push(server)
      return server
    })
    // stop() is idempotent: a server the test stopped itself (stopAndOpenDatabase) only loses its folder.
    await Promise.all(started.map((server) => server.stop()))
  },
  server: async ({ startServer }, use) => use(await startServer()),
  tempDir: async ({}, use) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-e2e-test-'))
    await use(dir)
    await fs.rm(dir, { recursive: true, force: true })
  },
})

/** The product sending e-mail to the test's `mailbox`; its e-mail worker looks every second. */
export const testWithMail = test.extend({
  serverMail: async ({ mailbox }, use) => use({ SMTP_URL: mailbox.url, MAIL_FROM: 'hr@bango.test', EMAIL_WORKER_INTERVAL_SECONDS: '1' }),
})
