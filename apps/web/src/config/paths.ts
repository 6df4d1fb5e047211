/** Every href of the employee SPA (in config/, not app/: features build hrefs, and never import app/). */
export const paths = {
  home: () => '/',
  login: (token: string) => `/t/${encodeURIComponent(token)}`,
  handoff: (code: string) => `/h/${encodeURIComponent(code)}`,
  consent: () => '/consent',
  targets: () => '/targets',
  addDependent: () => '/targets/new',
  person: (personId: string) => `/persons/${encodeURIComponent(personId)}`,
  done: () => '/done',
} as const

/** Route patterns for the router (same shapes as above). */
export const routePatterns = {
  home: '/',
  login: '/t/:token',
  handoff: '/h/:code',
  consent: '/consent',
  targets: '/targets',
  addDependent: '/targets/new',
  person: '/persons/:personId',
  done: '/done',
} as const
