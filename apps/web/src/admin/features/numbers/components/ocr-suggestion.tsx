import { useEffect, useEffectEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Facts } from '../../../components/facts.tsx'
import { useNumberReading } from '../api/read-number-ocr.ts'
import { groupDigits, numberText as t } from '../messages.ts'

/**
 * The OCR suggestion, asked for as the first entry opens (the number was read when the photo
 * arrived: no wait), beside the number the employee typed when the campaign asked for it. A
 * suggestion fills the empty entry; HR compares it with the image before registering it.
 */
export function OcrSuggestion({ ids, onSuggest }: { ids: { campaignId: string; employeeId: string; personId: string }; onSuggest: (digits: string) => void }) {
  const ocr = useNumberReading(ids.campaignId, ids.employeeId, ids.personId)
  const suggest = useEffectEvent((digits: string) => onSuggest(digits))
  const suggestion = ocr.data?.suggestion
  useEffect(() => {
    if (suggestion) suggest(groupDigits(suggestion))
  }, [suggestion])

  const reading = ocr.data
  return (
    <div className="admin-ocr">
      {ocr.isPending && <p role="status">{t.ocrReading}</p>}
      {reading && (
        <div role="status">
          <Facts
            facts={[
              [t.ocrLabel, reading.suggestion ? groupDigits(reading.suggestion) : t.ocrNone],
              [t.employeeTypedLabel, reading.employeeEntry ? groupDigits(reading.employeeEntry) : t.employeeTypedNone],
            ]}
          />
          {reading.suggestion && reading.employeeEntry && reading.suggestion !== reading.employeeEntry && (
            <p className="admin-notice admin-notice--warning">{t.ocrDiffersFromEmployee}</p>
          )}
        </div>
      )}
      <p className="admin-hint">{t.ocrNote}</p>
      {reading?.suggestion && (
        <div className="admin-actions">
          <button type="button" className="admin-button" onClick={() => onSuggest(groupDigits(reading.suggestion!))}>
            {t.ocrAccept}
          </button>
        </div>
      )}
      <ErrorAlert error={ocr.error} />
    </div>
  )
}
