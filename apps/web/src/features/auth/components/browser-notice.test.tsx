import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { applyLanguage } from '../../../lib/i18n.ts'
import { BrowserNotice } from './browser-notice.tsx'

const WEB_VIEW = 'Mozilla/5.0 (Linux; Android 13; SO-51C; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36'
const GOOGLE_APP = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/300.0.1 Mobile/15E148 Safari/604.1'

afterEach(async () => {
  await applyLanguage('ja')
})

describe('BrowserNotice', () => {
  it('tells an English employee in English which app’s browser they are in, or that it is an app’s', async () => {
    await applyLanguage('en')
    const { unmount } = render(<BrowserNotice userAgent={WEB_VIEW} />)
    expect(screen.getByRole('heading', { level: 2, name: 'This page is open in an app’s in-app browser' })).toBeInTheDocument()
    unmount()
    render(<BrowserNotice userAgent={GOOGLE_APP} />)
    expect(screen.getByRole('heading', { level: 2, name: 'This page is open in the in-app browser of Google' })).toBeInTheDocument()
  })

  it('says it in Japanese to a Japanese employee', () => {
    render(<BrowserNotice userAgent={WEB_VIEW} />)
    expect(screen.getByRole('heading', { level: 2, name: 'アプリ内ブラウザで開いています' })).toBeInTheDocument()
  })
})
