/**
 * Words the employee app and the console write one way only, in every text they show: the
 * messages, the console's screens, the shared labels both read and the API's mail and files.
 */
import { describe, expect, it } from 'vitest'

const sources = import.meta.glob(['../**/*.{ts,tsx}', '../../../../packages/shared/src/**/*.ts', '../../../api/src/**/*.ts', '!**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

/** [the form not to use, the one to use]: 「ください」 in kana, as public-sector style guides write it. */
const ONE_SPELLING: [RegExp, string][] = [[/下さい/, 'ください']]

describe('UI wording', () => {
  it('reads the whole web app and the shared labels', () => {
    expect(Object.keys(sources).some((file) => file.includes('/admin/'))).toBe(true)
    expect(Object.keys(sources).some((file) => file.includes('packages/shared/'))).toBe(true)
    expect(Object.keys(sources).some((file) => file.includes('api/src/'))).toBe(true)
  })

  it.each(ONE_SPELLING)('never writes %s (only %s)', (wrong) => {
    const found = Object.entries(sources).flatMap(([file, text]) =>
      text.split('\n').flatMap((line, index) => (wrong.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    )
    expect(found).toEqual([])
  })
})
