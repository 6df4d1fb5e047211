import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { KILL_POINTS, killPoint, parseKillPlan } from './kill-points.ts'

describe('kill points', () => {
  it('cannot be armed without the test-hooks flag', () => {
    expect(() => loadConfig({ BANGO_TEST_KILL_AT: 'upload.received' })).toThrow(/BANGO_TEST_KILL_AT: a test hook: refused unless BANGO_TEST_HOOKS=1/)
    expect(() => loadConfig({ BANGO_TEST_KILL_AT: 'upload.received', BANGO_TEST_HOOKS: '0' })).toThrow(/BANGO_TEST_HOOKS=1/)
    expect(loadConfig({}).killAt).toBeNull()
    expect(loadConfig({ BANGO_TEST_HOOKS: '1', BANGO_TEST_KILL_AT: 'submit.committed#2' }).killAt).toEqual({ point: 'submit.committed', hit: 2 })
  })

  it('refuses a name that is not a kill point', () => {
    expect(() => loadConfig({ BANGO_TEST_HOOKS: '1', BANGO_TEST_KILL_AT: 'upload.recieved' })).toThrow(/unknown kill point "upload.recieved"/)
    for (const spec of ['', 'submit.committed#0', 'submit.committed#x', '#2']) expect(() => parseKillPlan(spec)).toThrow(/unknown kill point/)
    expect(new Set(KILL_POINTS).size).toBe(KILL_POINTS.length)
  })

  it('does nothing when none is armed', () => {
    // Unarmed, as in every in-process test: were it armed, this test worker would die here.
    for (const point of KILL_POINTS) killPoint(point)
  })
})
