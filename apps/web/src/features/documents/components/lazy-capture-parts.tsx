/**
 * The camera (react-webcam), the masking canvas and the example illustrations, downloaded when
 * first needed rather than with the wizard: most steps need none of them, and a PC without a
 * camera never opens it. While the chunk loads the step shows the loading status in their place.
 */
import { Suspense, type ComponentProps } from 'react'
import { LazyBoundary, lazyNamed } from '../../../components/lazy-screen.tsx'
import type * as Camera from './camera-panel.tsx'
import type * as Examples from './document-examples.tsx'
import type * as Mask from './mask-editor.tsx'

const LazyCameraPanel = lazyNamed(() => import('./camera-panel.tsx'), 'CameraPanel')
const LazyMaskEditor = lazyNamed(() => import('./mask-editor.tsx'), 'MaskEditor')
const LazyDocumentExample = lazyNamed(() => import('./document-examples.tsx'), 'DocumentExample')

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

/** An illustration only: while it loads, its place is kept empty (no status to announce). */
export function DocumentExample(props: ComponentProps<typeof Examples.DocumentExample>) {
  return (
    <LazyBoundary>
      <Suspense fallback={<div className="example example--loading" aria-hidden="true" />}>
        <LazyDocumentExample {...props} />
      </Suspense>
    </LazyBoundary>
  )
}
