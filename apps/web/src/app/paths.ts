/** Every href of the employee SPA. */
export const paths = {
  home: () => '/',
  login: (token: string) => `/t/${encodeURIComponent(token)}`,
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
  consent: '/consent',
  targets: '/targets',
  addDependent: '/targets/new',
  person: '/persons/:personId',
  done: '/done',
} as const
