/**
 * HR's wording of each purpose in the employees' languages (ADR 050): per language, one optional
 * line per purpose, beside the Japanese it words. Blank: a default purpose shows its built-in
 * wording (said under the field), another purpose its Japanese with a note to the employee.
 */
import { LANGUAGES, TRANSLATED_LANGUAGES, type TranslatedLanguage } from '@bango/shared/languages'
import { builtInWording } from '@bango/shared/purposes'
import type { FieldErrors } from '../../../lib/form.ts'
import { campaigns as t } from '../../../messages/ja.ts'

export type PurposeWordings = Record<TranslatedLanguage, string[]>

interface PurposeWordingsFieldProps {
  purposes: string[]
  wordings: PurposeWordings
  onChange: (wordings: PurposeWordings) => void
  errors: FieldErrors
  disabled: boolean
}

/** Collapsed per language until it holds a wording: most campaigns keep the default purposes. */
export function PurposeWordingsField({ purposes, wordings, onChange, errors, disabled }: PurposeWordingsFieldProps) {
  const set = (language: TranslatedLanguage, index: number, value: string) =>
    onChange({ ...wordings, [language]: purposes.map((_, i) => (i === index ? value : (wordings[language][i] ?? ''))) })
  return (
    <fieldset className="admin-fieldset" aria-describedby="wordings-hint">
      <legend>{t.wordings}</legend>
      <p className="admin-hint" id="wordings-hint">
        {t.wordingsHint}
      </p>
      {TRANSLATED_LANGUAGES.map((language) => {
        const { name, htmlLang, japaneseName } = LANGUAGES.find((l) => l.code === language)!
        const given = purposes.filter((_, i) => (wordings[language][i] ?? '').trim() !== '').length
        return (
          <details key={language} className="admin-wordings" open={given > 0}>
            <summary>{t.wordingsOf(`${japaneseName}（${name}）`, given, purposes.length)}</summary>
            <ol className="admin-purposes">
              {purposes.map((purpose, index) => {
                const id = `wording-${language}-${index}`
                const field = `purposeTranslations.${language}.${index}`
                const builtIn = builtInWording(purpose, language)
                return (
                  <li key={index} className="admin-field">
                    <label htmlFor={id}>
                      {purpose.trim() || t.purposeLabel(index + 1)}
                      {/* Told apart from the same purpose in the other languages. */}
                      <span className="admin-visually-hidden">（{japaneseName}）</span>
                    </label>
                    <input
                      id={id}
                      name={field}
                      lang={htmlLang}
                      value={wordings[language][index] ?? ''}
                      disabled={disabled}
                      onChange={(event) => set(language, index, event.target.value)}
                      aria-invalid={errors[field] ? true : undefined}
                      aria-describedby={`${id}-hint${errors[field] ? ` ${id}-error` : ''}`}
                    />
                    <p className="admin-hint" id={`${id}-hint`}>
                      {builtIn ? t.wordingBuiltIn(builtIn) : t.wordingFallback}
                    </p>
                    {errors[field] && (
                      <p className="admin-field__error" id={`${id}-error`}>
                        {errors[field]}
                      </p>
                    )}
                  </li>
                )
              })}
            </ol>
          </details>
        )
      })}
    </fieldset>
  )
}
