import { useT } from '../../../lib/use-t.ts'
import { useWizardStore } from '../stores/wizard-store.ts'

/** 「戻る」 within the document wizard: the previous step of the store's history. */
export function WizardBackButton({ disabled }: { disabled?: boolean }) {
  const { t } = useT()
  return (
    <button type="button" className="button button--link" onClick={() => useWizardStore.getState().back()} disabled={disabled}>
      {t('common.back')}
    </button>
  )
}
