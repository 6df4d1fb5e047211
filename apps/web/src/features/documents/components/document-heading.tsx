import { identityDocumentCount, type IdentityDocumentType, type ImageSlot, type NumberDocumentType } from '@bango/shared/documents'
import { documents, identityDocumentNames, numberDocumentNames } from '../../../messages/ja.ts'
import { useWizardStore } from '../stores/wizard-store.ts'

/** 番号確認書類 / 身元確認書類 n 種類目 and the document's name. */
export function DocumentHeading({ image, type }: { image: ImageSlot; type: string }) {
  const withPhoto = useWizardStore((s) => s.identity?.withPhoto ?? true)
  if (image.role === 'number') {
    return (
      <>
        <p className="eyebrow">{documents.numberDocumentTitle}</p>
        <h2>{numberDocumentNames[type as NumberDocumentType]}</h2>
      </>
    )
  }
  return (
    <>
      <p className="eyebrow">{documents.identityOrdinal(image.slot, identityDocumentCount(withPhoto))}</p>
      <h2>{identityDocumentNames[type as IdentityDocumentType]}</h2>
    </>
  )
}
