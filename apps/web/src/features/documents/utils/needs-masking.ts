import type { ImageSlot } from '@bango/shared/documents'

/**
 * A 健康保険証 / 資格確認書 must not reach HR with its 保険者番号, 記号・番号 or QR code
 * readable (健康保険法 告知要求制限): both sides go through the masking tool before upload.
 * @see ../../../../../../docs/product.md "5. The identity document"
 */
export const needsMasking = (image: ImageSlot, type: string) => image.role === 'identity' && type === 'health_insurance'
