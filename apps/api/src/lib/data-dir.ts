/**
 * The embedded data folder holds the database (argon2 hashes, names), the blobs and maybe the
 * keys: only the server's own user may enter it. New files are private through the process
 * umask (set in server.ts); an existing folder made by someone else's umask is tightened to
 * 0700, which also closes everything inside it to other users (no search permission).
 */
import fs from 'node:fs/promises'

export const PRIVATE_UMASK = 0o077

/** Creates the folder 0700, or takes group/other permissions away from an existing one. */
export async function preparePrivateDataDir(dir: string): Promise<{ tightenedFrom: number | null }> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 })
  const mode = (await fs.stat(dir)).mode & 0o777
  if ((mode & 0o077) === 0) return { tightenedFrom: null }
  await fs.chmod(dir, mode & 0o700)
  return { tightenedFrom: mode }
}
