import { useEffect, useRef, useState } from 'react'
import { useDocumentImage } from '../lib/use-document-image.ts'
import { imageViewer as t } from '../messages/ja.ts'
import { ErrorAlert } from './error-alert.tsx'
import './image-viewer.css'
const ZOOM_STEPS = [0.5, 0.75, 1, 1.5, 2, 3, 4] as const
const DEFAULT_STEP = 2

/** One submitted image (watermarked, audited per view) with zoom (buttons, or the mouse wheel over it) and 90° rotation. */
export function ImageViewer({ campaignId, documentId, label }: { campaignId: string; documentId: string; label: string }) {
  const image = useDocumentImage(campaignId, documentId)
  const [step, setStep] = useState<number>(DEFAULT_STEP)
  const [rotation, setRotation] = useState(0)
  const frame = useRef<HTMLDivElement>(null)
  const zoom = ZOOM_STEPS[step] ?? 1
  const zoomBy = (delta: number) => setStep((current) => Math.min(ZOOM_STEPS.length - 1, Math.max(0, current + delta)))

  // React's wheel listener is passive; this one must stop the page from scrolling while zooming.
  useEffect(() => {
    const element = frame.current
    if (!element) return
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      zoomBy(event.deltaY < 0 ? 1 : -1)
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [])

  return (
    <figure className="review-image">
      <figcaption>{label}</figcaption>
      <div className="admin-actions review-image__tools" role="group" aria-label={label}>
        <button type="button" className="admin-button" onClick={() => zoomBy(-1)} disabled={step === 0}>
          {t.zoomOut}
        </button>
        <span aria-live="polite">{t.zoom(Math.round(zoom * 100))}</span>
        <button type="button" className="admin-button" onClick={() => zoomBy(1)} disabled={step === ZOOM_STEPS.length - 1}>
          {t.zoomIn}
        </button>
        <button type="button" className="admin-button" onClick={() => setRotation((r) => (r + 90) % 360)}>
          {t.rotate}
        </button>
        <button
          type="button"
          className="admin-button admin-button--link"
          onClick={() => {
            setStep(DEFAULT_STEP)
            setRotation(0)
          }}
        >
          {t.reset}
        </button>
      </div>
      <div className="review-image__frame" ref={frame}>
        {image.status === 'ready' && (
          <img
            src={image.url}
            alt={t.alt(label)}
            draggable={false}
            style={{ transform: `scale(${zoom}) rotate(${rotation}deg)` }}
            data-zoom={zoom}
            data-rotation={rotation}
          />
        )}
        {image.status === 'loading' && <p role="status">{t.loading}</p>}
      </div>
      {image.status === 'error' && <ErrorAlert error={image.error} />}
    </figure>
  )
}
