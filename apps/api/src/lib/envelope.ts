/**
 * Envelope encryption of one blob: a fresh 256-bit data key encrypts the bytes with
 * AES-256-GCM; the data key is itself encrypted ("wrapped") by the active key-encryption
 * key, whose id is stored in the header so that keys can rotate.
 * The caller's AAD (the record ids) binds a blob to its row: moved to another record, it
 * no longer decrypts.
 *
 * Layout: "BNG1" | keyIdLength u8 | keyId | wrapIv(12) | wrappedKey(32) | wrapTag(16) | iv(12) | tag(16) | ciphertext
 */
import { createCipheriv, createDecipheriv, randomBytes, webcrypto } from 'node:crypto'
import type { Keyring } from './keys.ts'

const MAGIC = Buffer.from('BNG1')
const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_BYTES = 32

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; ciphertext: Buffer; tag: Buffer } {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad)
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return { iv, ciphertext, tag: cipher.getAuthTag() }
}

function open(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(aad).setAuthTag(tag)
  return Buffer.concat([decipher.update(ciphertext), decipher.final()])
}

/** The active key, its id, and a fresh data key wrapped by it: the header of a new blob, and the key for its body. */
function newDataKey(keyring: Keyring) {
  const keyId = Buffer.from(keyring.activeKeyId)
  const kek = keyring.keys.get(keyring.activeKeyId)
  if (!kek) throw new Error(`active key ${keyring.activeKeyId} is not in the keyring`)
  const dataKey = randomBytes(KEY_BYTES)
  const wrapped = seal(kek, dataKey, keyId)
  const header = Buffer.concat([MAGIC, Buffer.from([keyId.length]), keyId, wrapped.iv, wrapped.ciphertext, wrapped.tag])
  return { header, dataKey }
}

export function encryptBlob(keyring: Keyring, plaintext: Buffer, aad: string): Buffer {
  const { header, dataKey } = newDataKey(keyring)
  try {
    const body = seal(dataKey, plaintext, Buffer.from(aad))
    return Buffer.concat([header, body.iv, body.tag, body.ciphertext])
  } finally {
    dataKey.fill(0)
  }
}

/**
 * `encryptBlob` for an image: the same blob, its body encrypted on libuv's thread pool (WebCrypto's
 * AES-GCM) instead of the caller's thread, which a 2 MB image held for 3–4 ms, on the server's
 * thread, while the requests beside it waited (ADR 059).
 */
export async function encryptBlobOffThread(keyring: Keyring, plaintext: Buffer, aad: string): Promise<Buffer> {
  const { header, dataKey } = newDataKey(keyring)
  try {
    const iv = randomBytes(IV_BYTES)
    const key = await webcrypto.subtle.importKey('raw', dataKey, 'AES-GCM', false, ['encrypt'])
    // WebCrypto appends the tag to the ciphertext; the layout puts it before.
    const sealed = Buffer.from(
      await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: Buffer.from(aad), tagLength: TAG_BYTES * 8 }, key, plaintext),
    )
    const tagAt = sealed.length - TAG_BYTES
    return Buffer.concat([header, iv, sealed.subarray(tagAt), sealed.subarray(0, tagAt)])
  } finally {
    dataKey.fill(0)
  }
}

/** A blob's data key, unwrapped, and its body's parts. Throws on a foreign, truncated or unknown-key blob. */
function openHeader(keyring: Keyring, blob: Buffer) {
  if (!blob.subarray(0, 4).equals(MAGIC)) throw new Error('not a Bango blob')
  let offset = 4
  const take = (length: number) => {
    const part = blob.subarray(offset, offset + length)
    if (part.length !== length) throw new Error('truncated blob')
    offset += length
    return part
  }
  const keyIdBytes = take(take(1)[0]!)
  const kek = keyring.keys.get(keyIdBytes.toString())
  if (!kek) throw new Error(`blob wrapped with unknown key ${keyIdBytes.toString()}`)
  const wrapIv = take(IV_BYTES)
  const wrappedKey = take(KEY_BYTES)
  const wrapTag = take(TAG_BYTES)
  const dataKey = open(kek, wrapIv, wrappedKey, wrapTag, keyIdBytes)
  try {
    return { dataKey, iv: take(IV_BYTES), tag: take(TAG_BYTES), ciphertext: blob.subarray(offset) }
  } catch (error) {
    dataKey.fill(0)
    throw error
  }
}

export function decryptBlob(keyring: Keyring, blob: Buffer, aad: string): Buffer {
  const { dataKey, iv, tag, ciphertext } = openHeader(keyring, blob)
  try {
    return open(dataKey, iv, ciphertext, tag, Buffer.from(aad))
  } finally {
    dataKey.fill(0)
  }
}

/** `decryptBlob` for an image, its body decrypted on libuv's thread pool as `encryptBlobOffThread` encrypts it (ADR 059). */
export async function decryptBlobOffThread(keyring: Keyring, blob: Buffer, aad: string): Promise<Buffer> {
  const { dataKey, iv, tag, ciphertext } = openHeader(keyring, blob)
  try {
    const key = await webcrypto.subtle.importKey('raw', dataKey, 'AES-GCM', false, ['decrypt'])
    const sealed = Buffer.concat([ciphertext, tag])
    return Buffer.from(await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: Buffer.from(aad), tagLength: TAG_BYTES * 8 }, key, sealed))
  } finally {
    dataKey.fill(0)
  }
}

/** The id of the key that wrapped a blob's data key (for rotation). */
export function blobKeyId(blob: Buffer): string {
  return blob.subarray(5, 5 + blob[4]!).toString()
}

/**
 * Key rotation: the same blob with its data key re-wrapped by the keyring's active key, or null
 * when the active key already wraps it. Only the header changes: the body's iv, tag and
 * ciphertext are copied byte for byte, so rotating never touches (or needs) the plaintext.
 * Throws when the blob's key is not in the keyring or its wrapped key does not open.
 */
export function rewrapBlob(keyring: Keyring, blob: Buffer): Buffer | null {
  if (!blob.subarray(0, 4).equals(MAGIC)) throw new Error('not a Bango blob')
  const oldKeyId = blobKeyId(blob)
  if (oldKeyId === keyring.activeKeyId) return null
  const oldKek = keyring.keys.get(oldKeyId)
  const newKek = keyring.keys.get(keyring.activeKeyId)
  if (!oldKek) throw new Error(`blob wrapped with unknown key ${oldKeyId}`)
  if (!newKek) throw new Error(`active key ${keyring.activeKeyId} is not in the keyring`)
  const wrapStart = 5 + blob[4]!
  const bodyStart = wrapStart + IV_BYTES + KEY_BYTES + TAG_BYTES
  if (blob.length < bodyStart + IV_BYTES + TAG_BYTES) throw new Error('truncated blob')
  const wrapIv = blob.subarray(wrapStart, wrapStart + IV_BYTES)
  const wrappedKey = blob.subarray(wrapStart + IV_BYTES, wrapStart + IV_BYTES + KEY_BYTES)
  const wrapTag = blob.subarray(wrapStart + IV_BYTES + KEY_BYTES, bodyStart)
  const dataKey = open(oldKek, wrapIv, wrappedKey, wrapTag, Buffer.from(oldKeyId))
  try {
    const newKeyId = Buffer.from(keyring.activeKeyId)
    const wrapped = seal(newKek, dataKey, newKeyId)
    return Buffer.concat([MAGIC, Buffer.from([newKeyId.length]), newKeyId, wrapped.iv, wrapped.ciphertext, wrapped.tag, blob.subarray(bodyStart)])
  } finally {
    dataKey.fill(0)
  }
}
