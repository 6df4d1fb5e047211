/**
 * `Content-Disposition: attachment` with an ASCII `filename` for old clients and the real
 * (Japanese) name as RFC 5987 `filename*`, which every current browser prefers.
 * @see https://www.rfc-editor.org/rfc/rfc6266#section-4.3
 * @see https://www.rfc-editor.org/rfc/rfc5987#section-3.2.1 attr-char
 */
const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

export function attachment(asciiName: string, name: string): string {
  const fallback = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(name)}`
}

/** A file or folder name safe on Windows, macOS and Linux: no separators, reserved or control characters. */
export function safeFileName(value: string, maxLength = 80): string {
  const cleaned = value
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  return [...cleaned].slice(0, maxLength).join('') || '_'
}
