/**
 * Finds plaintext that must never be at rest: image bytes (by their signatures, raw, hex or
 * base64) and issued 12-digit numbers (plain, spaced, hyphenated), in files, a database dump or
 * log lines. Signatures are checked structurally where they are short (JPEG), so that random
 * ciphertext does not match by chance.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Db } from '../src/db/types.ts'

/** JPEG SOI + a marker segment whose length lands on the next marker (random bytes: ~1 in 2^40). */
function isJpegAt(bytes: Buffer, at: number): boolean {
  if (bytes[at] !== 0xff || bytes[at + 1] !== 0xd8 || bytes[at + 2] !== 0xff) return false
  const marker = bytes[at + 3]
  if (marker === undefined || !((marker >= 0xe0 && marker <= 0xef) || [0xdb, 0xc0, 0xc2, 0xc4, 0xdd, 0xfe].includes(marker))) return false
  if (at + 6 > bytes.length) return false
  const length = bytes.readUInt16BE(at + 4)
  return length >= 2 && bytes[at + 4 + length] === 0xff
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const ISO_BMFF_BRANDS = ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']
/** Base64 of JPEG / PNG starts, followed by enough base64 that random text cannot match. */
const BASE64_IMAGE = /(?:\/9j\/|iVBORw0KGgo)[A-Za-z0-9+/]{64}/

/** Every image signature in `bytes`, as `kind@offset`. */
export function imageSignatures(bytes: Buffer): string[] {
  const found: string[] = []
  for (let at = bytes.indexOf(0xff); at !== -1; at = bytes.indexOf(0xff, at + 1)) if (isJpegAt(bytes, at)) found.push(`jpeg@${at}`)
  for (let at = bytes.indexOf(PNG); at !== -1; at = bytes.indexOf(PNG, at + 1)) found.push(`png@${at}`)
  for (let at = bytes.indexOf('RIFF'); at !== -1; at = bytes.indexOf('RIFF', at + 1)) {
    if (bytes.toString('latin1', at + 8, at + 12) === 'WEBP') found.push(`webp@${at}`)
  }
  for (let at = bytes.indexOf('ftyp'); at !== -1; at = bytes.indexOf('ftyp', at + 1)) {
    if (ISO_BMFF_BRANDS.includes(bytes.toString('latin1', at + 4, at + 8))) found.push(`heif@${at - 4}`)
  }
  const base64 = BASE64_IMAGE.exec(bytes.toString('latin1'))
  if (base64) found.push(`base64@${base64.index}`)
  return found
}

/** How a number may be written: 123456789012, 1234 5678 9012, 1234-5678-9012. */
export function numberSpellings(number: string): string[] {
  const groups = [number.slice(0, 4), number.slice(4, 8), number.slice(8)]
  return [number, groups.join(' '), groups.join('-')]
}

/** The issued numbers found in `bytes` (as ASCII or UTF-16LE, in any spelling). */
export function numbersIn(bytes: Buffer, numbers: Iterable<string>): string[] {
  const found: string[] = []
  for (const number of numbers) {
    for (const spelling of numberSpellings(number)) {
      if (bytes.includes(spelling, 0, 'latin1') || bytes.includes(spelling, 0, 'utf16le')) found.push(spelling)
    }
  }
  return found
}

/** The bytes of every hex-printed bytea value (`\x…`, as pg_dump and `row::text` print them). */
export function byteaValues(text: string): Buffer[] {
  return [...text.matchAll(/\\x((?:[0-9a-f]{2})+)/g)].map((match) => Buffer.from(match[1]!, 'hex'))
}

/** Every file under a folder (recursively), with its path. */
export async function filesUnder(dir: string): Promise<{ file: string; bytes: Buffer }[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name)
        return { file, bytes: await fs.readFile(file) }
      }),
  )
}

/** Every row of every table as PostgreSQL prints it (text columns as text, bytea as \x hex). */
export async function tablesAsText(db: Db): Promise<string> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
  const dump: string[] = []
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ text: string | null }[]>(`SELECT string_agg(t::text, '|') AS text FROM "${name}" t`)
    dump.push(`-- ${name}\n${row?.text ?? ''}`)
  }
  return dump.join('\n')
}

/** `pg_dump` of the database at `url` (plain SQL, data included), or null when pg_dump is not on PATH. */
export async function pgDump(url: string): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('pg_dump', ['--no-owner', '--dbname', url], { maxBuffer: 512 * 1024 * 1024 })
    return stdout
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Everything found in one named source: `source: what`. */
export function plaintextIn(source: string, bytes: Buffer, numbers: Iterable<string>): string[] {
  const text = bytes.toString('latin1')
  const decoded = byteaValues(text)
  return [
    ...imageSignatures(bytes).map((hit) => `${source}: image ${hit}`),
    ...decoded.flatMap((value) => imageSignatures(value)).map((hit) => `${source}: image in a bytea value ${hit}`),
    ...numbersIn(bytes, numbers).map((hit) => `${source}: number ${hit.slice(0, 4)}…`),
    ...decoded.flatMap((value) => numbersIn(value, numbers)).map((hit) => `${source}: number in a bytea value ${hit.slice(0, 4)}…`),
  ]
}
