/**
 * The import boundaries really hold: ESLint with the repo's own config, on small snippets given
 * a file name inside each zone, reports a deliberate violation written as a relative specifier
 * (with and without its extension), and reports nothing for the imports the zones allow.
 */
import { ESLint } from 'eslint'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') })

const folders = (dir: string) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()

/** Some real module under `dir` (repo-relative), so the snippets import files that exist. */
function moduleIn(dir: string): string {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) return path.relative(root, path.join(entry.parentPath, entry.name))
  }
  throw new Error(`no module under ${dir}`)
}

/** The specifier `from` would write for `target`: relative, with or without its extension. */
function specifier(from: string, target: string, { extension = true } = {}): string {
  const relative = path.relative(path.dirname(from), extension ? target : target.replace(/\.tsx?$/, ''))
  return relative.startsWith('.') ? relative : `./${relative}`
}

/** The rules that fired for `import … from <specifier of target>` in a file named `from`. */
async function lintImport(from: string, target: string, options?: { extension?: boolean }): Promise<string[]> {
  const code = `import * as probe from '${specifier(from, target, options)}'\n\nexport const used = probe\n`
  const [result] = await eslint.lintText(code, { filePath: path.join(root, from) })
  return result!.messages.map((message) => message.ruleId ?? message.message)
}

const web = 'apps/web/src'
const [feature, otherFeature] = folders(`${web}/features`) as [string, string]
const [adminFeature, otherAdminFeature] = folders(`${web}/admin/features`) as [string, string]
const inFeature = `${web}/features/${feature}/components/probe.tsx`
const inAdminFeature = `${web}/admin/features/${adminFeature}/components/probe.tsx`
const inDomain = 'apps/api/src/domain/probe.ts'
const boundary = 'import-x/no-restricted-paths'

describe('import boundaries', () => {
  it.each([
    ['a feature → another feature', inFeature, moduleIn(`${web}/features/${otherFeature}`)],
    ['a feature → app/', inFeature, `${web}/app/router.tsx`],
    ['a console feature → another console feature', inAdminFeature, moduleIn(`${web}/admin/features/${otherAdminFeature}`)],
    ['a console feature → admin/app/', inAdminFeature, `${web}/admin/app/admin-app.tsx`],
    ['a console feature → an employee feature', inAdminFeature, moduleIn(`${web}/features/${feature}`)],
    ['the employee SPA → the console', `${web}/lib/probe.ts`, moduleIn(`${web}/admin/lib`)],
    ['an employee feature → the console', inFeature, moduleIn(`${web}/admin/features/${adminFeature}`)],
    ['the console → the employee app', `${web}/admin/lib/probe.ts`, `${web}/app/router.tsx`],
    ['the domain → routes', inDomain, 'apps/api/src/routes/health.ts'],
    ['the domain → plugins', `apps/api/src/domain/admin/probe.ts`, moduleIn('apps/api/src/plugins')],
    ['packages/shared → an app', 'packages/shared/src/probe.ts', moduleIn('apps/api/src/lib')],
    ['lib → config', 'apps/api/src/lib/probe.ts', 'apps/api/src/config.ts'],
    ['db → the domain', 'apps/api/src/db/probe.ts', moduleIn('apps/api/src/domain')],
  ])('%s is an error, written with or without the extension', async (_, from, target) => {
    expect(await lintImport(from, target)).toEqual([boundary])
    expect(await lintImport(from, target, { extension: false })).toEqual([boundary])
  })

  it('holds for test files too, which may only also mount the app and read config as the composition root does', async () => {
    const test = `${web}/features/${feature}/components/probe.test.tsx`
    expect(await lintImport(test, moduleIn(`${web}/features/${otherFeature}`), { extension: false })).toEqual([boundary])
    expect(await lintImport(test, `${web}/app/router.tsx`)).toEqual([])
    expect(await lintImport('apps/api/src/db/probe.test.ts', moduleIn('apps/api/src/domain'))).toEqual([boundary])
    expect(await lintImport('apps/api/src/lib/probe.test.ts', 'apps/api/src/config.ts')).toEqual([])
  })

  it.each([
    ['a feature → itself', inFeature, moduleIn(`${web}/features/${feature}`)],
    ['a feature → lib/', inFeature, `${web}/lib/use-t.ts`],
    ['a feature → config/paths', inFeature, `${web}/config/paths.ts`],
    ['a console feature → admin/config/paths', inAdminFeature, `${web}/admin/config/paths.ts`],
    ['a console feature → the shared lib/', inAdminFeature, `${web}/lib/format.ts`],
    ['the employee router → the console entry', `${web}/app/router.tsx`, `${web}/admin/app/admin-app.tsx`],
    ['a route → the domain', 'apps/api/src/routes/probe.ts', moduleIn('apps/api/src/domain')],
    ['the domain → db', inDomain, 'apps/api/src/db/types.ts'],
    ['the composition root → config', 'apps/api/src/probe.ts', 'apps/api/src/config.ts'],
  ])('%s is allowed', async (_, from, target) => {
    expect(await lintImport(from, target, { extension: false })).toEqual([])
  })

  it('reports a relative import it cannot resolve instead of skipping it', async () => {
    expect(await lintImport(inFeature, `${web}/features/${otherFeature}/no-such-module.ts`)).toEqual(['import-x/no-unresolved'])
  })
})
