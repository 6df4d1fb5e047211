import { isBackRequired, type ImageSlot } from '@bango/shared/documents'
import { useState } from 'react'
import { common, documents } from '../../../messages/ja.ts'
import { imageKey, useWizardStore } from '../stores/wizard-store.ts'
import { browserImageProcessor, type ImageProcessor } from '../utils/image-processor.ts'
import { CameraPanel, MaskEditor } from './lazy-capture-parts.tsx'
import { DocumentHeading } from './document-heading.tsx'
import { FilePicker } from './file-picker.tsx'
import { QualityWarnings } from './quality-warnings.tsx'
import { UploadStatus } from './upload-status.tsx'
import { useCaptureUpload } from './use-capture-upload.ts'
import { WizardBackButton } from './wizard-back-button.tsx'

interface CaptureStepProps {
  image: ImageSlot
  openCamera: boolean
  /** Tests replace the pixel work only; production always uses the browser canvas. */
  processor?: ImageProcessor
}

/** One side of one document: camera or file → preview (健康保険証: masking) → upload → next action. */
export function CaptureStep({ image, openCamera, processor = browserImageProcessor }: CaptureStepProps) {
  const personId = useWizardStore((s) => s.person?.id ?? '')
  const type = useWizardStore((s) => (image.role === 'number' ? s.numberDocument?.type : s.identity?.documents[image.slot]?.type))
  const captured = useWizardStore((s) => s.images[imageKey(image)])
  const { captureBack, skipBack, next } = useWizardStore.getState()
  const [cameraOpen, setCameraOpen] = useState(openCamera && !captured)
  const upload = useCaptureUpload(personId, image, type ?? '', processor)
  if (!type) return null

  const side = image.side
  const busy = upload.state.status === 'processing' || upload.state.status === 'uploading'
  const masking = upload.pending !== null
  const ready = Boolean(captured?.uploaded) && !busy && !masking
  const backOptional = !isBackRequired(image.role, type)
  const retake = () => {
    upload.discardMasking()
    setCameraOpen(true)
  }

  return (
    <section className="step" aria-labelledby="capture-side">
      <DocumentHeading image={image} type={type} />
      <h3 id="capture-side">{documents.sideName[side]}</h3>
      <ul className="hint-list">
        {documents.photoNotes.map((note) => (
          <li key={note}>{note}</li>
        ))}
        {image.role === 'identity' && type === 'health_insurance' && <li>{documents.healthInsuranceNote}</li>}
      </ul>

      {cameraOpen ? (
        <CameraPanel
          guide={type === 'resident_record' ? 'a4' : 'card'}
          busy={busy}
          onCapture={(video) => void upload.fromVideo(video, () => setCameraOpen(false))}
          onCancel={() => setCameraOpen(false)}
        />
      ) : upload.pending ? (
        <MaskEditor
          key={upload.pending.url}
          url={upload.pending.url}
          size={upload.pending.image}
          sideName={documents.sideName[side]}
          busy={busy}
          onSend={(boxes) => void upload.maskAndSend(boxes)}
        />
      ) : captured ? (
        <figure className="preview">
          <img src={captured.url} alt={documents.previewAlt(documents.sideName[side])} />
        </figure>
      ) : (
        <button type="button" className="button" onClick={() => setCameraOpen(true)}>
          {documents.capture[side]}
        </button>
      )}
      {!cameraOpen && <QualityWarnings issues={upload.issues} />}

      <FilePicker
        disabled={busy}
        onFile={(file) => {
          setCameraOpen(false)
          void upload.fromFile(file)
        }}
      />
      <UploadStatus state={upload.state} onResend={upload.resend} />

      {(captured || masking) && !cameraOpen && (
        <button type="button" className="button button--secondary" disabled={busy} onClick={retake}>
          {documents.retake[side]}
        </button>
      )}
      {side === 'front' && captured && !masking && (
        <button type="button" className="button" disabled={!ready} onClick={captureBack}>
          {documents.capture.back}
        </button>
      )}
      {side === 'back' && captured && !masking && (
        <button type="button" className="button" disabled={!ready} onClick={next}>
          {common.next}
        </button>
      )}
      {backOptional && !masking && (side === 'front' ? captured : !captured) && (
        <button type="button" className="button button--secondary" disabled={side === 'front' && !ready} onClick={skipBack}>
          {documents.noBack}
        </button>
      )}
      <WizardBackButton />
    </section>
  )
}
