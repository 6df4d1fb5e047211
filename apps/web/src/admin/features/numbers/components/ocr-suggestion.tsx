import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useReadNumberOcr } from '../api/read-number-ocr.ts'
import { groupDigits, numberText as t } from '../messages.ts'

/** 「OCR で読み取る」: shows the suggestion; only 「この番号を入力欄に入れる」 puts it in the input. */
export function OcrSuggestion({ ids, onAccept }: { ids: { campaignId: string; employeeId: string; personId: string }; onAccept: (digits: string) => void }) {
  const ocr = useReadNumberOcr(ids.campaignId, ids.employeeId, ids.personId)
  const suggestion = ocr.data?.suggestion
  return (
    <div className="admin-ocr">
      <div className="admin-actions">
        <button type="button" className="admin-button" onClick={() => ocr.mutate()} disabled={ocr.isPending}>
          {ocr.isPending ? t.ocrReading : t.ocr}
        </button>
      </div>
      <p className="admin-hint">{t.ocrNote}</p>
      {ocr.isSuccess && (
        <div role="status">
          {suggestion ? (
            <>
              <p>{t.ocrSuggestion(groupDigits(suggestion))}</p>
              <button
                type="button"
                className="admin-button"
                onClick={() => {
                  onAccept(groupDigits(suggestion))
                  ocr.reset()
                }}
              >
                {t.ocrAccept}
              </button>
            </>
          ) : (
            <p>{t.ocrNone}</p>
          )}
        </div>
      )}
      <ErrorAlert error={ocr.error} />
    </div>
  )
}
