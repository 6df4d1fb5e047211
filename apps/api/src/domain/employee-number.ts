/**
 * The 12-digit number an employee types at 「登録する」 when the campaign asks for it
 * (`Campaign.employeeEntersNumber`). Encrypted like an image (envelope, AAD bound to the
 * person), so a value copied to another person's row does not decrypt. HR reads it to compare
 * with the documents.
 */
import { decryptBlob, encryptBlob } from '../lib/envelope.ts'
import type { Keyring } from '../lib/keys.ts'

export const employeeNumberAad = (personId: string) => `my-number:employee-entry:${personId}`

/** `number` is already normalised and checked (shared `myNumberSchema`). */
export const sealEmployeeNumber = (keyring: Keyring, personId: string, number: string) =>
  new Uint8Array(encryptBlob(keyring, Buffer.from(number, 'ascii'), employeeNumberAad(personId)))

export const openEmployeeNumber = (keyring: Keyring, personId: string, sealed: Uint8Array): string =>
  decryptBlob(keyring, Buffer.from(sealed), employeeNumberAad(personId)).toString('ascii')
