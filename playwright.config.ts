import { defineConfig, devices } from '@playwright/test'
import path from 'node:path'
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from './e2e/chromium.ts'

// The phone "photographs" this card through a fake camera.
const fakeCamera = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${path.resolve('e2e/fixtures/card.mjpeg')}`,
]

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // Three at a time on two cores: a test spends much of its time waiting on its own server,
  // browser or mailbox (two at a time left 40 % of the CPU idle: 125–133 s, three 118–120 s).
  // Each test has its own server, data folder, mailbox and port (server.ts, mailbox.ts). The
  // desktop project comes first: its files are the longest (review, admin), so they start first
  // and the short phone files fill in around them.
  workers: 3,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Builds the artifact (apps/api/dist) when stale: e2e/server.ts runs it with plain node. Every
  // server's log is captured and scanned for secrets and personal data (e2e/server-logs.ts).
  globalSetup: ['./e2e/global-setup.ts', './e2e/log-capture.setup.ts'],
  globalTeardown: './e2e/log-capture.teardown.ts',
  // No trace: recording one (screencast frames, a DOM snapshot per action) cost a third of the
  // browsers' CPU even when thrown away after a pass — about 80 s of CPU, 40 s of the run. A failure
  // keeps its screenshot; to read a failure step by step, run it again with `--trace on`.
  use: { trace: 'off', screenshot: 'only-on-failure', locale: 'ja-JP' },
  projects: [
    {
      name: 'pc',
      testMatch: /pc\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: CHROMIUM_PATH, args: QUIET_CHROMIUM_ARGS },
      },
    },
    {
      name: 'phone',
      testMatch: /phone\.spec\.ts/,
      use: {
        ...devices['Pixel 7'],
        // The narrowest phone still in use (iPhone SE 1st gen): the layout must hold at 320 px.
        viewport: { width: 320, height: 640 },
        browserName: 'chromium',
        permissions: ['camera'],
        launchOptions: { executablePath: CHROMIUM_PATH, args: [...QUIET_CHROMIUM_ARGS, ...fakeCamera] },
      },
    },
  ],
})
