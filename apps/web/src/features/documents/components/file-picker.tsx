import { documents } from '../../../messages/ja.ts'

/** Always offered: the PC path, and the way out when the camera API is missing or denied. */
export function FilePicker({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  return (
    <div className="file-picker">
      <label className={`button button--secondary file-picker__label${disabled ? ' is-disabled' : ''}`}>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          className="visually-hidden"
          disabled={disabled}
          onChange={(event) => {
            const file = event.target.files?.[0]
            // Cleared so choosing the same file again still fires a change.
            event.target.value = ''
            if (file) onFile(file)
          }}
        />
        {documents.chooseFile}
      </label>
      <p className="hint">{documents.chooseFileHint}</p>
    </div>
  )
}
