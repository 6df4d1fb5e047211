import { useCallback, useEffect, useRef, useState } from 'react'
import { useT } from '../../../lib/use-t.ts'

const LEVELS = [1, 2, 4] as const

/**
 * A thumbnail that opens the image full-screen, zoomable, so the employee can check the
 * 12 digits are legible before 「登録する」. Escape or 「閉じる」 returns focus to the thumbnail.
 */
export function ImageZoom({ src, caption }: { src: string; caption: string }) {
  const { t } = useT()
  const [open, setOpen] = useState(false)
  const [level, setLevel] = useState(0)
  const opener = useRef<HTMLButtonElement>(null)
  const closer = useRef<HTMLButtonElement>(null)

  const close = useCallback(() => {
    setOpen(false)
    setLevel(0)
    opener.current?.focus()
  }, [])

  useEffect(() => {
    if (!open) return
    closer.current?.focus()
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close()
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open, close])

  return (
    <>
      <button ref={opener} type="button" className="thumbnail-button" onClick={() => setOpen(true)} aria-label={t('documents.zoomOpen', { caption })}>
        {/* Named by the button and the caption beside it: the picture itself adds no text. */}
        <img src={src} alt="" />
      </button>
      {open && (
        <div className="zoom" role="dialog" aria-modal="true" aria-label={caption}>
          <div className="zoom__bar">
            <button type="button" className="button button--secondary" onClick={() => setLevel((l) => Math.max(0, l - 1))} disabled={level === 0}>
              {t('documents.zoomOut')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setLevel((l) => Math.min(LEVELS.length - 1, l + 1))}
              disabled={level === LEVELS.length - 1}
            >
              {t('documents.zoomIn')}
            </button>
            <button ref={closer} type="button" className="button" onClick={close}>
              {t('documents.zoomClose')}
            </button>
          </div>
          <p className="zoom__level" aria-live="polite">
            {t('documents.zoomLevel', { times: LEVELS[level]! })}
          </p>
          <div className="zoom__view">
            <img src={src} alt={caption} style={{ width: `${LEVELS[level]! * 100}%` }} />
          </div>
        </div>
      )}
    </>
  )
}
