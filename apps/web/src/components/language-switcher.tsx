import { useTranslation } from 'react-i18next'
import { chooseLanguage, i18n, languages, type Language } from '../lib/i18n.ts'

/** On every employee screen: each language named in its own words, so anyone can find theirs. */
export function LanguageSwitcher() {
  const { i18n: current } = useTranslation(undefined, { i18n })
  return (
    <header className="language-bar">
      <select aria-label="Language / 言語" value={current.language} onChange={(event) => void chooseLanguage(event.target.value as Language)}>
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.htmlLang}>
            {language.name}
          </option>
        ))}
      </select>
    </header>
  )
}
