import { describe, expect, it } from 'vitest'
import { INITIAL_OLD_SPACE, startUpCommand } from './v8-heap.ts'

const started = (execArgv: string[], env: Record<string, string> = {}) =>
  startUpCommand({ execPath: '/usr/bin/node', execArgv, argv: ['/usr/bin/node', '/srv/bango/dist/server.js', '--x'], env })

describe('the start-up heap flag (ADR 058)', () => {
  it('runs the same command again with the flag first, keeping the node options and the arguments', () => {
    expect(started([])).toEqual(['/usr/bin/node', INITIAL_OLD_SPACE, '/srv/bango/dist/server.js', '--x'])
    expect(started(['--cpu-prof', '--import', 'probe.mjs'])).toEqual([
      '/usr/bin/node',
      INITIAL_OLD_SPACE,
      '--cpu-prof',
      '--import',
      'probe.mjs',
      '/srv/bango/dist/server.js',
      '--x',
    ])
  })

  it('keeps a value the operator gave, in either spelling, and so runs once', () => {
    expect(started(['--initial-old-space-size=64'])).toBeNull()
    expect(started(['--initial_old_space_size=512'])).toBeNull()
    expect(started([INITIAL_OLD_SPACE])).toBeNull()
  })

  it('leaves a process that talks to its parent over an IPC channel as it is', () => {
    expect(started([], { NODE_CHANNEL_FD: '3' })).toBeNull()
  })
})
