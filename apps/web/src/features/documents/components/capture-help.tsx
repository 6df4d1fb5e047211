import { useT } from '../../../lib/use-t.ts'
import { FilePicker } from './file-picker.tsx'

interface CaptureHelpProps {
  onFile: (file: File) => void
  disabled: boolean
  /** Where 「写真を選ぶ」 is not already on the screen (after a capture), the help offers it. */
  offerFile: boolean
  /** A PC: the QR code is the other way out. */
  offerPhone: boolean
}

/** 「うまく撮影できない場合」: closed by default, so the camera and the next step stay in view. */
export function CaptureHelp({ onFile, disabled, offerFile, offerPhone }: CaptureHelpProps) {
  const { t, list } = useT()
  return (
    <details className="capture-help">
      <summary>{t('documents.helpTitle')}</summary>
      <ul className="hint-list">
        {list('documents.helpTips').map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      <p className="hint">{t('documents.helpFile')}</p>
      {offerFile && <FilePicker onFile={onFile} disabled={disabled} />}
      {offerPhone && <p className="hint">{t('documents.helpPhone')}</p>}
    </details>
  )
}
