import { useT } from '../../../lib/use-t.ts'
import { detectBrowser } from '../utils/detect-browser.ts'

/** Supported browsers as the manual lists them, plus advice when this one is not among them. */
export function BrowserNotice({ userAgent = navigator.userAgent }: { userAgent?: string }) {
  const { t, list } = useT()
  const browser = detectBrowser(userAgent)
  return (
    <>
      {browser.internetExplorer && (
        <div className="notice notice--warning" role="note">
          <h2>{t('auth.ieTitle')}</h2>
          <p>{t('auth.ieBody')}</p>
        </div>
      )}
      {browser.inApp && (
        <div className="notice notice--warning" role="note">
          <h2>{browser.inApp.name ? t('auth.inAppTitle', { app: browser.inApp.name }) : t('auth.inAppTitleUnnamed')}</h2>
          <p>{t('auth.inAppBody')}</p>
          <p>{browser.platform === 'ios' ? t('auth.inAppIos') : browser.platform === 'android' ? t('auth.inAppAndroid') : t('auth.inAppOther')}</p>
          {browser.platform !== 'other' && <p>{t('auth.inAppOther')}</p>}
          <p>{t('auth.inAppContinue')}</p>
        </div>
      )}
      <section className="card" aria-labelledby="supported-browsers">
        <h2 id="supported-browsers">{t('auth.supportedBrowsersTitle')}</h2>
        <ul>
          {list('auth.supportedBrowsers').map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>{t('auth.ieNotSupported')}</p>
        <p className="hint">{t('auth.cameraNote')}</p>
      </section>
    </>
  )
}
