/**
 * CSV is written only through csv-formats.ts (ADR 032): ESLint with the repo's own config reports
 * a CSV assembled by hand, or the writer imported, in any source file of the apps and of
 * packages/shared, and lets csv.ts and csv-formats.ts (and tests) do so.
 */
import { ESLint } from 'eslint'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') })

async function rules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result!.messages.map((message) => message.ruleId ?? message.message)
}

const HAND_WRITTEN = {
  'cells joined with a comma': "export const line = (cells: string[]) => cells.join(',')\n",
  'a CRLF in a string': "export const end = '\\r\\n'\n",
  'a CRLF in a template': 'export const line = (a: string, b: string) => `${a},${b}\\r\\n`\n',
}
const SOURCES = [
  'apps/api/src/domain/admin/probe.ts',
  'apps/api/src/routes/admin/probe.ts',
  'apps/web/src/admin/features/credentials/utils/probe.ts',
  'packages/shared/src/probe.ts',
]

describe('one CSV writer', () => {
  // The first lint loads every plugin, seconds on a busy machine: no test's own time.
  beforeAll(() => rules('packages/shared/src/probe.ts', ''), 60_000)

  it.each(SOURCES.flatMap((file) => Object.entries(HAND_WRITTEN).map(([what, code]) => [what, file, code])))('%s in %s is an error', async (_, file, code) => {
    expect(await rules(file, code)).toEqual(['no-restricted-syntax'])
  })

  it.each(SOURCES)('importing the writer itself in %s is an error', async (file) => {
    expect(await rules(file, "import { csvField } from '@bango/shared/csv'\n\nexport const cell = csvField\n")).toEqual(['no-restricted-imports'])
  })

  it('reports the relative import of the writer inside packages/shared', async () => {
    expect(await rules('packages/shared/src/probe.ts', "import { csvField } from './csv.ts'\n\nexport const cell = csvField\n")).toEqual([
      'no-restricted-imports',
    ])
  })

  it('lets the writer, the registry and tests write CSV, and the registry be imported anywhere', async () => {
    for (const code of Object.values(HAND_WRITTEN)) {
      expect(await rules('packages/shared/src/csv.ts', code)).toEqual([])
      expect(await rules('apps/api/test/probe.test.ts', code)).toEqual([])
    }
    expect(await rules('packages/shared/src/csv-formats.ts', "import { csvField } from './csv.ts'\n\nexport const cell = csvField\n")).toEqual([])
    expect(
      await rules('apps/api/src/domain/admin/probe.ts', "import { PAYROLL_CSV } from '@bango/shared/csv-formats'\n\nexport const format = PAYROLL_CSV\n"),
    ).toEqual([])
  })
})
