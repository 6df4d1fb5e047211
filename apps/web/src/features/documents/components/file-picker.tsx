import { useT } from '../../../lib/use-t.ts'

interface FilePickerProps {
  onFile: (file: File) => void
  disabled?: boolean
  /** The PC's (and a phone without a camera's) main action; a phone's way out otherwise. */
  primary?: boolean
  label?: string
  /** Opens the phone's own camera app directly (after the in-page camera's pictures could not be read). */
  capture?: 'environment'
}

/**
 * 「写真を選ぶ」: one file input without `capture`, so iOS and Android offer both the photo library
 * (「フォトライブラリ」/「ギャラリー」 in the manual) and their own camera. The in-page camera is the
 * phone's main path; this is the PC's, and the way out when the camera API is missing or denied.
 */
export function FilePicker({ onFile, disabled, primary = false, label, capture }: FilePickerProps) {
  const { t } = useT()
  return (
    <label className={`button${primary ? '' : ' button--secondary'} file-picker__label${disabled ? ' is-disabled' : ''}`}>
      <input
        type="file"
        accept="image/*"
        capture={capture}
        className="visually-hidden"
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0]
          // Cleared so choosing the same file again still fires a change.
          event.target.value = ''
          if (file) onFile(file)
        }}
      />
      {label ?? t('documents.chooseFile')}
    </label>
  )
}
