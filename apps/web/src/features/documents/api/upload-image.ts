import type { ImageSlot } from '@bango/shared/documents'
import { imageResponseSchema } from '@bango/shared/employee-api'
import { apiUpload } from '../../../lib/api-client.ts'

/**
 * Uploads one prepared JPEG as the draft for its role/slot/side (a re-upload replaces it).
 * The text fields precede the file so the API can check them before streaming the bytes.
 */
export function uploadImage(personId: string, image: ImageSlot, type: string, jpeg: Blob, onProgress?: (fraction: number) => void) {
  const form = new FormData()
  form.append('role', image.role)
  form.append('slot', String(image.slot))
  form.append('side', image.side)
  form.append('type', type)
  form.append('file', jpeg, `${image.role}-${image.slot}-${image.side}.jpg`)
  return apiUpload(`/api/employee/persons/${encodeURIComponent(personId)}/images`, {
    body: form,
    schema: imageResponseSchema,
    onProgress,
  })
}
