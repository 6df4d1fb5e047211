import { auth } from '../../../messages/ja.ts'
import { detectBrowser } from '../utils/detect-browser.ts'

/** Supported browsers as the manual lists them, plus advice when this one is not among them. */
export function BrowserNotice({ userAgent = navigator.userAgent }: { userAgent?: string }) {
  const browser = detectBrowser(userAgent)
  return (
    <>
      {browser.internetExplorer && (
        <div className="notice notice--warning" role="note">
          <h2>{auth.ieTitle}</h2>
          <p>{auth.ieBody}</p>
        </div>
      )}
      {browser.inApp && (
        <div className="notice notice--warning" role="note">
          <h2>{auth.inAppTitle(browser.inApp)}</h2>
          <p>{auth.inAppBody}</p>
          <p>{browser.platform === 'ios' ? auth.inAppIos : browser.platform === 'android' ? auth.inAppAndroid : auth.inAppOther}</p>
          {browser.platform !== 'other' && <p>{auth.inAppOther}</p>}
          <p>{auth.inAppContinue}</p>
        </div>
      )}
      <section className="card" aria-labelledby="supported-browsers">
        <h2 id="supported-browsers">{auth.supportedBrowsersTitle}</h2>
        <ul>
          {auth.supportedBrowsers.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>{auth.ieNotSupported}</p>
        <p className="hint">{auth.cameraNote}</p>
      </section>
    </>
  )
}
