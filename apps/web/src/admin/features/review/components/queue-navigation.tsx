import type { ReviewQueue } from '@bango/shared/admin-review'
import { useCallback, useEffect, useEffectEvent, useRef } from 'react'
import { Link, useNavigate } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { useReviewQueue } from '../api/review-queue.ts'
import { reviewText as t } from '../messages.ts'

type Household = ReviewQueue['households'][number]

/**
 * The households before and after this one in the queue (oldest 完了 first). A household whose
 * work is done has left the queue: its neighbours are found by its place in that order.
 */
export function neighbours(households: readonly Household[], employeeId: string, submittedAt: string | null) {
  const index = households.findIndex((household) => household.employeeId === employeeId)
  if (index >= 0) return { previous: households[index - 1] ?? null, next: households[index + 1] ?? null, position: index + 1 }
  const after = (household: Household) =>
    submittedAt !== null && (household.submittedAt > submittedAt || (household.submittedAt === submittedAt && household.employeeId > employeeId))
  const nextIndex = households.findIndex(after)
  const next = nextIndex >= 0 ? households[nextIndex]! : null
  return { previous: (nextIndex >= 0 ? households[nextIndex - 1] : households[households.length - 1]) ?? null, next, position: null }
}

/** Whether a key press is typing (into a field), not a command. */
const typing = (event: KeyboardEvent) =>
  event.ctrlKey ||
  event.metaKey ||
  event.altKey ||
  (event.target instanceof HTMLElement && (event.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.target.tagName)))

function useKey(handler: (key: string) => boolean) {
  const handle = useEffectEvent(handler)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!typing(event) && handle(event.key)) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

/** Where this household stands in the review queue, the previous and next household (keys p / n). */
export function QueueNavigation({ campaignId, employeeId, submittedAt }: { campaignId: string; employeeId: string; submittedAt: string | null }) {
  const queue = useReviewQueue(campaignId)
  const { refetch } = queue
  const navigate = useNavigate()
  // The queue changes as HR works: asked again for each household.
  useEffect(() => void refetch(), [employeeId, refetch])
  const households = queue.data?.households ?? []
  const { previous, next, position } = neighbours(households, employeeId, submittedAt)
  useKey((key) => {
    const to = key === 'n' ? next : key === 'p' ? previous : null
    if (to) void navigate(paths.submission(campaignId, to.employeeId))
    return to !== null
  })
  if (!queue.data) return null
  return (
    <nav aria-label={t.queueLabel} className="review-queue">
      {previous ? (
        <Link to={paths.submission(campaignId, previous.employeeId)} aria-keyshortcuts="p" className="review-queue__previous">
          {t.previousHousehold(previous.name)}
        </Link>
      ) : (
        <span />
      )}
      <span>{position ? t.queuePosition(position, households.length) : t.queueLeft(households.length)}</span>
      {next ? (
        <Link to={paths.submission(campaignId, next.employeeId)} aria-keyshortcuts="n" className="review-queue__next">
          {t.nextHousehold(next.name)}
        </Link>
      ) : (
        <span className="review-queue__next">{t.queueEnd}</span>
      )}
      <p className="admin-hint review-queue__keys">{t.keysHint}</p>
    </nav>
  )
}

/**
 * j / k: the next or previous person of the household. Focus goes to the field where their
 * number is typed when there is one, else to their section; either is scrolled into view.
 * Returns the ref callback for the person at each index.
 */
export function usePersonKeys() {
  const sections = useRef<(HTMLElement | null)[]>([])
  const current = useRef(-1)
  useKey((key) => {
    if (key !== 'j' && key !== 'k') return false
    const present = sections.current.filter((section): section is HTMLElement => section !== null && section.isConnected)
    if (present.length === 0) return false
    const focused = present.findIndex((section) => section.contains(document.activeElement))
    const from = focused >= 0 ? focused : current.current
    const to = Math.min(present.length - 1, Math.max(0, key === 'j' ? from + 1 : from - 1))
    current.current = to
    const section = present[to]!
    const field = section.querySelector<HTMLInputElement>('input[name="number"]')
    section.scrollIntoView?.({ block: 'start' })
    ;(field ?? section).focus({ preventScroll: true })
    return true
  })
  return useCallback(
    (index: number) => (element: HTMLElement | null) => {
      sections.current[index] = element
    },
    [],
  )
}
