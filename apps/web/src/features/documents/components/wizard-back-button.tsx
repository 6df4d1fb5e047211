import { common } from '../../../messages/ja.ts'
import { useWizardStore } from '../stores/wizard-store.ts'

/** 「戻る」 within the document wizard: the previous step of the store's history. */
export function WizardBackButton({ disabled }: { disabled?: boolean }) {
  return (
    <button type="button" className="button button--link" onClick={() => useWizardStore.getState().back()} disabled={disabled}>
      {common.back}
    </button>
  )
}
