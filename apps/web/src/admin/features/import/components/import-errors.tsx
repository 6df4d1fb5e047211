import type { ImportResponse } from '@bango/shared/admin-import'
import { importText as t } from '../messages.ts'

/** Every error of the file as 行 / 列 / 内容; the server lists at most IMPORT_ERROR_LIMIT. */
export function ImportErrors({ answer }: { answer: ImportResponse }) {
  const total = Math.max(answer.errorCount, answer.errors.length)
  if (total === 0) return null
  return (
    <section aria-labelledby="import-errors-title">
      <h3 id="import-errors-title">{t.errorsTitle}</h3>
      <p className="admin-notice admin-notice--error" role="alert">
        {t.errorsIntro(total)}
      </p>
      {answer.errors.length < total && <p>{t.errorsTruncated(answer.errors.length, total)}</p>}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t.line}</th>
            <th scope="col">{t.column}</th>
            <th scope="col">{t.message}</th>
          </tr>
        </thead>
        <tbody>
          {answer.errors.map((error, index) => (
            <tr key={`${error.line}-${error.column ?? ''}-${index}`}>
              <td>{error.line}</td>
              <td>{error.column ?? t.noColumn}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
