// The import boundaries of the repo, as zones of import-x/no-restricted-paths (ADR 025):
// a file under `target` may not import anything under `from` (but `except`, relative to `from`).
// Feature folders are read from disk, so a new feature is fenced in without editing this file.
import { readdirSync } from 'node:fs'
import path from 'node:path'

const web = 'apps/web/src'
const admin = `${web}/admin`
const api = 'apps/api/src'

const folders = (root, dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)

/**
 * @param {string} root the repo's root
 * @param {{ tests?: boolean }} options `tests`: the zones for test files, which may mount the app
 */
export function boundaryZones(root, { tests = false } = {}) {
  const zones = []
  for (const features of [`${web}/features`, `${admin}/features`]) {
    for (const name of folders(root, features)) {
      zones.push({
        target: `${features}/${name}`,
        from: features,
        except: [`./${name}`],
        message: 'A feature never imports another feature: what both need belongs in lib/ or components/, or the app composes them.',
      })
    }
  }
  if (!tests) {
    zones.push(
      // A test of lib/ may build its input with the real config.ts, as the composition root does.
      {
        target: `${api}/lib`,
        from: `${api}/config.ts`,
        message: 'lib never imports config: config.ts is read once at the composition root (server.ts, the CLIs), which passes lib the values it needs.',
      },
      {
        target: `${web}/features`,
        from: `${web}/app`,
        message: 'A feature never imports app/ (the app composes the features).',
      },
      {
        target: `${admin}/features`,
        from: `${admin}/app`,
        message: 'A feature never imports app/ (the app composes the features).',
      },
    )
  }
  // The employee SPA and the console share lib/ and test/ only; the employee side reaches the
  // console through its lazy entry alone, so the employee's first load never holds it.
  zones.push(
    {
      target: folders(root, web)
        .filter((name) => name !== 'admin')
        .map((name) => `${web}/${name}`),
      from: admin,
      except: ['./app/admin-app.tsx'],
      message: 'The employee SPA never imports the console (admin/) but through its lazy entry, admin/app/admin-app.tsx.',
    },
    {
      target: admin,
      from: ['features', 'components', 'messages', ...(tests ? [] : ['app'])].map((name) => `${web}/${name}`),
      message: "The console never imports the employee SPA's features, app, components or messages (shared code lives in lib/).",
    },
    {
      target: `${api}/domain`,
      from: [`${api}/routes`, `${api}/plugins`],
      message: 'The domain never imports routes or plugins: they call the domain, not the other way round.',
    },
    {
      target: `${api}/db`,
      from: `${api}/domain`,
      message: 'db never imports the domain: the domain stands on db/, and what needs both (the demo, the CLIs) composes them from outside.',
    },
    {
      target: 'packages/shared',
      from: 'apps',
      message: 'packages/shared has no server or browser code: the apps import it, never the reverse.',
    },
  )
  return zones
}
