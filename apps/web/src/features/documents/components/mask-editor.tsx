import { useReducer } from 'react'
import { documents } from '../../../messages/ja.ts'
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
  const [boxes, dispatch] = useReducer(maskBoxesReducer, initialMaskBoxes)
  const none = boxes.length === 0

  return (
    <div className="mask-editor">
      <h3>{documents.maskTitle}</h3>
      <ul className="hint-list">
        {documents.maskInstructions.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <MaskCanvas url={url} size={size} boxes={boxes} onBox={(box) => dispatch({ type: 'add', box })} label={documents.maskCanvas(sideName)} keyboardHelpId="mask-keyboard" />
      <p id="mask-keyboard" className="hint">
        {documents.maskKeyboard}
      </p>
      <p className="mask-editor__count" aria-live="polite">
        {documents.maskCount(boxes.length)}
      </p>
      <div className="mask-editor__tools">
        <button type="button" className="button button--secondary" disabled={none || busy} onClick={() => dispatch({ type: 'undo' })}>
          {documents.maskUndo}
        </button>
        <button type="button" className="button button--secondary" disabled={none || busy} onClick={() => dispatch({ type: 'clear' })}>
          {documents.maskClear}
        </button>
      </div>
      <p id="mask-why" className="hint">
        {documents.maskWhy}
      </p>
      <button type="button" className="button" disabled={none || busy} aria-describedby="mask-why" onClick={() => onSend(boxes)}>
        {documents.maskSend}
      </button>
    </div>
  )
}
