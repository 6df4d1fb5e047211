/**
 * Debian's Chromium (apt-get install chromium), as the Playwright projects, the black-camera spec
 * and bench:first-load launch it: Playwright's own browser download is not used, and nothing in
 * the background talks to the network or competes for the two cores.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
