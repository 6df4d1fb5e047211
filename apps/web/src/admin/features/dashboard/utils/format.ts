export const formatDate = (isoDate: string) => isoDate.replaceAll('-', '/')

/** A lock ends by itself at `lockedUntil`. */
export const isLocked = (lockedUntil: string | null, now = Date.now()) => lockedUntil !== null && Date.parse(lockedUntil) > now
