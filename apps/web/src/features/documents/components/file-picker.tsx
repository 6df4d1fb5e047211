import { useState } from 'react'
import { isTouchDevice } from '../../../lib/device.ts'
import { documents } from '../../../messages/ja.ts'

interface FilePickerProps {
  onFile: (file: File) => void
  disabled?: boolean
}

/**
 * Phones and tablets: with `capture`, iOS Safari and Android Chrome go straight to the camera,
 * so a photo already taken (「フォトライブラリ」/「ギャラリー」 in the manual) needs an input without it.
 */

/** Always offered: the PC path, and the way out when the camera API is missing or denied. */
export function FilePicker({ onFile, disabled }: FilePickerProps) {
  const [touch] = useState(isTouchDevice)
  return (
    <div className="file-picker">
      <FileInput label={documents.chooseFile} capture onFile={onFile} disabled={disabled} />
      {touch && <FileInput label={documents.chooseLibrary} capture={false} onFile={onFile} disabled={disabled} />}
      <p className="hint">{documents.chooseFileHint}</p>
    </div>
  )
}

function FileInput({ label, capture, onFile, disabled }: FilePickerProps & { label: string; capture: boolean }) {
  return (
    <label className={`button button--secondary file-picker__label${disabled ? ' is-disabled' : ''}`}>
      <input
        type="file"
        accept="image/*"
        capture={capture ? 'environment' : undefined}
        className="visually-hidden"
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0]
          // Cleared so choosing the same file again still fires a change.
          event.target.value = ''
          if (file) onFile(file)
        }}
      />
      {label}
    </label>
  )
}
