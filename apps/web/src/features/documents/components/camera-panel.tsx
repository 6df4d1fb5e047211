import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import Webcam from 'react-webcam'
import { useT } from '../../../lib/use-t.ts'
import { frameHasContent, sampleFrame } from '../utils/frame-content.ts'
import { isWholeCardInFrame } from '../capture-analysis/detect-card.ts'
import type { Corners } from '../capture-analysis/geometry.ts'
import { CardOutlineOverlay } from './card-outline.tsx'
import { CONFIDENT_OUTLINE, cornersInVideo, useCardOutline } from './use-card-outline.ts'

export type FrameGuide = 'card' | 'a4'

interface CameraPanelProps {
  guide: FrameGuide
  /** The heading of the camera (「おもて面を撮影」): it names the dialog on a phone. */
  title: string
  /** Phones: the camera covers the whole screen, nothing else to scroll past or tap by mistake. */
  fullScreen: boolean
  /** A frame is being taken: the stream must stay open and the shutter wait. */
  busy: boolean
  /** `card`: the corners of the card found with confidence (video pixels), to straighten the picture to. */
  onCapture: (video: HTMLVideoElement, card?: Corners) => void
  onCancel: () => void
  /** Shown under the explanation when the camera cannot be used: the file path and, on a PC, the QR code. */
  fallback?: ReactNode
}

/** Rear camera preferred; only an explicit ideal, so a PC webcam still works. */
const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  facingMode: { ideal: 'environment' },
  width: { ideal: 1920 },
  height: { ideal: 1080 },
}
/** How often the live frame is looked at until it shows something. */
const SAMPLE_EVERY_MS = 250

const cameraApiAvailable = () => typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function'

/**
 * The live camera with a frame guide. 「撮影」 stays disabled until the stream is live AND a frame
 * with real content has arrived (a just-started or covered camera sends black frames). A card is
 * looked for in the live frames, outlined over the preview and the employee guided in words
 * (use-card-outline.ts). Opening it brings it into view and moves focus to it.
 */
export function CameraPanel({ guide, title, fullScreen, busy, onCapture, onCancel, fallback }: CameraPanelProps) {
  const { t } = useT()
  const webcam = useRef<Webcam>(null)
  const panel = useRef<HTMLDivElement>(null)
  const [live, setLive] = useState(false)
  const [content, setContent] = useState(false)
  const [failed, setFailed] = useState(() => !cameraApiAvailable())
  const video = useCallback(() => webcam.current?.video, [])
  const card = useCardOutline(video, guide === 'card' && live && content && !busy)
  const autoTaken = useRef(false)

  /** The picture: only the card, straightened, when its outline is confident and whole; the whole frame otherwise. */
  const take = useCallback(() => {
    const element = webcam.current?.video
    if (!element) return
    const { outline, frame } = card
    const confident = outline && frame && outline.confidence >= CONFIDENT_OUTLINE && isWholeCardInFrame(outline, frame.width, frame.height)
    onCapture(element, confident ? cornersInVideo(outline, frame, element) : undefined)
  }, [card, onCapture])

  // Held still and sharp: the camera takes the picture itself, once per opening.
  useEffect(() => {
    if (!card.ready || busy || autoTaken.current) return
    autoTaken.current = true
    take()
  }, [card.ready, busy, take])

  // Into view and focused when opened (撮り直す included): at 320 px it would otherwise open above the viewport.
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'start' })
    panel.current?.focus({ preventScroll: true })
  }, [failed])

  // The page under a full-screen camera must not scroll.
  useEffect(() => {
    if (!fullScreen || failed) return
    const before = document.body.style.overflow
    document.body.style.overflow = 'hidden'
    return () => {
      document.body.style.overflow = before
    }
  }, [fullScreen, failed])

  useEffect(() => {
    if (!live || content) return
    const look = () => {
      const video = webcam.current?.video
      const pixels = video ? sampleFrame(video) : null
      if (pixels && frameHasContent(pixels)) setContent(true)
    }
    look()
    const timer = setInterval(look, SAMPLE_EVERY_MS)
    return () => clearInterval(timer)
  }, [live, content])

  if (failed) {
    return (
      <div ref={panel} tabIndex={-1} className="camera-unavailable">
        <CameraUnavailable />
        {fallback}
        <button type="button" className="button button--link" onClick={onCancel}>
          {t('documents.cancelCamera')}
        </button>
      </div>
    )
  }

  return (
    <div
      ref={panel}
      tabIndex={-1}
      className={`camera${fullScreen ? ' camera--full' : ''}`}
      role={fullScreen ? 'dialog' : 'group'}
      aria-modal={fullScreen ? true : undefined}
      aria-labelledby="camera-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel()
      }}
    >
      <p id="camera-title" className="camera__title">
        {title}
      </p>
      <div className="camera__viewport">
        <Webcam
          ref={webcam}
          audio={false}
          videoConstraints={VIDEO_CONSTRAINTS}
          onUserMedia={() => setLive(true)}
          onUserMediaError={() => setFailed(true)}
          playsInline
          muted
          aria-label={t('documents.cameraVideo')}
          className="camera__video"
        />
        <div className={`camera__guide camera__guide--${guide}`} aria-hidden="true" />
        <CardOutlineOverlay view={card} />
      </div>
      <p className="camera__hint" role="status">
        {!live
          ? t('documents.cameraStarting')
          : !content
            ? t('documents.cameraWaiting')
            : guide === 'card'
              ? t(`documents.cameraGuidance.${card.guidance}`)
              : t('documents.cameraFrameHint')}
      </p>
      <div className="camera__controls">
        <button type="button" className="button shutter" onClick={take} disabled={!live || !content || busy}>
          {t('documents.shutter')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('documents.cancelCamera')}
        </button>
      </div>
    </div>
  )
}

function CameraUnavailable() {
  const { t, list } = useT()
  return (
    <div className="notice notice--warning" role="alert">
      <h3>{t('documents.cameraUnavailableTitle')}</h3>
      {list('documents.cameraUnavailableBody').map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  )
}
