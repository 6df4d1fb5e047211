/**
 * ヘルプ：安全管理措置 — docs/compliance.md as this build shipped it: the file is read at build time
 * (Vite's ?raw), so the console shows the same text an auditor reads in the repository. A chunk of
 * its own, loaded when the page opens (admin-routes.tsx).
 */
import compliance from '../../../../../../../docs/compliance.md?raw'
import { helpText as t } from '../messages.ts'
import { parseMarkdown } from '../utils/markdown.ts'
import { MarkdownView } from './markdown-view.tsx'
import './help.css'

const [title, ...body] = parseMarkdown(compliance)

export default function CompliancePage() {
  return (
    <article className="admin-page help-page">
      {title && <MarkdownView blocks={[title]} />}
      <p className="admin-notice">{t.compliance.intro}</p>
      <MarkdownView blocks={body} />
      <p className="help-source">{t.compliance.source}</p>
    </article>
  )
}
