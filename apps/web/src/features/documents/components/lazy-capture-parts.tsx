/**
 * The camera (react-webcam) and the masking canvas, downloaded when first opened rather than
 * with the wizard: most steps need neither, and a PC without a camera never opens it. While
 * the chunk loads the step shows the loading status in their place.
 */
import type { ComponentProps } from 'react'
import { LazyBoundary, lazyNamed } from '../../../components/lazy-screen.tsx'
import type * as Camera from './camera-panel.tsx'
import type * as Mask from './mask-editor.tsx'

const LazyCameraPanel = lazyNamed(() => import('./camera-panel.tsx'), 'CameraPanel')
const LazyMaskEditor = lazyNamed(() => import('./mask-editor.tsx'), 'MaskEditor')

export function CameraPanel(props: ComponentProps<typeof Camera.CameraPanel>) {
  return (
    <LazyBoundary>
      <LazyCameraPanel {...props} />
    </LazyBoundary>
  )
}

export function MaskEditor(props: ComponentProps<typeof Mask.MaskEditor>) {
  return (
    <LazyBoundary>
      <LazyMaskEditor {...props} />
    </LazyBoundary>
  )
}
