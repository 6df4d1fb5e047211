import type { SubmissionReviewResponse } from '@bango/shared/admin-review'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { setCsrfToken } from '../../../lib/api-client.ts'
import { CAMPAIGN_ID, uuid } from '../../../test/factories.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { ReviewPage } from './review-page.tsx'
import { ReviewQueueStart } from './review-queue-start.tsx'

const employeeId = uuid()
const spouseId = uuid()
const base = `/api/admin/campaigns/${CAMPAIGN_ID}/employees/${employeeId}`
const queueUrl = `/api/admin/campaigns/${CAMPAIGN_ID}/review-queue`
/** This household alone in the queue. */
const queueAlone = { [`GET ${queueUrl}`]: () => json(200, { households: [] }) }
const imageIds = [uuid(), uuid(), uuid()]
const pending = { status: 'pending' as const, reason: null, note: null, reviewedAt: null }
const card = { numberDocument: { type: 'my_number_card' as const, hasBack: true }, identity: null }

function submission(spouseReview: SubmissionReviewResponse['persons'][number]['review'] = pending): SubmissionReviewResponse {
  const image = (id: string, side: 'front' | 'back') => ({ id, role: 'number' as const, slot: 0, side, type: 'my_number_card', width: 640, height: 400 })
  return {
    employeeId,
    submittedAt: '2026-11-26T03:00:00.000Z',
    persons: [
      {
        id: employeeId,
        kind: 'employee',
        name: '総合 太郎',
        kana: 'ソウゴウ タロウ',
        relationship: '本人',
        birthDate: '1980-04-01',
        status: 'registered',
        registration: card,
        images: [image(imageIds[0]!, 'front'), image(imageIds[1]!, 'back')],
        review: pending,
      },
      {
        id: spouseId,
        kind: 'dependent',
        name: '総合 花子',
        kana: 'ソウゴウ ハナコ',
        relationship: '配偶者',
        birthDate: '1982-02-02',
        status: 'registered',
        registration: card,
        images: [image(imageIds[2]!, 'front')],
        review: spouseReview,
      },
    ],
  }
}

const imageUrl = (id: string) => `/api/admin/campaigns/${CAMPAIGN_ID}/documents/${id}/image`
let created: string[]
let revoked: string[]

beforeEach(() => {
  setCsrfToken('csrf-token-1')
  created = []
  revoked = []
  let n = 0
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: vi.fn(() => {
        const url = `blob:review/${++n}`
        created.push(url)
        return url
      }),
      revokeObjectURL: vi.fn((url: string) => {
        revoked.push(url)
      }),
    }),
  )
})
afterEach(() => vi.unstubAllGlobals())

describe('ReviewPage', () => {
  it('shows each person with their documents and images (fetched without cache), zooms and rotates, and revokes the images on leaving', async () => {
    const fetchMock = mockFetch({
      ...queueAlone,
      [`GET ${base}/submission`]: () => json(200, submission()),
      ...Object.fromEntries(imageIds.map((id) => [`GET ${imageUrl(id)}`, () => new Response('jpeg', { headers: { 'Content-Type': 'image/jpeg' } })])),
    })
    const { router } = renderRoute(
      [
        { path: routePatterns.submission, element: <ReviewPage /> },
        { path: routePatterns.employee, element: <p>employee</p> },
      ],
      paths.submission(CAMPAIGN_ID, employeeId),
    )
    expect(await screen.findByRole('heading', { level: 1, name: '総合 太郎 さんの提出書類' })).toBeInTheDocument()
    const taro = screen.getByRole('region', { name: /総合 太郎/ })
    expect(within(taro).getByText('番号確認書類：マイナンバーカード')).toBeInTheDocument()
    // findAll resolves as soon as one image is there: wait for both (they load one by one).
    await waitFor(() => expect(within(taro).getAllByRole('img')).toHaveLength(2))
    const images = within(taro).getAllByRole('img')
    expect(images[0]).toHaveAccessibleName('番号確認書類（マイナンバーカード）おもて面の画像')
    expect(images[0]!.getAttribute('src')).toMatch(/^blob:review\//)
    for (const id of imageIds) expect(calls(fetchMock, `GET ${imageUrl(id)}`)[0]?.[1]).toMatchObject({ cache: 'no-store' })

    const tools = within(taro).getByRole('group', { name: '番号確認書類（マイナンバーカード）おもて面' })
    await userEvent.click(within(tools).getByRole('button', { name: '拡大' }))
    expect(images[0]).toHaveStyle({ transform: 'scale(1.5) rotate(0deg)' })
    await userEvent.click(within(tools).getByRole('button', { name: '90° 回転' }))
    expect(images[0]).toHaveStyle({ transform: 'scale(1.5) rotate(90deg)' })
    fireEvent.wheel(images[0]!.parentElement!, { deltaY: 100 })
    fireEvent.wheel(images[0]!.parentElement!, { deltaY: 100 })
    expect(images[0]).toHaveStyle({ transform: 'scale(0.75) rotate(90deg)' })

    await router.navigate(paths.employee(CAMPAIGN_ID, employeeId))
    expect(await screen.findByText('employee')).toBeInTheDocument()
    // Unmounting effects run after the new screen is committed: a loaded machine shows it first.
    await waitFor(() => expect([...revoked].sort()).toEqual([...created].sort()))
    expect(created).toHaveLength(3)
  })

  it('approves a person, and sends another back with a reason and a note', async () => {
    let spouseReview = pending
    const fetchMock = mockFetch({
      ...queueAlone,
      [`GET ${base}/submission`]: () => json(200, submission(spouseReview)),
      ...Object.fromEntries(imageIds.map((id) => [`GET ${imageUrl(id)}`, () => new Response('jpeg', { headers: { 'Content-Type': 'image/jpeg' } })])),
      [`POST ${base}/persons/${employeeId}/approve`]: () => json(200, { ...pending, status: 'approved', reviewedAt: '2026-11-26T04:00:00.000Z' }),
      [`POST ${base}/persons/${spouseId}/return`]: () => {
        spouseReview = { status: 'returned', reason: 'other', note: '裏面も撮影してください', reviewedAt: '2026-11-26T04:00:00.000Z' } as never
        return json(200, { ...spouseReview, notice: 'paper' })
      },
    })
    renderRoute([{ path: routePatterns.submission, element: <ReviewPage /> }], paths.submission(CAMPAIGN_ID, employeeId))
    const taro = await screen.findByRole('region', { name: /総合 太郎/ })
    await userEvent.click(within(taro).getByRole('button', { name: '総合 太郎 を承認' }))
    expect(await within(taro).findByText('承認しました。')).toBeInTheDocument()
    expect(calls(fetchMock, `POST ${base}/persons/${employeeId}/approve`)[0]?.[1]?.headers).toMatchObject({ 'x-csrf-token': 'csrf-token-1' })

    const hanako = screen.getByRole('region', { name: /総合 花子/ })
    await userEvent.click(within(hanako).getByRole('button', { name: '総合 花子 を差し戻し' }))
    const form = within(hanako).getByRole('form', { name: '差し戻しの理由' })
    await userEvent.selectOptions(within(form).getByLabelText('理由'), 'その他')
    await userEvent.click(within(form).getByRole('button', { name: '差し戻す' }))
    expect(within(form).getByRole('alert')).toHaveTextContent('「その他」の場合は補足を入力してください。')
    expect(calls(fetchMock, `POST ${base}/persons/${spouseId}/return`)).toHaveLength(0)

    await userEvent.type(within(form).getByLabelText(/補足/), '裏面も撮影してください')
    await userEvent.click(within(form).getByRole('button', { name: '差し戻す' }))
    // No address: HR is told to tell the employee on paper.
    expect(await within(hanako).findByText(/差し戻しました/)).toHaveTextContent('本人には紙などで、理由と期限を直接お知らせください。')
    expect(calls(fetchMock, `POST ${base}/persons/${spouseId}/return`)[0]?.[1]?.body).toBe(JSON.stringify({ reason: 'other', note: '裏面も撮影してください' }))
    expect(await within(hanako).findByText(/差し戻し（.*）：その他（裏面も撮影してください）/)).toBeInTheDocument()
    expect(within(hanako).queryByRole('button', { name: '総合 花子 を承認' })).not.toBeInTheDocument()
  })

  it('shows a 対象外 person without a review state or buttons: nothing to review', async () => {
    const ichiro = {
      id: uuid(),
      kind: 'dependent' as const,
      name: '総合 一郎',
      kana: 'ソウゴウ イチロウ',
      relationship: '子',
      birthDate: '2012-09-30',
      status: 'not_applicable' as const,
      registration: null,
      images: [],
      review: pending,
    }
    mockFetch({
      ...queueAlone,
      [`GET ${base}/submission`]: () => json(200, { ...submission(), persons: [...submission().persons, ichiro] }),
      ...Object.fromEntries(imageIds.map((id) => [`GET ${imageUrl(id)}`, () => new Response('jpeg', { headers: { 'Content-Type': 'image/jpeg' } })])),
    })
    renderRoute([{ path: routePatterns.submission, element: <ReviewPage /> }], paths.submission(CAMPAIGN_ID, employeeId))
    const section = await screen.findByRole('region', { name: /総合 一郎/ })
    expect(within(section).getByText('対象外（書類なし）')).toBeInTheDocument()
    expect(within(section).queryByText('未確認')).not.toBeInTheDocument()
    expect(within(section).queryByRole('button')).not.toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: /総合 太郎/ })).getByText('未確認')).toBeInTheDocument()
  })

  it('shows what the employee sent since, when HR comes back to the review — never the old images (a console that is never stale)', async () => {
    const returned = { status: 'returned' as const, reason: 'blurry' as const, note: null, reviewedAt: '2026-11-26T04:00:00.000Z' }
    let current = submission(returned)
    const redone = uuid()
    const fetchMock = mockFetch({
      ...queueAlone,
      [`GET ${base}/submission`]: () => json(200, current),
      ...Object.fromEntries(
        [...imageIds, redone].map((id) => [`GET ${imageUrl(id)}`, () => new Response('jpeg', { headers: { 'Content-Type': 'image/jpeg' } })]),
      ),
    })
    const { router } = renderRoute(
      [
        { path: routePatterns.submission, element: <ReviewPage /> },
        { path: routePatterns.employee, element: <p>employee</p> },
      ],
      paths.submission(CAMPAIGN_ID, employeeId),
    )
    const hanako = await screen.findByRole('region', { name: /総合 花子/ })
    expect(within(hanako).getByText(/ぼやけている/)).toBeInTheDocument()
    await router.navigate(paths.employee(CAMPAIGN_ID, employeeId))
    expect(await screen.findByText('employee')).toBeInTheDocument()

    // Meanwhile the employee redid 花子 with a new photo and pressed 完了 again.
    const [taro, spouse] = submission().persons
    current = { ...current, persons: [taro!, { ...spouse!, images: [{ ...spouse!.images[0]!, id: redone }] }] }
    await router.navigate(paths.submission(CAMPAIGN_ID, employeeId))
    const again = await screen.findByRole('region', { name: /総合 花子/ })
    // A loaded machine takes its time to fetch and show the image: not the default second.
    await waitFor(() => expect(within(again).getAllByRole('img')).toHaveLength(1), { timeout: 5_000 })
    expect(within(again).queryByText(/ぼやけている/)).not.toBeInTheDocument()
    expect(calls(fetchMock, `GET ${base}/submission`)).toHaveLength(2)
    // The image sent back (and deleted) was not asked for again.
    expect(calls(fetchMock, `GET ${imageUrl(imageIds[2]!)}`)).toHaveLength(1)
    expect(calls(fetchMock, `GET ${imageUrl(redone)}`)).toHaveLength(1)
  })

  it('walks the queue: HR’s record beside the images, the number beside them, the household approved at once, j / k between persons, n / p between households', async () => {
    const household = (name: string, submittedAt: string) => ({ employeeId: uuid(), name, employeeNumber: null, submittedAt, toReview: 1, toRecord: 1 })
    const before = household('前田 一郎', '2026-11-26T02:00:00.000Z')
    const after = household('後藤 三郎', '2026-11-26T04:00:00.000Z')
    const here = { ...household('総合 太郎', '2026-11-26T03:00:00.000Z'), employeeId }
    let households = [before, here, after]
    const fetchMock = mockFetch({
      [`GET ${queueUrl}`]: () => json(200, { households }),
      [`GET ${base}/submission`]: () => json(200, submission()),
      ...Object.fromEntries(imageIds.map((id) => [`GET ${imageUrl(id)}`, () => new Response('jpeg', { headers: { 'Content-Type': 'image/jpeg' } })])),
      [`POST ${base}/approve`]: () => {
        households = [before, after]
        return json(200, { approved: 2 })
      },
    })
    const { router } = renderRoute(
      [
        {
          path: routePatterns.submission,
          element: (
            <ReviewPage
              numberWork={({ personId }) => (
                <label>
                  番号 {personId}
                  <input name="number" />
                </label>
              )}
            />
          ),
        },
      ],
      paths.submission(CAMPAIGN_ID, employeeId),
    )
    const queue = await screen.findByRole('navigation', { name: '審査の順番' })
    expect(queue).toHaveTextContent('作業の残る 3 世帯のうち 2 番目')
    expect(within(queue).getByRole('link', { name: '← 前の従業員（前田 一郎）' })).toHaveAttribute('href', paths.submission(CAMPAIGN_ID, before.employeeId))
    expect(within(queue).getByRole('link', { name: '次の従業員（後藤 三郎）→' })).toHaveAttribute('href', paths.submission(CAMPAIGN_ID, after.employeeId))

    // HR's own record of each person, to compare with the documents; the number work beside the images.
    const hanako = await screen.findByRole('region', { name: /総合 花子/ })
    expect(within(hanako).getByText('フリガナ').nextSibling).toHaveTextContent('ソウゴウ ハナコ')
    expect(within(hanako).getByText('続柄').nextSibling).toHaveTextContent('配偶者')
    expect(within(hanako).getByRole('textbox', { name: `番号 ${spouseId}` })).toBeInTheDocument()

    // j: to the first person's number field; typed into the field, j is a letter, not a command.
    const taro = screen.getByRole('textbox', { name: `番号 ${employeeId}` })
    await userEvent.keyboard('j')
    expect(taro).toHaveFocus()
    await userEvent.keyboard('j')
    expect(taro).toHaveValue('j')
    // From the person (not a field): j to the next person's field, k back from there.
    await userEvent.click(screen.getByRole('heading', { level: 2, name: /総合 太郎/ }))
    await userEvent.keyboard('j')
    expect(within(hanako).getByRole('textbox')).toHaveFocus()
    await userEvent.click(within(hanako).getByRole('heading'))
    await userEvent.keyboard('k')
    expect(taro).toHaveFocus()

    // The household at once: both persons still to review.
    await userEvent.click(screen.getByRole('button', { name: '世帯をまとめて承認（2 人）' }))
    expect(await screen.findByText('2 人を承認しました。')).toBeInTheDocument()
    expect(calls(fetchMock, `POST ${base}/approve`)).toHaveLength(1)
    // Done here, this household left the queue: its neighbours stay where they were.
    await waitFor(() => expect(queue).toHaveTextContent('この世帯の作業は済みました。残り 2 世帯'))
    expect(within(queue).getByRole('link', { name: '次の従業員（後藤 三郎）→' })).toBeInTheDocument()
    // n: on to the next household.
    await userEvent.click(screen.getByRole('heading', { level: 1 }))
    await userEvent.keyboard('n')
    await waitFor(() => expect(router.state.location.pathname).toBe(paths.submission(CAMPAIGN_ID, after.employeeId)))
  })

  it('starts the queue at its oldest household, or says that nothing waits', async () => {
    const first = { employeeId, name: '総合 太郎', employeeNumber: 'E-1', submittedAt: '2026-11-26T03:00:00.000Z', toReview: 0, toRecord: 1 }
    let households = [first]
    mockFetch({
      [`GET ${queueUrl}`]: () => json(200, { households }),
      [`GET ${base}/submission`]: () => json(200, submission()),
      ...Object.fromEntries(imageIds.map((id) => [`GET ${imageUrl(id)}`, () => new Response('jpeg', { headers: { 'Content-Type': 'image/jpeg' } })])),
    })
    const routes = [
      { path: routePatterns.reviewQueue, element: <ReviewQueueStart /> },
      { path: routePatterns.submission, element: <ReviewPage /> },
    ]
    const { router } = renderRoute(routes, paths.reviewQueue(CAMPAIGN_ID))
    await waitFor(() => expect(router.state.location.pathname).toBe(paths.submission(CAMPAIGN_ID, employeeId)))
    cleanup()
    households = []
    renderRoute(routes, paths.reviewQueue(CAMPAIGN_ID))
    expect(await screen.findByText('審査や番号の記録を待っている提出はありません。')).toBeInTheDocument()
  })
})
