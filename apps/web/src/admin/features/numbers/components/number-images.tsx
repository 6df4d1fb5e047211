import { DOCUMENT_TYPE_LABELS } from '@bango/shared/documents'
import type { NumberStateResponse } from '@bango/shared/admin-number'
import { ImageViewer } from '../../../components/image-viewer.tsx'
import { numberText as t } from '../messages.ts'

/** The person's number-document images beside the entry, the side with the number first: HR types (or confirms) looking at it. */
export function NumberImages({ campaignId, images }: { campaignId: string; images: NumberStateResponse['images'] }) {
  return (
    <section aria-labelledby="number-images" className="admin-section number-images">
      <h2 id="number-images">{t.imagesTitle}</h2>
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
