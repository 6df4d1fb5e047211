import { carriesNumber, type ImageSlot } from '@bango/shared/documents'
import { IMAGE_LIMITS } from '@bango/shared/employee-api'
import { useEffect, useRef, useState } from 'react'
import { ApiError, retryPolicy } from '../../../lib/api-client.ts'
import { translate, useT } from '../../../lib/use-t.ts'
import { uploadImage } from '../api/upload-image.ts'
import { useUploadInFlight } from './use-leave-warning.ts'
import { useNumberUnreadable } from './use-number-read.ts'
import { imageKey, useWizardStore } from '../stores/wizard-store.ts'
import { assessQuality, type QualityIssue } from '../utils/image-quality.ts'
import type { Corners } from '../capture-analysis/geometry.ts'
import type { ImageProcessor } from '../utils/image-processor.ts'
import type { MaskBox } from '../utils/mask-geometry.ts'
import { needsMasking } from '../utils/needs-masking.ts'
import type { PreparedImage } from '../utils/prepare-image.ts'

export type UploadState =
  | { status: 'idle' | 'processing' | 'masking' | 'done' }
  /** `percent` is null until the browser knows how much there is to send. */
  | { status: 'uploading'; percent: number | null }
  | { status: 'error'; message: string; canResend: boolean }

/** A prepared image waiting for its masks: local only, never in the wizard store, never uploaded as is. */
export interface PendingMask {
  image: PreparedImage
  url: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const isTransient = (error: unknown) => error instanceof ApiError && (error.code === 'NETWORK' || error.status >= 502)

function savedState(key: string): UploadState {
  const captured = useWizardStore.getState().images[key]
  if (!captured) return { status: 'idle' }
  return captured.uploaded ? { status: 'done' } : { status: 'error', message: translate('documents.uploadNetworkError'), canResend: true }
}

/**
 * Prepare → check quality → (健康保険証: hold for masking) → keep a local preview → upload
 * right away, retrying while the network is flaky.
 */
export function useCaptureUpload(personId: string, image: ImageSlot, type: string, processor: ImageProcessor) {
  const { t } = useT()
  const key = imageKey(image)
  const [state, setState] = useState<UploadState>(() => savedState(key))
  const [issues, setIssues] = useState<QualityIssue[]>([])
  const [pending, setPending] = useState<PendingMask | null>(null)
  const pendingRef = useRef<PendingMask | null>(null)
  /** The image just sent, when its side carries the number: the server reads it (ADR 042). */
  const [readImageId, setReadImageId] = useState<string | null>(null)
  const numberUnreadable = useNumberUnreadable(personId, readImageId)

  useUploadInFlight(state.status === 'uploading' || state.status === 'processing')

  const holdForMasking = (next: PendingMask | null) => {
    if (pendingRef.current) URL.revokeObjectURL(pendingRef.current.url)
    pendingRef.current = next
    setPending(next)
  }
  // Leaving the step (back, or a new person) drops an unmasked picture still held.
  useEffect(
    () => () => {
      if (pendingRef.current) URL.revokeObjectURL(pendingRef.current.url)
    },
    [],
  )

  const send = async (jpeg: Blob) => {
    setState({ status: 'uploading', percent: null })
    const onProgress = (fraction: number) => setState({ status: 'uploading', percent: Math.round(fraction * 100) })
    for (let attempt = 0; ; attempt++) {
      try {
        const uploaded = await uploadImage(personId, image, type, jpeg, onProgress)
        // A retake may have replaced the picture meanwhile: only mark the one we sent.
        if (useWizardStore.getState().images[key]?.blob === jpeg) {
          useWizardStore.getState().markUploaded(image)
          if (carriesNumber(image.role, type, image.side)) setReadImageId(uploaded.id)
        }
        setState({ status: 'done' })
        return
      } catch (error) {
        const delay = retryPolicy.delaysMs[attempt]
        if (isTransient(error) && delay !== undefined) {
          await sleep(delay)
          continue
        }
        const network = isTransient(error)
        const message = network ? t('documents.uploadNetworkError') : error instanceof ApiError ? error.message : t('documents.processFailed')
        setState({ status: 'error', message, canResend: network })
        return
      }
    }
  }

  const keepAndSend = (jpeg: Blob) => {
    useWizardStore.getState().setImage(image, { url: URL.createObjectURL(jpeg), blob: jpeg })
    return send(jpeg)
  }

  /** `onPrepared` runs once the pixels are ours: the camera must stay live until then. */
  const accept = async (produce: () => Promise<PreparedImage>, onPrepared?: () => void) => {
    holdForMasking(null)
    setIssues([])
    setReadImageId(null)
    setState({ status: 'processing' })
    let prepared: PreparedImage
    try {
      prepared = await produce()
      onPrepared?.()
    } catch {
      setState({ status: 'error', message: t('documents.processFailed'), canResend: false })
      return
    }
    if (prepared.jpeg.size > IMAGE_LIMITS.maxBytes) {
      setState({ status: 'error', message: t('documents.processFailed'), canResend: false })
      return
    }
    setIssues(assessQuality(prepared, prepared.gray))
    if (needsMasking(image, type)) {
      holdForMasking({ image: prepared, url: URL.createObjectURL(prepared.jpeg) })
      setState({ status: 'masking' })
      return
    }
    await keepAndSend(prepared.jpeg)
  }

  /** 「隠して送信する」: only the burnt-in copy is kept and sent. */
  const maskAndSend = async (boxes: readonly MaskBox[]) => {
    const held = pendingRef.current
    if (!held || boxes.length === 0) return
    setState({ status: 'processing' })
    let masked: Blob
    try {
      masked = await processor.burnMasks(held.image, boxes)
    } catch {
      setState({ status: 'error', message: t('documents.processFailed'), canResend: false })
      return
    }
    holdForMasking(null)
    await keepAndSend(masked)
  }

  /** 撮り直す from the masking screen: the unmasked picture is dropped. */
  const discardMasking = () => {
    if (!pendingRef.current) return
    holdForMasking(null)
    setIssues([])
    setState(savedState(key))
  }

  const resend = () => {
    const captured = useWizardStore.getState().images[key]
    if (captured) void send(captured.blob)
  }

  return {
    state,
    issues,
    /** The server could not read the number off the photo just sent (`now`: advice to retake), and off how many sent for this side. */
    numberUnreadable,
    pending,
    fromFile: (file: Blob) => accept(() => processor.fromFile(file)),
    fromVideo: (video: HTMLVideoElement, onPrepared: () => void, card?: Corners) => accept(() => processor.fromVideo(video, card), onPrepared),
    maskAndSend,
    discardMasking,
    resend,
  }
}
