import { useT } from '../lib/use-t.ts'

/** 問い合わせ先 set by HR on the campaign: where the employee turns when something goes wrong. */
export function ContactNote({ contact }: { contact: string | null | undefined }) {
  const { t } = useT()
  if (!contact) return null
  return (
    <p className="contact">
      <span className="contact__label">{t('common.contactLabel')}</span>
      {contact}
    </p>
  )
}
