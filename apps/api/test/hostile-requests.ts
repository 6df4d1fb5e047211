/**
 * Whole hostile requests for one route: its path ids (real or hostile), a hostile query, and a
 * body shaped after what the route takes — JSON (each field wrong, tainted, missing, repeated,
 * polluted; the body truncated, empty, huge, deep, not UTF-8; the wrong Content-Type), an
 * image upload (hostile-files.ts) or a CSV file.
 */
import { IMPORT_COLUMNS } from '@bango/shared/admin-import'
import fc from 'fast-check'
import { type HostileFiles, hostileUploadParts, multipartBody } from './hostile-files.ts'
import {
  type Json,
  POLLUTION_KEYS,
  deepNesting,
  fromPlain,
  hostileJson,
  hostilePathId,
  hostileQuery,
  hostileString,
  nastyToken,
  taint,
  toJsonText,
} from './hostile-values.ts'

/** What a route reads: a JSON body (its valid form), an image upload, a CSV file, or nothing. */
export type BodyShape = { kind: 'json'; valid: object } | { kind: 'upload' } | { kind: 'csv' } | { kind: 'none' }

export interface HostileBody {
  label: string
  payload?: string | Buffer
  contentType?: string
}

export interface HostileRequest extends HostileBody {
  url: string
}

const pollution: Json = {
  entries: [
    ['isSystemAdmin', true],
    ['role', 'administrator'],
  ],
}

/** Every string of a valid body, with a path to put a tainted one back. */
function stringPaths(value: unknown, at: (string | number)[] = []): { at: (string | number)[]; value: string }[] {
  if (typeof value === 'string') return [{ at, value }]
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...at, i]))
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]))
  return []
}

function setAt(value: unknown, at: (string | number)[], next: unknown): unknown {
  if (at.length === 0) return next
  const [head, ...rest] = at
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? setAt(item, rest, next) : item))
  return { ...(value as object), [head!]: setAt((value as Record<string, unknown>)[head!], rest, next) }
}

/** Hostile JSON texts built from a route's valid body. */
function jsonTexts(valid: object): fc.Arbitrary<{ label: string; text: string | Buffer }> {
  const entries = Object.entries(valid)
  const keys = entries.map(([k]) => k)
  const strings = stringPaths(valid)
  const withEntries = (label: string, list: [string, Json][]) => ({ label, text: toJsonText({ entries: list }) })
  const variants: fc.Arbitrary<{ label: string; text: string | Buffer }>[] = [
    hostileJson.map((value) => ({ label: 'a hostile JSON value', text: toJsonText(value) })),
    fc
      .tuple(fc.array(fc.tuple(fc.constantFrom(...POLLUTION_KEYS), fc.constant(pollution)), { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([extra, first]) =>
        withEntries(
          'prototype-pollution keys',
          first
            ? [...extra, ...entries.map(([k, v]) => [k, fromPlain(v)] as [string, Json])]
            : [...entries.map(([k, v]) => [k, fromPlain(v)] as [string, Json]), ...extra],
        ),
      ),
    fc
      .array(fc.tuple(hostileString, hostileJson), { minLength: 1, maxLength: 3 })
      .map((extra) => withEntries('unknown hostile keys', [...entries.map(([k, v]) => [k, fromPlain(v)] as [string, Json]), ...extra])),
    deepNesting.map((text) => ({ label: `nesting ${text.length / 2} deep`, text })),
    fc.constantFrom('', ' ', '{}', 'null', '[]', '""', '0', 'true').map((text) => ({ label: `the body ${JSON.stringify(text)}`, text })),
    fc.constantFrom(70_000, 2_000_000, 6_000_000).map((n) => ({ label: `a ${n}-byte body`, text: JSON.stringify({ ...valid, padding: 'A'.repeat(n) }) })),
    fc.nat().map((cut) => {
      const text = JSON.stringify(valid)
      return { label: 'truncated JSON', text: text.slice(0, cut % Math.max(1, text.length)) }
    }),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({
      label: 'bytes that are not UTF-8',
      text: Buffer.concat([Buffer.from('{"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from(bytes), Buffer.from('":1}')]),
    })),
  ]
  if (keys.length > 0) {
    variants.push(
      fc.tuple(fc.constantFrom(...keys), hostileJson).map(([key, value]) =>
        withEntries(
          `${key} of a wrong type`,
          entries.map(([k, v]) => [k, k === key ? value : fromPlain(v)] as [string, Json]),
        ),
      ),
      fc.subarray(keys, { maxLength: Math.max(0, keys.length - 1) }).map((kept) => ({
        label: `only ${kept.join(',') || 'no field'}`,
        text: JSON.stringify(Object.fromEntries(entries.filter(([k]) => kept.includes(k)))),
      })),
      fc
        .tuple(fc.constantFrom(...keys), hostileJson)
        .map(([key, value]) => withEntries(`${key} twice`, [...entries.map(([k, v]) => [k, fromPlain(v)] as [string, Json]), [key, value]])),
    )
  }
  if (strings.length > 0) {
    variants.push(
      fc.tuple(...strings.map((s) => taint(s.value))).map((tainted) => ({
        label: 'every text tainted',
        text: JSON.stringify(strings.reduce<unknown>((body, s, i) => setAt(body, s.at, tainted[i]), valid)),
      })),
    )
  }
  return fc.oneof(...variants)
}

/** The same fields as a form post or a multipart body: the right fields, the wrong encoding. */
function otherEncodings(valid: object): fc.Arbitrary<HostileBody> {
  const fields = Object.entries(valid).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string])
  const multipart = multipartBody(fields.map(([name, data]) => ({ name, data })))
  return fc.constantFrom<HostileBody>(
    { label: 'form-urlencoded', contentType: 'application/x-www-form-urlencoded', payload: new URLSearchParams(fields).toString() },
    { label: 'multipart to a JSON route', contentType: `multipart/form-data; boundary=${multipart.boundary}`, payload: multipart.payload },
    { label: 'multipart without boundary', contentType: 'multipart/form-data', payload: multipart.payload },
    { label: 'JSON as text/plain', contentType: 'text/plain', payload: JSON.stringify(valid) },
    { label: 'JSON as text/csv', contentType: 'text/csv', payload: JSON.stringify(valid) },
    { label: 'JSON as XML', contentType: 'application/xml', payload: `<x>${JSON.stringify(valid)}</x>` },
    { label: 'JSON in UTF-16', contentType: 'application/json; charset=utf-16le', payload: Buffer.from(JSON.stringify(valid), 'utf16le') },
    { label: 'a made-up media type', contentType: 'application/x-bango', payload: JSON.stringify(valid) },
    { label: 'an unparsable Content-Type', contentType: ';;;/\u0000', payload: JSON.stringify(valid) },
    { label: 'no Content-Type', payload: JSON.stringify(valid) },
  )
}

export function jsonBody(valid: object): fc.Arbitrary<HostileBody> {
  return fc.oneof(
    { weight: 5, arbitrary: jsonTexts(valid).map(({ label, text }) => ({ label, payload: text, contentType: 'application/json' })) },
    { weight: 1, arbitrary: otherEncodings(valid) },
  )
}

export function uploadBody(files: HostileFiles): fc.Arbitrary<HostileBody> {
  return fc
    .tuple(
      hostileUploadParts(files),
      fc.constantFrom(
        'whole',
        'whole',
        'whole',
        'whole',
        'whole',
        'whole',
        'truncated',
        'no closing boundary',
        'as JSON',
        'no boundary',
        'other boundary',
        'text/plain',
      ),
      fc.double({ min: 0, max: 1, noNaN: true }),
    )
    .map(([{ label, parts }, how, fraction]) => {
      const body = multipartBody(parts, undefined, how !== 'no closing boundary')
      const type = `multipart/form-data; boundary=${body.boundary}`
      const payload = how === 'truncated' ? body.payload.subarray(0, Math.floor(fraction * body.payload.length)) : body.payload
      const contentType =
        how === 'as JSON'
          ? 'application/json'
          : how === 'no boundary'
            ? 'multipart/form-data'
            : how === 'other boundary'
              ? 'multipart/form-data; boundary=nope'
              : how === 'text/plain'
                ? 'text/plain'
                : type
      return { label: `${how === 'whole' ? '' : `${how}: `}${label}`, payload, contentType }
    })
}

const csvCell = fc.oneof(hostileString, nastyToken, fc.constantFrom('=cmd|" /C calc"!A0', '"unbalanced', 'a,b', '1980-02-30', '000123', '本人', '配偶者'))

export function csvBody(): fc.Arbitrary<HostileBody> {
  const rows = fc.array(fc.array(csvCell, { minLength: 0, maxLength: IMPORT_COLUMNS.length + 2 }), { maxLength: 5 })
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(rows, fc.constantFrom('text/csv', 'application/octet-stream', 'text/csv; charset=shift_jis'), fc.boolean())
        .map(([cells, contentType, header]) => ({
          label: `hostile CSV (${contentType})`,
          contentType,
          payload: [...(header ? [IMPORT_COLUMNS.join(',')] : []), ...cells.map((row) => row.join(','))].join('\r\n'),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<HostileBody>(
        { label: 'CSV of invalid Shift_JIS bytes', contentType: 'text/csv', payload: Buffer.from([0x82, 0xa0, 0xff, 0xfd, 0x81, 0x0a, 0x00, 0x2c]) },
        { label: 'a CSV over the size limit', contentType: 'text/csv', payload: `${IMPORT_COLUMNS.join(',')}\r\n${'a,'.repeat(3_000_000)}` },
        { label: 'empty CSV', contentType: 'text/csv', payload: '' },
        { label: 'CSV as JSON', contentType: 'application/json', payload: '{"rows":[]}' },
        {
          label: 'CSV as multipart',
          contentType: 'multipart/form-data; boundary=x',
          payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\r\n--x--\r\n',
        },
      ),
    },
  )
}

/** Requests for one route; `params` holds the real path ids. */
export function hostileRequests(url: string, params: Record<string, string>, body: fc.Arbitrary<HostileBody>): fc.Arbitrary<HostileRequest> {
  const names = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!)
  const ids = fc.tuple(
    ...names.map((name) => fc.oneof({ weight: 3, arbitrary: fc.constant(params[name]!) }, { weight: 2, arbitrary: hostilePathId(params[name]!) })),
  )
  return fc.tuple(ids, hostileQuery, body).map(([values, query, hostile]) => {
    const path = url.replace(/:(\w+)/g, (_, name: string) => values[names.indexOf(name)]!)
    const changed = names.filter((name, i) => values[i] !== params[name])
    const where = [changed.length ? `hostile :${changed.join(', :')}` : '', query ? 'hostile query' : ''].filter(Boolean)
    return { ...hostile, url: path + query, label: [hostile.label, ...where].filter(Boolean).join('; ') }
  })
}
