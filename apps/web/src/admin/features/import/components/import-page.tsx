import { useId, useState, type FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { importTemplateHref } from '../api/import-template.ts'
import { usePreviewImport } from '../api/preview-import.ts'
import { useRunImport } from '../api/run-import.ts'
import { importText as t } from '../messages.ts'
import { ImportErrors } from './import-errors.tsx'
import { ImportSummary } from './import-summary.tsx'
import { UploadProgress } from './upload-progress.tsx'
import { ErrorAlert } from '../../../components/error-alert.tsx'

/**
 * Choose a CSV → preview (dry run: counts and every error) → 「取り込む」 sends the same
 * file for real. Nothing is imported while the file has an error.
 */
export function ImportPage() {
  const { campaignId = '' } = useParams()
  const fileId = useId()
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const preview = usePreviewImport()
  const run = useRunImport()

  const choose = (chosen: File | null) => {
    setFile(chosen)
    preview.reset()
    run.reset()
  }
  const check = (event: FormEvent) => {
    event.preventDefault()
    if (!file) return
    run.reset()
    setProgress(0)
    preview.mutate({ campaignId, file, onProgress: setProgress }, { onSettled: () => setProgress(null) })
  }
  const confirm = () => {
    if (!file) return
    setProgress(0)
    run.mutate({ campaignId, file, onProgress: setProgress }, { onSettled: () => setProgress(null) })
  }

  const previewed = preview.data
  const imported = run.data
  const hasErrors = previewed ? previewed.errors.length > 0 || previewed.errorCount > 0 : true
  const failure = preview.error ?? run.error

  return (
    <div className="admin-page">
      <p>
        <Link to={paths.campaign(campaignId)}>{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>{t.optionalColumns}</p>
      <p className="admin-notice">{t.notDeleted}</p>
      <p>{t.allOrNothing}</p>
      <p>
        <a href={importTemplateHref} download>
          {t.template}
        </a>
      </p>
      <form onSubmit={check} className="admin-form">
        <label htmlFor={fileId}>{t.fileLabel}</label>
        <input id={fileId} type="file" accept=".csv,text/csv" onChange={(event) => choose(event.target.files?.[0] ?? null)} />
        <button type="submit" className="admin-button" disabled={!file || preview.isPending || run.isPending}>
          {t.preview}
        </button>
      </form>
      {progress !== null && <UploadProgress fraction={progress} />}
      <ErrorAlert error={failure} />

      {imported?.applied ? (
        <ImportDone answer={imported} />
      ) : (
        previewed && (
          <section aria-labelledby="import-preview-title">
            <h2 id="import-preview-title">{t.previewTitle}</h2>
            {previewed.summary && <ImportSummary summary={previewed.summary} />}
            <ImportErrors answer={imported ?? previewed} />
            <p className="admin-notice">{t.notDeleted}</p>
            {hasErrors && <p id="import-confirm-hint">{t.confirmHint}</p>}
            <button
              type="button"
              className="admin-button admin-button--primary"
              onClick={confirm}
              disabled={hasErrors || run.isPending || (imported !== undefined && !imported.applied)}
              aria-describedby={hasErrors ? 'import-confirm-hint' : undefined}
            >
              {run.isPending ? t.importing : t.confirm}
            </button>
          </section>
        )
      )}
    </div>
  )
}

function ImportDone({ answer }: { answer: NonNullable<ReturnType<typeof useRunImport>['data']> }) {
  const changed = (counts: { new: number; changed: number }) => counts.new + counts.changed
  return (
    <section aria-labelledby="import-done-title">
      <h2 id="import-done-title">{t.resultTitle}</h2>
      <p className="admin-notice admin-notice--success" role="status">
        {answer.summary ? t.done(changed(answer.summary.employees), changed(answer.summary.dependents)) : t.done(0, 0)}
      </p>
      <p>{t.doneDetail}</p>
      {answer.summary && <ImportSummary summary={answer.summary} />}
      <p className="admin-notice">{t.notDeleted}</p>
    </section>
  )
}
