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
 * j / k: the next or previous person of the household. Focus goes to what the person's number
 * needs next — the agreement's button (`data-queue-focus`), else the field where the number is
 * typed — or to their section; it is scrolled into view. The current person is the one focus was
 * last in (a click counts), and a new household starts before its first person.
 * Returns the ref callback for the person at each index.
 */
export function usePersonKeys(household: string) {
  const sections = useRef<(HTMLElement | null)[]>([])
  const current = useRef(-1)
  const present = () => sections.current.filter((section): section is HTMLElement => section !== null && section.isConnected)
  useEffect(() => {
    current.current = -1
    const onFocusIn = (event: FocusEvent) => {
      const index = present().findIndex((section) => section.contains(event.target as Node))
      if (index >= 0) current.current = index
    }
    document.addEventListener('focusin', onFocusIn)
    return () => document.removeEventListener('focusin', onFocusIn)
  }, [household])
  useKey((key) => {
    if (key !== 'j' && key !== 'k') return false
    const persons = present()
    if (persons.length === 0) return false
    const to = Math.min(persons.length - 1, Math.max(0, key === 'j' ? current.current + 1 : current.current - 1))
    current.current = to
    const section = persons[to]!
    const target = section.querySelector<HTMLElement>('[data-queue-focus]') ?? section.querySelector<HTMLElement>('input[name="number"]')
    section.scrollIntoView?.({ block: 'start' })
    ;(target ?? section).focus({ preventScroll: true })
    return true
  })
  return useCallback(
    (index: number) => (element: HTMLElement | null) => {
      sections.current[index] = element
    },
    [],
  )
}
