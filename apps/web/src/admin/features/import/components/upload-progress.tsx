import { importText as t } from '../messages.ts'

/** Upload progress of a large file, then "checking" while the server reads it. */
export function UploadProgress({ fraction }: { fraction: number }) {
  const percent = Math.round(fraction * 100)
  return (
    <div className="admin-progress">
      <progress max={100} value={percent} aria-label={t.uploading(percent)} />
      <p role="status">{fraction < 1 ? t.uploading(percent) : t.checking}</p>
    </div>
  )
}
