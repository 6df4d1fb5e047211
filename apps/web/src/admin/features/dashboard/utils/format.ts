export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString('ja-JP', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })

export const formatDate = (isoDate: string) => isoDate.replaceAll('-', '/')

/** A lock ends by itself at `lockedUntil`. */
export const isLocked = (lockedUntil: string | null, now = Date.now()) => lockedUntil !== null && Date.parse(lockedUntil) > now
