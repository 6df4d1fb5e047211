/**
 * Recognises browsers the manual does not support: in-app browsers (no camera API,
 * cookies and storage cut off) and Internet Explorer.
 */
export interface BrowserReport {
  inApp: string | null
  platform: 'ios' | 'android' | 'other'
  internetExplorer: boolean
}

const IN_APP_BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bLine\//i, 'LINE'],
  [/Instagram/i, 'Instagram'],
  [/FBAN|FBAV|FB_IAB|FBIOS/i, 'Facebook'],
  [/Twitter/i, 'X（Twitter）'],
  [/GSA\//, 'Google アプリ'],
  [/YahooMobile|YJApp/i, 'Yahoo! JAPAN アプリ'],
  [/GmailApp|\bGmail\//i, 'Gmail'],
  [/Outlook-iOS|Outlook-Android|\bOutlook\//i, 'Outlook'],
  [/Spark\//i, 'Spark'],
  [/\bwv\)/, 'アプリ'],
]

export function detectBrowser(userAgent: string): BrowserReport {
  const platform = /iPhone|iPad|iPod/i.test(userAgent) ? 'ios' : /Android/i.test(userAgent) ? 'android' : 'other'
  const match = IN_APP_BROWSERS.find(([pattern]) => pattern.test(userAgent))
  return {
    inApp: match ? match[1] : null,
    platform,
    internetExplorer: /MSIE |Trident\//.test(userAgent),
  }
}
