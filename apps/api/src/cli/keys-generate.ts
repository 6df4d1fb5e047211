/**
 * `pnpm keys:generate`: prints a fresh set of the server's keys as environment lines, ready for
 * a secret store or an env file (`BANGO_KEKS=k…:…`). Required with DATABASE_URL (config.ts).
 * Prints only: nothing is written, and a running installation keeps the keys it has.
 */
import { KEY_VARIABLES, generateKeySet } from '../lib/keys.ts'

const set = generateKeySet()
console.log(KEY_VARIABLES.map((name) => `${name}=${set[name]}`).join('\n'))
