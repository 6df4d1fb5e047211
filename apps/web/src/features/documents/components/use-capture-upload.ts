import type { ImageSlot } from '@bango/shared/documents'
import { IMAGE_LIMITS } from '@bango/shared/employee-api'
import { useState } from 'react'
import { ApiError, retryPolicy } from '../../../lib/api-client.ts'
import { documents } from '../../../messages/ja.ts'
import { uploadImage } from '../api/upload-image.ts'
import { imageKey, useWizardStore } from '../stores/wizard-store.ts'
import type { ImageProcessor } from '../utils/prepare-image.ts'

export type UploadState =
  | { status: 'idle' | 'processing' | 'uploading' | 'done' }
  | { status: 'error'; message: string; canResend: boolean }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const isTransient = (error: unknown) => error instanceof ApiError && (error.code === 'NETWORK' || error.status >= 502)

/** Prepare → keep a local preview → upload right away, retrying while the network is flaky. */
export function useCaptureUpload(personId: string, image: ImageSlot, type: string, processor: ImageProcessor) {
  const key = imageKey(image)
  const [state, setState] = useState<UploadState>(() => {
    const captured = useWizardStore.getState().images[key]
    if (!captured) return { status: 'idle' }
    return captured.uploaded ? { status: 'done' } : { status: 'error', message: documents.uploadNetworkError, canResend: true }
  })

  const send = async (jpeg: Blob) => {
    setState({ status: 'uploading' })
    for (let attempt = 0; ; attempt++) {
      try {
        await uploadImage(personId, image, type, jpeg)
        // A retake may have replaced the picture meanwhile: only mark the one we sent.
        if (useWizardStore.getState().images[key]?.blob === jpeg) useWizardStore.getState().markUploaded(image)
        setState({ status: 'done' })
        return
      } catch (error) {
        const delay = retryPolicy.delaysMs[attempt]
        if (isTransient(error) && delay !== undefined) {
          await sleep(delay)
          continue
        }
        const network = isTransient(error)
        const message = network ? documents.uploadNetworkError : error instanceof ApiError ? error.message : documents.processFailed
        setState({ status: 'error', message, canResend: network })
        return
      }
    }
  }

  /** `onPrepared` runs once the pixels are ours: the camera must stay live until then. */
  const accept = async (produce: () => Promise<Blob>, onPrepared?: () => void) => {
    setState({ status: 'processing' })
    let jpeg: Blob
    try {
      jpeg = await produce()
      onPrepared?.()
    } catch {
      setState({ status: 'error', message: documents.processFailed, canResend: false })
      return
    }
    if (jpeg.size > IMAGE_LIMITS.maxBytes) {
      setState({ status: 'error', message: documents.processFailed, canResend: false })
      return
    }
    useWizardStore.getState().setImage(image, { url: URL.createObjectURL(jpeg), blob: jpeg })
    await send(jpeg)
  }

  const resend = () => {
    const captured = useWizardStore.getState().images[key]
    if (captured) void send(captured.blob)
  }

  return {
    state,
    fromFile: (file: Blob) => accept(() => processor.fromFile(file)),
    fromVideo: (video: HTMLVideoElement, onPrepared: () => void) => accept(() => processor.fromVideo(video), onPrepared),
    resend,
  }
}
