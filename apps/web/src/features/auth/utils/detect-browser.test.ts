import { describe, expect, it } from 'vitest'
import { detectBrowser } from './detect-browser.ts'

const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'

describe('detectBrowser', () => {
  it('accepts Safari on iPhone and Chrome on Android', () => {
    expect(detectBrowser(SAFARI)).toEqual({ inApp: null, platform: 'ios', internetExplorer: false })
    expect(detectBrowser(CHROME_ANDROID)).toEqual({ inApp: null, platform: 'android', internetExplorer: false })
  })

  it('recognises the LINE and Instagram in-app browsers', () => {
    expect(detectBrowser(`${SAFARI} Line/14.9.0`).inApp).toEqual({ name: 'LINE' })
    expect(detectBrowser(`${CHROME_ANDROID} Instagram 300.0.0.0 Android`).inApp).toEqual({ name: 'Instagram' })
  })

  it('names an app as every language reads it (its brand), never in Japanese words', () => {
    expect(detectBrowser(`${SAFARI} GSA/300.0.1`).inApp).toEqual({ name: 'Google' })
    expect(detectBrowser(`${CHROME_ANDROID} YJApp-ANDROID jp.co.yahoo.android.yjtop/3.150.0`).inApp).toEqual({ name: 'Yahoo! JAPAN' })
    expect(detectBrowser(`${SAFARI} Twitter for iPhone/10.0`).inApp).toEqual({ name: 'X (Twitter)' })
  })

  it('recognises an Android WebView inside a mail app, without a name to give', () => {
    const webView = 'Mozilla/5.0 (Linux; Android 13; SO-51C; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36'
    expect(detectBrowser(webView)).toMatchObject({ inApp: { name: null }, platform: 'android' })
  })

  it('recognises Internet Explorer 11', () => {
    expect(detectBrowser('Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko').internetExplorer).toBe(true)
  })
})
