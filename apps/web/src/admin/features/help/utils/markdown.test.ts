import { describe, expect, it } from 'vitest'
import { parseInline, parseMarkdown } from './markdown.ts'

describe('the console’s Markdown', () => {
  it('reads headings, paragraphs over several lines, lists with continued items, and tables', () => {
    const blocks = parseMarkdown(
      [
        '# Title',
        '',
        'One paragraph',
        'over two lines.',
        '',
        '- first item',
        '  continued',
        '- second',
        '',
        '## Table',
        '',
        '| measure | Bango |',
        '|---|---|',
        '| a. `x | y` | **yes** |',
      ].join('\n'),
    )
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: [{ kind: 'text', text: 'Title' }] },
      { kind: 'paragraph', text: [{ kind: 'text', text: 'One paragraph over two lines.' }] },
      { kind: 'list', items: [[{ kind: 'text', text: 'first item continued' }], [{ kind: 'text', text: 'second' }]] },
      { kind: 'heading', level: 2, text: [{ kind: 'text', text: 'Table' }] },
      {
        kind: 'table',
        head: [[{ kind: 'text', text: 'measure' }], [{ kind: 'text', text: 'Bango' }]],
        rows: [
          [
            [
              { kind: 'text', text: 'a. ' },
              { kind: 'code', text: 'x | y' },
            ],
            [{ kind: 'strong', text: 'yes' }],
          ],
        ],
      },
    ])
  })

  it('links web addresses only, without the full stop after them, and keeps anything else as text', () => {
    expect(parseInline('see https://www.ppc.go.jp/legal/policy/. And [the law](https://laws.e-gov.go.jp/), [a file](../README.md), <b>no</b> *em*')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://www.ppc.go.jp/legal/policy/', href: 'https://www.ppc.go.jp/legal/policy/' },
      { kind: 'text', text: '. And ' },
      { kind: 'link', text: 'the law', href: 'https://laws.e-gov.go.jp/' },
      { kind: 'text', text: ', ' },
      { kind: 'text', text: 'a file' },
      { kind: 'text', text: ', <b>no</b> ' },
      { kind: 'em', text: 'em' },
    ])
  })
})
