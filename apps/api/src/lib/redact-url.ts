/**
 * Request URLs may carry the login token (/t/<token>, ?t=<token>) or a hand-off code (/h/<code>):
 * never log them. Redaction reads the URL as loosely as anything downstream might — percent-
 * decoded to a fixed point (%2F and %252F are slashes), `/` and `\` runs as one separator, `.`
 * and `..` segments ignored, any case — and once a `t` or `h` segment appears, everything after
 * it in the path is the secret. A query parameter `t` keeps its name and loses its value.
 * Over-redacting a path costs nothing; a token in a log line is a leaked login.
 */

const UNREADABLE = '[unreadable]'

/** Percent-decodes until nothing changes (three rounds at most), or null for malformed escapes. */
function decodeFully(text: string): string | null {
  let decoded = text
  for (let round = 0; round < 3; round++) {
    let next: string
    try {
      next = decodeURIComponent(decoded)
    } catch {
      return null
    }
    if (next === decoded) break
    decoded = next
  }
  return decoded
}

/** A segment that a token or code follows; `?`, `#`, `;` (decoded from %3F…) end a segment too. */
const SEPARATORS = /[/\\?#;]+/
const SECRET_BEFORE = /^[th]$/i

function redactPath(path: string): string {
  const segments = path.split(SEPARATORS)
  const at = segments.findIndex((segment) => SECRET_BEFORE.test(segment))
  if (at < 0 || !segments.slice(at + 1).some((segment) => segment !== '' && segment !== '.')) return path.replace(/^[/\\]+/, '/')
  const before = segments.slice(0, at).filter((segment) => segment !== '')
  return `/${[...before, segments[at]!.toLowerCase()].join('/')}/[token]${/[/\\]$/.test(path) ? '/' : ''}`
}

/**
 * URLs that carry nothing to redact (the same few API paths, requested over and over), read once:
 * the request log line redacts every URL. A URL with a token is never kept. When full, it starts over.
 */
const clean = new Set<string>()
const CLEAN_KEPT = 1_000

export function redactUrl(url: string): string {
  if (clean.has(url)) return url
  const redacted = redactOnce(url)
  if (redacted === url) {
    if (clean.size >= CLEAN_KEPT) clean.clear()
    clean.add(url)
  }
  return redacted
}

function redactOnce(url: string): string {
  const cut = url.search(/[?#]/)
  const path = decodeFully(cut < 0 ? url : url.slice(0, cut))
  if (path === null) return `/${UNREADABLE}`
  if (cut < 0) return redactPath(path)
  const rest = decodeFully(url.slice(cut))
  if (rest === null) return `${redactPath(path)}${url[cut]}${UNREADABLE}`
  return `${redactPath(path)}${rest.replace(/([?&;#])\s*t\s*=[^&;#]*/gi, '$1t=[token]')}`
}
