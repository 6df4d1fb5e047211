import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useT } from '../../../lib/use-t.ts'

interface SubmitConfirmProps {
  onSubmit: () => void
  onBack: () => void
}

/**
 * The last question before 「完了」 submits (after it, only HR's 差し戻し reopens anything): a modal
 * alert dialog. Focus starts on 「戻る」 so a second Enter does not submit, Tab stays inside, and
 * Escape is 「戻る」; the page puts focus back on 「完了」.
 */
export function SubmitConfirm({ onSubmit, onBack }: SubmitConfirmProps) {
  const { t } = useT()
  const back = useRef<HTMLButtonElement>(null)
  const submit = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    back.current?.focus()
  }, [])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onBack()
    } else if (event.key === 'Tab') {
      // Two buttons: Tab and Shift+Tab both move to the other one.
      event.preventDefault()
      ;(document.activeElement === back.current ? submit : back).current?.focus()
    }
  }

  return (
    <div className="confirm-backdrop">
      <div
        className="confirm-dialog card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="submit-confirm-title"
        aria-describedby="submit-confirm-body"
        onKeyDown={onKeyDown}
      >
        <h2 id="submit-confirm-title">{t('targets.confirmTitle')}</h2>
        <p id="submit-confirm-body">{t('targets.confirmBody')}</p>
        <div className="confirm-dialog__actions">
          <button ref={submit} type="button" className="button" onClick={onSubmit}>
            {t('targets.confirmSubmit')}
          </button>
          <button ref={back} type="button" className="button button--secondary" onClick={onBack}>
            {t('common.back')}
          </button>
        </div>
      </div>
    </div>
  )
}
