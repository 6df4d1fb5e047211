/**
 * Just enough Markdown for the documents the console shows (docs/compliance.md): headings,
 * paragraphs, lists and tables; inline code, bold, emphasis and web links. Anything else reads
 * as text: nothing is HTML, and the view renders these blocks as React elements only.
 */
export type Inline = { kind: 'text' | 'code' | 'strong' | 'em'; text: string } | { kind: 'link'; text: string; href: string }

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: Inline[] }
  | { kind: 'paragraph'; text: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] }

// `code` | **strong** | *em* | [text](https://…) | https://…
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s)<>]+)/g
const isWebLink = (href: string) => /^https?:\/\//.test(href)

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = []
  const plain = (value: string) => {
    if (value) parts.push({ kind: 'text', text: value })
  }
  let last = 0
  for (const match of text.matchAll(INLINE)) {
    plain(text.slice(last, match.index))
    last = match.index + match[0].length
    const [, code, strong, em, label, href, url] = match
    if (code !== undefined) parts.push({ kind: 'code', text: code })
    else if (strong !== undefined) parts.push({ kind: 'strong', text: strong })
    else if (em !== undefined) parts.push({ kind: 'em', text: em })
    else if (label !== undefined && href !== undefined) parts.push(isWebLink(href) ? { kind: 'link', text: label, href } : { kind: 'text', text: label })
    else if (url !== undefined) {
      // A sentence's full stop or comma after a bare address is not part of it.
      const trimmed = url.replace(/[.,;:]+$/, '')
      parts.push({ kind: 'link', text: trimmed, href: trimmed })
      last -= url.length - trimmed.length
    }
  }
  plain(text.slice(last))
  return parts
}

/** A table row's cells: split on | outside `code`. */
function cells(line: string): string[] {
  const found: string[] = []
  let cell = ''
  let inCode = false
  for (const char of line.trim().replace(/^\||\|$/g, '')) {
    if (char === '`') inCode = !inCode
    if (char === '|' && !inCode) {
      found.push(cell.trim())
      cell = ''
    } else cell += char
  }
  return [...found, cell.trim()]
}

const isTableLine = (line: string) => line.trimStart().startsWith('|')
const isSeparator = (line: string) => /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line.trim())

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n')
  const blocks: Block[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    const heading = /^(#{1,3})\s+(.*)$/.exec(line)
    if (!line.trim()) {
      i++
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: parseInline(heading[2]!) })
      i++
    } else if (isTableLine(line)) {
      const rows: string[] = []
      while (i < lines.length && isTableLine(lines[i]!)) rows.push(lines[i++]!)
      const [head = '', ...rest] = rows
      blocks.push({
        kind: 'table',
        head: cells(head).map(parseInline),
        rows: rest.filter((row) => !isSeparator(row)).map((row) => cells(row).map(parseInline)),
      })
    } else if (/^- /.test(line)) {
      const items: string[] = []
      while (i < lines.length && /^(- | {2}\S)/.test(lines[i]!)) {
        const next = lines[i++]!
        if (next.startsWith('- ')) items.push(next.slice(2))
        else items[items.length - 1] += ` ${next.trim()}`
      }
      blocks.push({ kind: 'list', items: items.map(parseInline) })
    } else {
      const text: string[] = []
      while (i < lines.length && lines[i]!.trim() && !/^(#{1,3}\s|- |\|)/.test(lines[i]!)) text.push(lines[i++]!.trim())
      blocks.push({ kind: 'paragraph', text: parseInline(text.join(' ')) })
    }
  }
  return blocks
}
