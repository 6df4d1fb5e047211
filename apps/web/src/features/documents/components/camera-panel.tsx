import { useRef, useState } from 'react'
import Webcam from 'react-webcam'
import { documents } from '../../../messages/ja.ts'

export type FrameGuide = 'card' | 'a4'

interface CameraPanelProps {
  guide: FrameGuide
  /** A frame is being taken: the stream must stay open and the shutter wait. */
  busy: boolean
  onCapture: (video: HTMLVideoElement) => void
  onCancel: () => void
}

/** Rear camera preferred; only an explicit ideal, so a PC webcam still works. */
const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  facingMode: { ideal: 'environment' },
  width: { ideal: 1920 },
  height: { ideal: 1080 },
}

const cameraApiAvailable = () => typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function'

/** The live camera with a frame guide; 「撮影」 stays disabled until the stream is live. */
export function CameraPanel({ guide, busy, onCapture, onCancel }: CameraPanelProps) {
  const webcam = useRef<Webcam>(null)
  const [live, setLive] = useState(false)
  const [failed, setFailed] = useState(() => !cameraApiAvailable())

  if (failed) return <CameraUnavailable />

  const shoot = () => {
    const video = webcam.current?.video
    if (video) onCapture(video)
  }

  return (
    <div className="camera">
      <div className="camera__viewport">
        <Webcam
          ref={webcam}
          audio={false}
          videoConstraints={VIDEO_CONSTRAINTS}
          onUserMedia={() => setLive(true)}
          onUserMediaError={() => setFailed(true)}
          playsInline
          muted
          aria-label={documents.cameraVideo}
          className="camera__video"
        />
        <div className={`camera__guide camera__guide--${guide}`} aria-hidden="true" />
      </div>
      {!live && <p role="status">{documents.cameraStarting}</p>}
      <button type="button" className="button shutter" onClick={shoot} disabled={!live || busy}>
        {documents.shutter}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {documents.cancelCamera}
      </button>
    </div>
  )
}

function CameraUnavailable() {
  return (
    <div className="notice notice--warning" role="alert">
      <h3>{documents.cameraUnavailableTitle}</h3>
      {documents.cameraUnavailableBody.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  )
}
