/**
 * fast-check arbitraries of what an attacker types: strings with controls, bidi overrides,
 * lone surrogates, traversal and injection; JSON of the wrong shape, with prototype-pollution
 * and duplicate keys, deeply nested or huge; hostile path ids and query strings. JSON is
 * written by hand (`JsonText`) so that keys like `__proto__` and repeated keys reach the wire.
 */
import fc from 'fast-check'

export const CONTROL_AND_UNICODE = [
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\r\n',
  '\t',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\u202e',
  '\u200f',
  '\u2066',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\u00a0',
  '\u3000',
  'e\u0301\u0301\u0301',
  '𠮷',
  '😀',
  'ﾊﾝｶｸ',
]
export const TRAVERSAL = [
  '../',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f',
  '%252e%252e%252f',
  '..\\..\\windows\\win.ini',
  '..\\',
  '/etc/passwd',
  '/dev/zero',
  'C:\\Windows\\System32\\config\\SAM',
  '\\\\host\\share',
  'file:///etc/shadow',
  '....//',
  '..;/',
  '%c0%ae%c0%ae/',
]
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype']
const INJECTION = [
  "' OR '1'='1",
  '"; DROP TABLE persons; --',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '@SUM(1+1)',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'true',
  '[]',
  '{}',
  '%00',
  '%s%s%s%n',
]
const ALL_NASTY = [...CONTROL_AND_UNICODE, ...TRAVERSAL, ...POLLUTION_KEYS, ...INJECTION]

export const nastyToken = fc.constantFrom(...ALL_NASTY)

/** A string an attacker would send in any text field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nastyToken },
  { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), nastyToken, fc.string({ maxLength: 8 })).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '　') },
  {
    weight: 1,
    arbitrary: fc.tuple(nastyToken, fc.constantFrom(201, 1_001, 20_000)).map(([token, n]) => token.repeat(Math.ceil(n / token.length)).slice(0, n)),
  },
)

/** A valid value with something hostile put before, inside or after it. */
export const taint = (valid: string): fc.Arbitrary<string> =>
  fc
    .tuple(nastyToken, fc.nat(valid.length), fc.constantFrom('prefix', 'insert', 'suffix', 'replace'))
    .map(([token, at, how]) =>
      how === 'prefix' ? token + valid : how === 'suffix' ? valid + token : how === 'replace' ? token : valid.slice(0, at) + token + valid.slice(at),
    )

/** JSON as a tree whose objects are key/value lists: repeated and `__proto__` keys survive. */
export type Json = string | number | boolean | null | Json[] | { entries: [string, Json][] }

export function toJsonText(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`
  if (value !== null && typeof value === 'object') return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

export function fromPlain(value: unknown): Json {
  if (Array.isArray(value)) return value.map(fromPlain)
  if (value !== null && typeof value === 'object') return { entries: Object.entries(value).map(([k, v]) => [k, fromPlain(v)]) }
  return value as Json
}

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, -0, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, Number.MAX_VALUE, Number.MIN_VALUE, 1e308),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)
const hostileKey = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...POLLUTION_KEYS) }, { weight: 1, arbitrary: hostileString })
const pollution: Json = {
  entries: [
    ['isSystemAdmin', true],
    ['role', 'administrator'],
    ['polluted', 'yes'],
  ],
}

export const hostileJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, fc.oneof(tie('value'), fc.constant(pollution))), { maxLength: 4 }).map((entries) => ({ entries })),
  ),
})).value

/** `depth` nested arrays or objects: parsers and validators that recurse meet their stack. */
export const deepNesting = fc
  .tuple(fc.constantFrom(64, 1_000, 20_000), fc.boolean())
  .map(([depth, objects]) => (objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`))

/** Percent-encodes every byte of the UTF-8 form (WTF-8 for lone surrogates): any string can ride in a URL. */
export function percentEncode(text: string): string {
  const bytes: number[] = []
  for (const char of text) {
    const unit = char.charCodeAt(0)
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) bytes.push(0xed, 0xa0 | ((unit >> 6) & 0x1f), 0x80 | (unit & 0x3f))
    else bytes.push(...Buffer.from(char, 'utf8'))
  }
  return bytes.map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('')
}

/** What goes in place of a real path id: traversal (raw and encoded), wrong formats, unknown ids. */
export const hostilePathId = (real: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '..',
      '..%2F',
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '%2e%2e%2f',
      '%2e%2e',
      '..%5c..%5c',
      '..%5C',
      '%2Fetc%2Fpasswd',
      '%00',
      `${real}%00`,
      `${real}%2F..%2F..`,
      real.toUpperCase(),
      `${real}.json`,
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      'null',
      'undefined',
      '-1',
      '0',
      '__proto__',
      'constructor',
      '%E2%80%AE',
      '%ED%A0%80',
      '%C0%AE%C0%AE',
      'x'.repeat(2_000),
    ),
    fc.uuid({ version: 4 }),
    hostileString.map(percentEncode),
  )

const QUERY_KEYS = [
  'q',
  'status',
  'sort',
  'order',
  'page',
  'pageSize',
  'cursor',
  'limit',
  'from',
  'to',
  'action',
  'actorType',
  'actorId',
  'companyId',
  'targetId',
  'personId',
  'encoding',
  'dryRun',
  '__proto__',
  '__proto__[isSystemAdmin]',
  'constructor[prototype][x]',
]

/** A query string of known and pollution keys with hostile values, keys repeated (arrays) at times. */
export const hostileQuery = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.oneof(hostileString, fc.constantFrom('true', 'false', '1', '100000000', 'shift_jis', 'desc'))), {
        minLength: 1,
        maxLength: 4,
      })
      .map((pairs) => `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${percentEncode(v)}`).join('&')}`),
  },
)
