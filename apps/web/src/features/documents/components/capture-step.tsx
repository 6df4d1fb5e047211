import { isBackRequired, type ImageSlot } from '@bango/shared/documents'
import { useEffect, useRef, useState } from 'react'
import { useT } from '../../../lib/use-t.ts'
import { imageKey, useWizardStore } from '../stores/wizard-store.ts'
import { browserImageProcessor, type ImageProcessor } from '../utils/image-processor.ts'
import { CaptureHandoff } from './capture-handoff.tsx'
import { CaptureHelp } from './capture-help.tsx'
import type { ExampleKind } from './document-examples.tsx'
import { DocumentHeading } from './document-heading.tsx'
import { FilePicker } from './file-picker.tsx'
import { CameraPanel, DocumentExample, MaskEditor } from './lazy-capture-parts.tsx'
import { NumberUnreadableWarning, QualityWarnings } from './quality-warnings.tsx'
import { UploadStatus } from './upload-status.tsx'
import { useCaptureDevice } from './use-capture-device.ts'
import { useCaptureUpload } from './use-capture-upload.ts'
import { WizardBackButton } from './wizard-back-button.tsx'
import { declareBackAbsence } from '../api/draft.ts'

interface CaptureStepProps {
  image: ImageSlot
  openCamera: boolean
  /** Tests replace the pixel work only; production always uses the browser canvas. */
  processor?: ImageProcessor
}

/** The illustrated good photo, for the documents most employees send. */
function exampleOf(image: ImageSlot, type: string): ExampleKind | null {
  if (type === 'my_number_card' && image.role === 'number') return image.side === 'front' ? 'myNumberFront' : 'myNumberBack'
  if (type === 'notification_card' && image.side === 'front') return 'notificationFront'
  return null
}

/**
 * One side of one document. Before a picture: the example, ONE main action (the camera on a phone,
 * 「写真を選ぶ」 on a PC or without a camera) and one second one. The camera, when open, is alone on
 * the screen. After: preview → quality warning → 撮り直す / next step, together in view.
 */
export function CaptureStep({ image, openCamera, processor = browserImageProcessor }: CaptureStepProps) {
  const device = useCaptureDevice()
  // Where a file is the main way, its labels: 「おもて面の画像を選び直す」, not 「撮り直す」.
  const { t } = useT({ files: device.filePrimary })
  const personId = useWizardStore((s) => s.person?.id ?? '')
  const type = useWizardStore((s) => (image.role === 'number' ? s.numberDocument?.type : s.identity?.documents[image.slot]?.type))
  const captured = useWizardStore((s) => s.images[imageKey(image)])
  const { captureBack, skipBack, next } = useWizardStore.getState()
  // 「うら面はありません」 is kept with the draft too, so a sign-in elsewhere resumes past the back;
  // if that fails, a resume only asks for the back again.
  const noBack = () => {
    void declareBackAbsence(personId, { role: image.role, slot: image.slot, absent: true }).catch(() => undefined)
    skipBack()
  }
  const [cameraOpen, setCameraOpen] = useState(() => openCamera && !captured && !device.filePrimary)
  const upload = useCaptureUpload(personId, image, type ?? '', processor)
  const result = useRef<HTMLDivElement>(null)
  const shownUrl = useRef(captured?.url)

  // A new picture: its preview, warning and next step come into view, and focus moves there from the closed camera.
  useEffect(() => {
    if (cameraOpen || !captured || captured.url === shownUrl.current) return
    shownUrl.current = captured.url
    result.current?.scrollIntoView?.({ block: 'start' })
    result.current?.focus({ preventScroll: true })
  }, [captured, cameraOpen])

  if (!type) return null

  const side = image.side
  const sideName = t(`documents.sideName.${side}`)
  const busy = upload.state.status === 'processing' || upload.state.status === 'uploading'
  const masking = upload.pending !== null
  const ready = Boolean(captured?.uploaded) && !busy && !masking
  const backOptional = !isBackRequired(image.role, type)
  const example = exampleOf(image, type)
  const fromFile = (file: File) => {
    setCameraOpen(false)
    void upload.fromFile(file)
  }
  const retake = () => {
    upload.discardMasking()
    setCameraOpen(true)
  }
  const fileAction = <FilePicker key="file" primary={device.filePrimary} disabled={busy} onFile={fromFile} />
  const cameraAction = device.camera && (
    <button
      key="camera"
      type="button"
      className={`button${device.filePrimary ? ' button--secondary' : ''}`}
      disabled={busy}
      onClick={() => setCameraOpen(true)}
    >
      {t(`documents.capture.${side}`)}
    </button>
  )
  const retakeButton = device.filePrimary ? (
    <FilePicker label={t(`documents.retake.${side}`)} disabled={busy} onFile={fromFile} />
  ) : (
    <button type="button" className="button button--secondary" disabled={busy} onClick={retake}>
      {t(`documents.retake.${side}`)}
    </button>
  )

  if (cameraOpen) {
    return (
      <section className="step" aria-labelledby="capture-side">
        <DocumentHeading image={image} type={type} />
        <h3 id="capture-side">{sideName}</h3>
        <CameraPanel
          guide={type === 'resident_record' ? 'a4' : 'card'}
          title={t('documents.cameraTitle', { side: sideName })}
          fullScreen={device.phone}
          busy={busy}
          onCapture={(video, card) => void upload.fromVideo(video, () => setCameraOpen(false), card)}
          onCancel={() => setCameraOpen(false)}
          fallback={
            <>
              <FilePicker primary disabled={busy} onFile={fromFile} />
              <CaptureHandoff />
            </>
          }
        />
      </section>
    )
  }

  return (
    <section className="step" aria-labelledby="capture-side">
      <DocumentHeading image={image} type={type} />
      <h3 id="capture-side">{sideName}</h3>

      {upload.pending ? (
        <>
          <MaskEditor
            key={upload.pending.url}
            url={upload.pending.url}
            size={upload.pending.image}
            sideName={sideName}
            busy={busy}
            onSend={(boxes) => void upload.maskAndSend(boxes)}
          />
          <QualityWarnings issues={upload.issues} />
          <UploadStatus state={upload.state} onResend={upload.resend} />
          {retakeButton}
        </>
      ) : captured ? (
        <div ref={result} tabIndex={-1} className="capture-result">
          <figure className="preview">
            <img src={captured.url} alt={t('documents.previewAlt', { side: sideName })} />
          </figure>
          <QualityWarnings issues={upload.issues} />
          <NumberUnreadableWarning show={upload.numberUnreadable.now} />
          {upload.numberUnreadable.now && upload.numberUnreadable.times >= 2 && device.phone && (
            <div className="native-camera">
              <p className="hint">{t('documents.nativeCameraHint')}</p>
              <FilePicker label={t('documents.nativeCamera')} capture="environment" disabled={busy} onFile={fromFile} />
            </div>
          )}
          <UploadStatus state={upload.state} onResend={upload.resend} />
          {retakeButton}
          {side === 'front' && (
            <button type="button" className="button" disabled={!ready} onClick={captureBack}>
              {t('documents.toBack')}
            </button>
          )}
          {side === 'back' && (
            <button type="button" className="button" disabled={!ready} onClick={next}>
              {t('common.next')}
            </button>
          )}
          {backOptional && side === 'front' && (
            <button type="button" className="button button--secondary" disabled={!ready} onClick={noBack}>
              {t('documents.noBack')}
            </button>
          )}
        </div>
      ) : (
        <>
          {example && <DocumentExample kind={example} />}
          {image.role === 'identity' && type === 'health_insurance' && <p className="hint">{t('documents.healthInsuranceNote')}</p>}
          <UploadStatus state={upload.state} onResend={upload.resend} />
          {/* Keyed: when the device check moves 「写真を選ぶ」 first, its input is moved, not replaced (a file being chosen is kept). */}
          <div className="capture-actions">{device.filePrimary ? [fileAction, cameraAction] : [cameraAction, fileAction]}</div>
          <p className="hint">{device.filePrimary && !device.camera ? t('documents.chooseFileFirstHint') : t('documents.chooseFileHint')}</p>
          {backOptional && side === 'back' && (
            <button type="button" className="button button--secondary" onClick={noBack}>
              {t('documents.noBack')}
            </button>
          )}
        </>
      )}

      <CaptureHelp onFile={fromFile} disabled={busy} offerFile={(Boolean(captured) || masking) && !device.filePrimary} offerPhone={!device.phone} />
      {device.filePrimary && !captured && !masking && <CaptureHandoff />}
      <WizardBackButton />
    </section>
  )
}
