import { describe, expect, it } from 'vitest'

describe('zod-config', () => {
  it('turns zod jitless: no schema ever calls new Function (the CSP has no unsafe-eval)', async () => {
    await import('./zod-config.ts')
    const { z } = await import('zod')
    expect(z.config().jitless).toBe(true)
    // zod swallows the error of its `new Function` probe, but a strict CSP still reports it: count the attempts.
    let attempts = 0
    const original = globalThis.Function
    globalThis.Function = new Proxy(original, {
      construct: () => {
        attempts++
        throw new EvalError('unsafe-eval is not allowed')
      },
    })
    try {
      expect(z.object({ a: z.string() }).safeParse({ a: 'x' }).success).toBe(true)
    } finally {
      globalThis.Function = original
    }
    expect(attempts).toBe(0)
  })
})
