/**
 * How HR's copy of a number is kept: envelope-encrypted like an image, bound by its AAD to the
 * person (and to its purpose: a held first entry does not open as a recorded number), plus an
 * HMAC-SHA256 under its own key so that equal numbers are found without decrypting either.
 */
import { createHmac } from 'node:crypto'
import { decryptBlob, encryptBlob } from '../../lib/envelope.ts'
import type { Keyring } from '../../lib/keys.ts'

type Purpose = 'hr' | 'entry'
const aad = (purpose: Purpose, personId: string) => `my-number:${purpose}:${personId}`

export function createNumberSealing(keyring: Keyring, hmacKey: Buffer) {
  return {
    seal: (purpose: Purpose, personId: string, number: string) => new Uint8Array(encryptBlob(keyring, Buffer.from(number, 'ascii'), aad(purpose, personId))),
    open: (purpose: Purpose, personId: string, sealed: Uint8Array) => decryptBlob(keyring, Buffer.from(sealed), aad(purpose, personId)).toString('ascii'),
    /** Hex HMAC-SHA256 of the normalised 12 digits. */
    hash: (number: string) => createHmac('sha256', hmacKey).update(number, 'ascii').digest('hex'),
  }
}
export type NumberSealing = ReturnType<typeof createNumberSealing>
