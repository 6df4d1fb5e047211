import type { Block, Inline } from '../utils/markdown.ts'

/** Parsed Markdown as elements: text stays text, web links open in a new tab without a referrer. */
export function MarkdownView({ blocks }: { blocks: readonly Block[] }) {
  return blocks.map((block, index) => <BlockView key={index} block={block} />)
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      const Heading = `h${block.level}` as const
      return (
        <Heading>
          <InlineView parts={block.text} />
        </Heading>
      )
    }
    case 'paragraph':
      return (
        <p>
          <InlineView parts={block.text} />
        </p>
      )
    case 'list':
      return (
        <ul>
          {block.items.map((item, index) => (
            <li key={index}>
              <InlineView parts={item} />
            </li>
          ))}
        </ul>
      )
    case 'table':
      // The first column names the measure: each row's header for a screen reader.
      return (
        <div className="help-table">
          <table className="admin-table">
            <thead>
              <tr>
                {block.head.map((cell, index) => (
                  <th key={index} scope="col">
                    <InlineView parts={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) =>
                    column === 0 ? (
                      <th key={column} scope="row">
                        <InlineView parts={cell} />
                      </th>
                    ) : (
                      <td key={column}>
                        <InlineView parts={cell} />
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )
  }
}

function InlineView({ parts }: { parts: readonly Inline[] }) {
  return parts.map((part, index) => {
    switch (part.kind) {
      case 'code':
        return <code key={index}>{part.text}</code>
      case 'strong':
        return <strong key={index}>{part.text}</strong>
      case 'em':
        return <em key={index}>{part.text}</em>
      case 'link':
        return (
          <a key={index} href={part.href} target="_blank" rel="noreferrer">
            {part.text}
          </a>
        )
      default:
        return part.text
    }
  })
}
