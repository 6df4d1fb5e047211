/**
 * Recognises browsers the manual does not support: in-app browsers (no camera API,
 * cookies and storage cut off) and Internet Explorer.
 */
export interface BrowserReport {
  /** In an app's own browser: the app's name (its brand, read alike in every language), or null for an app we cannot name. */
  inApp: { name: string | null } | null
  platform: 'ios' | 'android' | 'other'
  internetExplorer: boolean
}

const IN_APP_BROWSERS: ReadonlyArray<readonly [RegExp, string | null]> = [
  [/\bLine\//i, 'LINE'],
  [/Instagram/i, 'Instagram'],
  [/FBAN|FBAV|FB_IAB|FBIOS/i, 'Facebook'],
  [/Twitter/i, 'X (Twitter)'],
  [/GSA\//, 'Google'],
  [/YahooMobile|YJApp/i, 'Yahoo! JAPAN'],
  [/GmailApp|\bGmail\//i, 'Gmail'],
  [/Outlook-iOS|Outlook-Android|\bOutlook\//i, 'Outlook'],
  [/Spark\//i, 'Spark'],
  // An Android app's web view: which app, the user agent does not say.
  [/\bwv\)/, null],
]

export function detectBrowser(userAgent: string): BrowserReport {
  const platform = /iPhone|iPad|iPod/i.test(userAgent) ? 'ios' : /Android/i.test(userAgent) ? 'android' : 'other'
  const match = IN_APP_BROWSERS.find(([pattern]) => pattern.test(userAgent))
  return {
    inApp: match ? { name: match[1] } : null,
    platform,
    internetExplorer: /MSIE |Trident\//.test(userAgent),
  }
}
