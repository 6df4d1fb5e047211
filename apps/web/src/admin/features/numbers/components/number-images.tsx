import { useId } from 'react'
import { DOCUMENT_TYPE_LABELS } from '@bango/shared/documents'
import type { NumberStateResponse } from '@bango/shared/admin-number'
import { ImageViewer } from '../../../components/image-viewer.tsx'
import { numberText as t } from '../messages.ts'

/** The person's number-document images beside the entry, the side with the number first: HR types (or confirms) looking at it. */
export function NumberImages({ campaignId, images, level = 2 }: { campaignId: string; images: NumberStateResponse['images']; level?: 2 | 3 }) {
  const headingId = useId()
  const Heading = level === 3 ? 'h3' : 'h2'
  return (
    <section aria-labelledby={headingId} className="admin-section number-images">
      <Heading id={headingId}>{t.imagesTitle}</Heading>
      {images.length === 0 && <p>{t.noImages}</p>}
      {images.map((image) => (
        <ImageViewer
          key={image.documentId}
          campaignId={campaignId}
          documentId={image.documentId}
          label={t.imageLabel(DOCUMENT_TYPE_LABELS[image.type as keyof typeof DOCUMENT_TYPE_LABELS] ?? image.type, t.sides[image.side])}
        />
      ))}
    </section>
  )
}
