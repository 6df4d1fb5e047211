import { useReducer } from 'react'
import { useT } from '../../../lib/use-t.ts'
import { initialMaskBoxes, maskBoxesReducer } from '../stores/mask-boxes.ts'
import type { MaskBox, Size } from '../utils/mask-geometry.ts'
import { MaskCanvas } from './mask-canvas.tsx'

interface MaskEditorProps {
  url: string
  size: Size
  sideName: string
  busy: boolean
  onSend: (boxes: readonly MaskBox[]) => void
}

/** 健康保険証: black boxes over 保険者番号, 記号・番号 and the QR code before anything is sent. */
export function MaskEditor({ url, size, sideName, busy, onSend }: MaskEditorProps) {
  const { t, list } = useT()
  const [boxes, dispatch] = useReducer(maskBoxesReducer, initialMaskBoxes)
  const none = boxes.length === 0

  return (
    <div className="mask-editor">
      <h3>{t('documents.maskTitle')}</h3>
      <ul className="hint-list">
        {list('documents.maskInstructions').map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <MaskCanvas
        url={url}
        size={size}
        boxes={boxes}
        onBox={(box) => dispatch({ type: 'add', box })}
        label={t('documents.maskCanvas', { side: sideName })}
        keyboardHelpId="mask-keyboard"
      />
      <p id="mask-keyboard" className="hint">
        {t('documents.maskKeyboard')}
      </p>
      <p className="mask-editor__count" aria-live="polite">
        {boxes.length === 0 ? t('documents.maskCountNone') : t('documents.maskCount', { areas: boxes.length })}
      </p>
      <div className="mask-editor__tools">
        <button type="button" className="button button--secondary" disabled={none || busy} onClick={() => dispatch({ type: 'undo' })}>
          {t('documents.maskUndo')}
        </button>
        <button type="button" className="button button--secondary" disabled={none || busy} onClick={() => dispatch({ type: 'clear' })}>
          {t('documents.maskClear')}
        </button>
      </div>
      <p id="mask-why" className="hint">
        {t('documents.maskWhy')}
      </p>
      <button type="button" className="button" disabled={none || busy} aria-describedby="mask-why" onClick={() => onSend(boxes)}>
        {t('documents.maskSend')}
      </button>
    </div>
  )
}
