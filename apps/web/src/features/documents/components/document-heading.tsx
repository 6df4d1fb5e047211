import { identityDocumentCount, type IdentityDocumentType, type ImageSlot, type NumberDocumentType } from '@bango/shared/documents'
import { useT } from '../../../lib/use-t.ts'
import { useWizardStore } from '../stores/wizard-store.ts'

/** 番号確認書類 / 身元確認書類 n 種類目 and the document's name. */
export function DocumentHeading({ image, type }: { image: ImageSlot; type: string }) {
  const { t } = useT()
  const withPhoto = useWizardStore((s) => s.identity?.withPhoto ?? true)
  if (image.role === 'number') {
    return (
      <>
        <p className="eyebrow">{t('documents.numberDocumentTitle')}</p>
        <h2>{t(`numberDocumentNames.${type as NumberDocumentType}`)}</h2>
      </>
    )
  }
  return (
    <>
      <p className="eyebrow">
        {identityDocumentCount(withPhoto) > 1
          ? t('documents.identityOrdinal', { ordinal: image.slot + 1, total: identityDocumentCount(withPhoto) })
          : t('documents.identityOrdinalSingle')}
      </p>
      <h2>{t(`identityDocumentNames.${type as IdentityDocumentType}`)}</h2>
    </>
  )
}
