import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { blobKeyId, decryptBlob, decryptBlobOffThread, encryptBlob, encryptBlobOffThread, rewrapBlob } from './envelope.ts'
import type { Keyring } from './keys.ts'

const keyringOf = (...ids: string[]): Keyring => ({ activeKeyId: ids[0]!, keys: new Map(ids.map((id) => [id, randomBytes(32)])) })

/** The byte offsets of the blob layout documented in envelope.ts. */
function layout(keyId: string) {
  const header = 4 + 1 + Buffer.byteLength(keyId)
  const wrapIv = header
  const wrappedKey = wrapIv + 12
  const wrapTag = wrappedKey + 32
  const iv = wrapTag + 16
  const tag = iv + 12
  const ciphertext = tag + 16
  return { wrapIv, wrappedKey, wrapTag, iv, tag, ciphertext }
}

const flip = (blob: Buffer, at: number) => {
  const copy = Buffer.from(blob)
  copy[at]! ^= 0x01
  return copy
}

const plaintext = Buffer.from('個人番号カード 1234 5678 9012 — a recognisable plaintext marker '.repeat(8))
const aad = 'document:1f0e6b8a-0000-4000-8000-000000000001|person:1f0e6b8a-0000-4000-8000-000000000002'

describe('envelope encryption', () => {
  it('decrypts what it encrypted, with the same keyring and AAD', () => {
    const keyring = keyringOf('k1')
    const blob = encryptBlob(keyring, plaintext, aad)
    expect(blob.subarray(0, 4).toString()).toBe('BNG1')
    expect(blobKeyId(blob)).toBe('k1')
    expect(decryptBlob(keyring, blob, aad).equals(plaintext)).toBe(true)
  })

  it('round-trips an empty plaintext', () => {
    const keyring = keyringOf('k1')
    expect(decryptBlob(keyring, encryptBlob(keyring, Buffer.alloc(0), aad), aad).length).toBe(0)
  })

  it('refuses a blob presented with another AAD (moved to another record)', () => {
    const keyring = keyringOf('k1')
    const blob = encryptBlob(keyring, plaintext, aad)
    expect(() => decryptBlob(keyring, blob, aad.replace('0001', '0003'))).toThrow()
    expect(() => decryptBlob(keyring, blob, '')).toThrow()
  })

  it('refuses a blob with any flipped byte in the wrapped key, its IV or tag, the IV, the tag or the ciphertext', () => {
    const keyring = keyringOf('k1')
    const blob = encryptBlob(keyring, plaintext, aad)
    const at = layout('k1')
    const positions = {
      wrapIv: at.wrapIv,
      wrappedKey: at.wrappedKey + 7,
      wrapTag: at.wrapTag + 15,
      iv: at.iv,
      tag: at.tag + 3,
      ciphertextFirst: at.ciphertext,
      ciphertextLast: blob.length - 1,
    }
    // The untouched blob decrypts: the failures below are caused by the flipped byte alone.
    expect(decryptBlob(keyring, blob, aad).equals(plaintext)).toBe(true)
    for (const [name, position] of Object.entries(positions)) {
      expect(() => decryptBlob(keyring, flip(blob, position), aad), name).toThrow()
    }
  })

  it('refuses a truncated blob and one without the magic', () => {
    const keyring = keyringOf('k1')
    const blob = encryptBlob(keyring, plaintext, aad)
    expect(() => decryptBlob(keyring, blob.subarray(0, layout('k1').ciphertext - 1), aad)).toThrow()
    expect(() => decryptBlob(keyring, blob.subarray(0, blob.length - 1), aad)).toThrow()
    expect(() => decryptBlob(keyring, flip(blob, 0), aad)).toThrow('not a Bango blob')
  })

  it('keeps decrypting old blobs after a rotation, and wraps new ones with the new active key', () => {
    const before = keyringOf('k1')
    const oldBlob = encryptBlob(before, plaintext, aad)
    // Rotation: a new key becomes active, the old one stays to unwrap existing blobs.
    const after: Keyring = {
      activeKeyId: 'k2',
      keys: new Map([
        ['k2', randomBytes(32)],
        ['k1', before.keys.get('k1')!],
      ]),
    }
    expect(decryptBlob(after, oldBlob, aad).equals(plaintext)).toBe(true)
    const newBlob = encryptBlob(after, plaintext, aad)
    expect(blobKeyId(oldBlob)).toBe('k1')
    expect(blobKeyId(newBlob)).toBe('k2')
    expect(decryptBlob(after, newBlob, aad).equals(plaintext)).toBe(true)
    // The retired key alone cannot open a blob wrapped by the new one.
    expect(() => decryptBlob(before, newBlob, aad)).toThrow()
  })

  it('refuses a blob wrapped by a key the keyring does not hold, even under the same id', () => {
    const blob = encryptBlob(keyringOf('k1'), plaintext, aad)
    expect(() => decryptBlob(keyringOf('k2'), blob, aad)).toThrow('unknown key k1')
    expect(() => decryptBlob(keyringOf('k1'), blob, aad)).toThrow()
  })

  it('refuses a blob whose key id was rewritten to another key of the keyring', () => {
    const keyring: Keyring = {
      activeKeyId: 'k1',
      keys: new Map([
        ['k1', randomBytes(32)],
        ['k2', randomBytes(32)],
      ]),
    }
    const blob = encryptBlob(keyring, plaintext, aad)
    const relabelled = Buffer.from(blob)
    relabelled.write('k2', 5)
    expect(blobKeyId(relabelled)).toBe('k2')
    expect(() => decryptBlob(keyring, relabelled, aad)).toThrow()
  })

  it('never produces the same blob twice and never contains the plaintext', () => {
    const keyring = keyringOf('k1')
    const first = encryptBlob(keyring, plaintext, aad)
    const second = encryptBlob(keyring, plaintext, aad)
    expect(first.equals(second)).toBe(false)
    const at = layout('k1')
    // Fresh data key and IVs each time.
    expect(first.subarray(at.wrappedKey, at.wrapTag).equals(second.subarray(at.wrappedKey, at.wrapTag))).toBe(false)
    expect(first.subarray(at.iv, at.tag).equals(second.subarray(at.iv, at.tag))).toBe(false)
    expect(first.subarray(at.ciphertext).equals(second.subarray(at.ciphertext))).toBe(false)
    for (const blob of [first, second]) {
      expect(blob.length).toBe(at.ciphertext + plaintext.length)
      expect(blob.includes(plaintext.subarray(0, 16))).toBe(false)
      expect(blob.includes(Buffer.from('1234 5678 9012'))).toBe(false)
    }
  })
})

describe('encryptBlobOffThread and decryptBlobOffThread (images)', () => {
  it('makes a blob of the same layout, which decryptBlob opens and refuses under another AAD or with a flipped tag byte', async () => {
    const keyring = keyringOf('k1')
    const blob = await encryptBlobOffThread(keyring, plaintext, aad)
    const at = layout('k1')
    expect(blob.length).toBe(at.ciphertext + plaintext.length)
    expect(blob.includes(plaintext.subarray(0, 16))).toBe(false)
    expect(decryptBlob(keyring, blob, aad).equals(plaintext)).toBe(true)
    expect(() => decryptBlob(keyring, blob, `${aad}x`)).toThrow()
    expect(() => decryptBlob(keyring, flip(blob, at.tag), aad)).toThrow()
    expect(() => decryptBlob(keyring, flip(blob, at.ciphertext), aad)).toThrow()
    expect(decryptBlob(keyring, await encryptBlobOffThread(keyring, Buffer.alloc(0), aad), aad).length).toBe(0)
  })

  it('decryptBlobOffThread opens what either encrypts, and refuses as decryptBlob does', async () => {
    const keyring = keyringOf('k1')
    const blob = encryptBlob(keyring, plaintext, aad)
    expect((await decryptBlobOffThread(keyring, blob, aad)).equals(plaintext)).toBe(true)
    expect((await decryptBlobOffThread(keyring, await encryptBlobOffThread(keyring, plaintext, aad), aad)).equals(plaintext)).toBe(true)
    const at = layout('k1')
    for (const refused of [flip(blob, at.wrappedKey), flip(blob, at.iv), flip(blob, at.tag), flip(blob, at.ciphertext + 3), blob.subarray(0, at.tag + 4)]) {
      await expect(decryptBlobOffThread(keyring, refused, aad)).rejects.toThrow()
    }
    await expect(decryptBlobOffThread(keyring, blob, `${aad}x`)).rejects.toThrow()
    await expect(decryptBlobOffThread(keyringOf('k2'), blob, aad)).rejects.toThrow('unknown key k1')
  })

  it('leaves the calling thread free meanwhile: the event loop turns before an 8 MB image is encrypted', async () => {
    const image = randomBytes(8 * 1024 * 1024)
    const turned = new Promise<'turned'>((resolve) => setImmediate(() => resolve('turned')))
    const encrypted = encryptBlobOffThread(keyringOf('k1'), image, aad).then(() => 'encrypted' as const)
    expect(await Promise.race([encrypted, turned])).toBe('turned')
    await encrypted
  })
})

describe('rewrapBlob (key rotation)', () => {
  const rotated = (before: Keyring, id: string): Keyring => ({ activeKeyId: id, keys: new Map([[id, randomBytes(32)], ...before.keys]) })

  it('re-wraps the data key under the new active key and leaves the body bytes identical', () => {
    const before = keyringOf('k1')
    const blob = encryptBlob(before, plaintext, aad)
    const after = rotated(before, 'k2-new')
    const rewrapped = rewrapBlob(after, blob)!
    expect(blobKeyId(rewrapped)).toBe('k2-new')
    // iv | tag | ciphertext of the body: the same bytes, only the header changed.
    expect(rewrapped.subarray(layout('k2-new').iv).equals(blob.subarray(layout('k1').iv))).toBe(true)
    expect(decryptBlob(after, rewrapped, aad).equals(plaintext)).toBe(true)
    // Only the new key is needed any more: the old one can leave the keyring.
    const newOnly: Keyring = { activeKeyId: 'k2-new', keys: new Map([['k2-new', after.keys.get('k2-new')!]]) }
    expect(decryptBlob(newOnly, rewrapped, aad).equals(plaintext)).toBe(true)
    expect(() => decryptBlob(newOnly, blob, aad)).toThrow('unknown key k1')
  })

  it('returns null for a blob the active key already wraps (idempotent)', () => {
    const keyring = keyringOf('k1')
    expect(rewrapBlob(keyring, encryptBlob(keyring, plaintext, aad))).toBeNull()
  })

  it('refuses a blob of an unknown key, a tampered wrapped key and a non-blob', () => {
    const before = keyringOf('k1')
    const blob = encryptBlob(before, plaintext, aad)
    expect(() => rewrapBlob(keyringOf('k2'), blob)).toThrow('unknown key k1')
    expect(() => rewrapBlob(rotated(before, 'k2'), flip(blob, layout('k1').wrappedKey))).toThrow()
    expect(() => rewrapBlob(rotated(before, 'k2'), flip(blob, 0))).toThrow('not a Bango blob')
  })
})
