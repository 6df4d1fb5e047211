import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { applyLanguage, detectLanguage, storageKey } from '../lib/i18n.ts'
import { ContactNote } from './contact-note.tsx'
import { LanguageSwitcher } from './language-switcher.tsx'

afterEach(async () => {
  localStorage.clear()
  await applyLanguage('ja')
})

describe('detectLanguage', () => {
  it('prefers the remembered choice, then the first browser language we have, then Japanese', () => {
    expect(detectLanguage('vi', ['en-US'])).toBe('vi')
    expect(detectLanguage(null, ['fr-FR', 'pt-BR', 'en'])).toBe('pt')
    expect(detectLanguage('xx', ['zh-CN'])).toBe('zh')
    expect(detectLanguage(null, ['fr', 'ko'])).toBe('ja')
  })
})

describe('LanguageSwitcher', () => {
  it('switches every mounted text, the page language and remembers the choice', async () => {
    render(
      <>
        <LanguageSwitcher />
        <ContactNote contact="人事部 03-0000-0000" />
      </>,
    )
    expect(screen.getByText(/問い合わせ先：/)).toBeInTheDocument()
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language / 言語' }), 'English')
    expect(await screen.findByText(/Contact:/)).toBeInTheDocument()
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(storageKey)).toBe('en')
    expect(screen.getByRole('option', { name: 'Tiếng Việt' })).toHaveAttribute('lang', 'vi')
  })
})
