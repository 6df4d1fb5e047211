/** Random URL tokens and passwords, and their storage forms. */
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2'
import { createHash, randomBytes, randomInt } from 'node:crypto'

/** 256 bits, URL-safe (43 characters). */
export function newUrlToken(): string {
  return randomBytes(32).toString('base64url')
}

/** URL tokens carry 256 bits of entropy: a plain SHA-256 is a sufficient, constant-cost lookup key. */
export function hashUrlToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** No 0/O, 1/l/I: the password is typed from paper by people of every age. */
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'

/** 12 characters from 56 symbols ≈ 69.7 bits. */
export function newPassword(length = 12): string {
  return Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('')
}

/** OWASP's argon2id baseline: m = 19 MiB, t = 2, p = 1. */
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string) => argon2Hash(password, ARGON2)
export const verifyPassword = (stored: string, password: string) => argon2Verify(stored, password)
