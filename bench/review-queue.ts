/**
 * HR's review queue at the size of a small company: starts the built product (e2e/server.ts) and,
 * untimed, has the administrator create a campaign that asks employees to type their number,
 * import 50 employees with 40 dependents, issue the logins (mail-merge CSV) and let every
 * household complete through the employee API: each person a マイナンバーカード whose back
 * carries a known valid number (apps/api/test/number-cards.ts: the OCR bench's cards), the same
 * number typed at 登録する. Every back is read at upload; how many reads found the right number is
 * printed (where one did not, HR types the first entry: counted apart).
 *
 * Then, timed, HR walks the queue from /admin/campaigns/:id/review in headless Chromium: the
 * first 25 households by double entry (the reading registered as the first entry, the 12 digits
 * typed again, 世帯をまとめて承認, n), then — once the administrator has let the company accept
 * agreements (counted apart) — the rest by one confirmation of the agreed number. Every action
 * goes through one wrapper that counts it (a click or a key 1, a typed character 1) and times the
 * wait for its expected result, polled in the page on each animation frame.
 * Budgets: double entry: the 12 typed digits plus ≤ 6 other actions per person; agreement: ≤ 8
 * actions per person in all; both: ≤ 1 s waiting per person.
 *
 * Run: pnpm bench:review  (builds first)
 */
import { chromium, type Locator, type Page } from '@playwright/test'
import os from 'node:os'
import { mapConcurrent } from '../apps/api/src/lib/concurrency.ts'
import { cardPhoto } from '../apps/api/test/images.ts'
import { type CardVariant, cardVariant, renderCard } from '../apps/api/test/number-cards.ts'
import { firstAdminSignIn } from '../e2e/admin-sign-in.ts'
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from '../e2e/chromium.ts'
import { startProduct } from '../e2e/server.ts'

const CAMPAIGN = '2027年 年末調整（審査の計測）'
/** 'kanji:kana …' as [kanji, kana] pairs. */
const pairs = (text: string) => text.split(' ').map((pair) => pair.split(':') as [string, string])
const SURNAMES = pairs('佐藤:サトウ 鈴木:スズキ 高橋:タカハシ 田中:タナカ 伊藤:イトウ 渡辺:ワタナベ 山本:ヤマモト 中村:ナカムラ 小林:コバヤシ 加藤:カトウ')
const GIVEN = pairs('一郎:イチロウ 花子:ハナコ 健太:ケンタ 美咲:ミサキ 翔:ショウ')
const DEPENDENTS = { 配偶者: ['配偶', 'ハイグウ'], 子: ['子', 'コ'] } as const

interface Person {
  name: string
  kana: string
  relationship: '本人' | keyof typeof DEPENDENTS
  /** The back of their card: the number in one of the OCR bench's fonts, sizes, tilts and noise levels. */
  card: CardVariant
  number: string
  /** What the read at upload found: the right number, another, or none. */
  read?: 'same' | 'different' | 'unknown'
}
/** An employee (社員番号 `number`) and their dependents, each with the number on their card. */
interface Household {
  number: string
  persons: Person[]
}

/** 50 employees; 10 with a spouse and a child, 20 with a spouse: 40 dependents, 90 persons. */
function company(): Household[] {
  let card = 0
  return Array.from({ length: 50 }, (_, i) => {
    const [surname, surnameKana] = SURNAMES[i % 10]!
    const dependents = i % 5 === 0 ? (['配偶者', '子'] as const) : i % 5 <= 2 ? (['配偶者'] as const) : []
    const persons = [
      [...GIVEN[Math.floor(i / 10)]!, '本人'] as const,
      ...dependents.map((relationship) => [...DEPENDENTS[relationship], relationship] as const),
    ]
    return {
      number: `R${String(i + 1).padStart(3, '0')}`,
      persons: persons.map(([name, kana, relationship]) => {
        const variant = cardVariant(card++)
        return { name: `${surname} ${name}`, kana: `${surnameKana} ${kana}`, relationship, card: variant, number: variant.number }
      }),
    }
  })
}

function importCsv(households: Household[]) {
  const rows = [['社員番号', '氏名', 'フリガナ', '生年月日', '続柄', 'メールアドレス', '扶養者の社員番号']]
  for (const { number, persons } of households) {
    for (const { name, kana, relationship } of persons) {
      const born = relationship === '本人' ? '1980-04-01' : relationship === '配偶者' ? '1982-05-05' : '2015-07-07'
      rows.push(relationship === '本人' ? [number, name, kana, born, '本人', '', ''] : ['', name, kana, born, relationship, '', number])
    }
  }
  return Buffer.from(`\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`)
}

const product = await startProduct({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000', UPLOAD_RATE_LIMIT_PER_MINUTE: '10000' } })
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: QUIET_CHROMIUM_ARGS })

/** The employee API as the wizard calls it; throws on any error. */
async function call<T>(method: string, path: string, token?: string, body?: object | FormData): Promise<T> {
  const json = body && !(body instanceof FormData)
  const response = await fetch(`${product.baseUrl}/api/employee${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(body) : body,
  })
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json() as Promise<T>
}

/** One household completes: consent, both sides of each card, the read awaited, 登録する with the typed number, 完了. */
async function complete(household: Household, login: { token: string; password: string }, front: Blob) {
  const { accessToken: token } = await call<{ accessToken: string }>('POST', '/login', undefined, login)
  const me = await call<{ campaign: { purposes: string[] } }>('GET', '/me', token)
  await call('POST', '/consent', token, { purposes: me.campaign.purposes })
  const { persons } = await call<{ persons: { id: string; name: string }[] }>('GET', '/persons', token)
  for (const person of household.persons) {
    const id = persons.find((candidate) => candidate.name === person.name)!.id
    const upload = async (side: string, file: Blob) => {
      const form = new FormData()
      for (const [name, value] of Object.entries({ role: 'number', slot: '0', side, type: 'my_number_card' })) form.append(name, value)
      form.append('file', file, `${side}.jpg`)
      return call<{ id: string }>('POST', `/persons/${id}/images`, token, form)
    }
    await upload('front', front)
    const back = await upload('back', new Blob([new Uint8Array(await renderCard(person.card))], { type: 'image/jpeg' }))
    // One read at a time on the server, at most 20 waiting: each household waits for its own.
    while ((await call<{ state: string }>('GET', `/persons/${id}/images/${back.id}/number-read`, token)).state === 'reading') {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    person.read = (await call<{ result: Person['read'] }>('POST', `/persons/${id}/number-check`, token, { myNumber: person.number })).result
    await call('POST', `/persons/${id}/registration`, token, {
      numberDocument: { type: 'my_number_card', hasBack: true },
      identity: null,
      myNumber: person.number,
    })
  }
  await call('POST', '/submission', token)
}

interface Tally {
  clicks: number
  keys: number
  digits: number
  /** Seconds until each action's expected result showed, by step. */
  waits: { step: string; seconds: number }[]
}
const tally = (): Tally => ({ clicks: 0, keys: 0, digits: 0, waits: [] })
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

/** Until `until` (a JavaScript expression) holds, checked in the page on every animation frame. */
const poll = (page: Page, until: string) =>
  page.waitForFunction(until, undefined, { polling: 'raf', timeout: 30_000 }).catch((error: unknown) => {
    throw new Error(`the console did not show this within 30 s: ${until}`, { cause: error })
  })

/** The one way HR acts: a click, a key or characters typed, counted; then the wait for `until`, timed. */
async function act(page: Page, count: Tally, step: string, action: { click: Locator } | { press: string } | { type: string }, until: string) {
  if ('click' in action) {
    count.clicks++
    await action.click.click()
  } else if ('press' in action) {
    count.keys++
    await page.keyboard.press(action.press)
  } else {
    count.digits += action.type.length
    await page.keyboard.type(action.type)
  }
  const start = performance.now()
  await poll(page, until)
  count.waits.push({ step, seconds: (performance.now() - start) / 1000 })
}

/** Expressions over the page, by the person's name (the section whose h2 starts with it). */
const section = (name: string) =>
  `[...document.querySelectorAll('section.review-person')].find((s) => s.querySelector('h2')?.textContent.startsWith(${JSON.stringify(name)}))`
const says = (name: string, text: string) => `(${section(name)})?.textContent.includes(${JSON.stringify(text)})`
const field = (name: string) => `(${section(name)})?.querySelector('input[name="number"]')`
const digitsIn = (element: string) => `${element}.value.replace(/\\D/g, '')`
/** Focus in a person's number field, their reading in it or said to be missing. */
const focusedFieldReady = `document.activeElement?.name === 'number' &&
  (${digitsIn('document.activeElement')}.length === 12 || document.activeElement.closest('section').textContent.includes('読み取れませんでした'))`
/** The household's title once its employee is known (「 さんの提出書類」 while loading). */
const title = `(document.querySelector('h1')?.textContent ?? '')`
/** A household other than `shown` on screen, every person's images and number work loaded (nothing 読み込み中 / 読み取り中). */
const householdReady = (shown: string | null) =>
  `${title} !== ${JSON.stringify(shown)} && !${title}.startsWith(' ') && ${title}.endsWith(' さんの提出書類') &&
   [...document.querySelectorAll('section.review-person')].every((s) => s.querySelector('.number-work') && !/読み込み中|読み取り中/.test(s.textContent))`

interface Mode {
  households: number
  persons: number
  count: Tally
  /** Each person's share of their household's waiting. */
  perPerson: number[]
  /** First entries typed by hand (the read missed); no agreement to confirm; j that went to another person; clicks into the confirmation. */
  typedFirst: number
  noAgreement: number
  missedJ: number
  refocus: number
}
const newMode = (): Mode => ({ households: 0, persons: 0, count: tally(), perPerson: [], typedFirst: 0, noAgreement: 0, missedJ: 0, refocus: 0 })

/** The household on screen, by double entry or by agreement; then 世帯をまとめて承認 and (unless last) n. */
async function walkHousehold(page: Page, households: Map<string, Household>, mode: Mode, agreement: boolean, last: boolean) {
  const { count } = mode
  const waitsBefore = count.waits.length
  const shown = await page.evaluate<string>(title)
  const household = households.get(shown.replace(/ さんの提出書類$/, ''))!
  // Top to bottom, as j goes.
  const names = await page.evaluate<string[]>(`[...document.querySelectorAll('section.review-person h2')].map((h2) => h2.firstChild.textContent)`)
  for (const person of names.map((name) => household.persons.find((candidate) => candidate.name === name)!)) {
    const { name, number } = person
    const scope = page.locator('section.review-person').filter({ has: page.getByRole('heading', { level: 2, name }) })
    if (agreement && person.read === 'same') {
      const record = '画像と見比べて一致を確認し、記録する'
      await act(page, count, '一致した番号を表示する', { click: scope.getByRole('button', { name: '一致した番号を表示する' }) }, says(name, record))
      await act(
        page,
        count,
        '一致を確認し、記録する',
        { click: scope.getByRole('button', { name: record }) },
        says(name, '一致を確認して、個人番号を記録しました。'),
      )
      continue
    }
    if (agreement) mode.noAgreement++
    const numberField = scope.locator('input[name="number"]')
    const focused = `document.activeElement === ${field(name)}`
    await act(page, count, 'j', { press: 'j' }, focusedFieldReady)
    if (!(await page.evaluate(focused))) {
      // j went to another person (and j / k do nothing inside a field): this one's clicked.
      mode.missedJ++
      await act(page, count, 'click into the field', { click: numberField }, `${focused} && (${focusedFieldReady})`)
    }
    const read = (await numberField.inputValue()).replace(/\D/g, '')
    if (read !== number) {
      mode.typedFirst++
      if (read) await act(page, count, 'select the reading', { press: 'Control+A' }, 'true')
      await act(page, count, 'first entry typed', { type: number }, `${digitsIn(field(name))} === ${JSON.stringify(number)}`)
    }
    await act(page, count, '1 回目を登録する (Enter)', { press: 'Enter' }, says(name, '確認のため、もう一度入力してください'))
    // The confirmation is a new field: typed into once it has the focus.
    if (!(await page.evaluate(focused))) {
      mode.refocus++
      await act(page, count, 'click into the confirmation', { click: numberField }, focused)
    }
    await act(page, count, 'confirmation typed', { type: number }, `${digitsIn(field(name))} === ${JSON.stringify(number)}`)
    await act(page, count, '確認して記録する (Enter)', { press: 'Enter' }, says(name, '2 回の入力が一致し、個人番号を記録しました。'))
  }
  const persons = household.persons.length
  const approve = page.getByRole('button', { name: `世帯をまとめて承認（${persons} 人）` })
  await act(page, count, '世帯をまとめて承認', { click: approve }, `document.body.textContent.includes('${persons} 人を承認しました。')`)
  if (!last) await act(page, count, 'n', { press: 'n' }, householdReady(shown))
  const waited = sum(count.waits.slice(waitsBefore).map((wait) => wait.seconds))
  mode.households++
  mode.persons += persons
  mode.perPerson.push(...Array<number>(persons).fill(waited / persons))
}

function report(heading: string, mode: Mode, budget: string) {
  const { clicks, keys, digits, waits } = mode.count
  const per = (value: number) => (value / mode.persons).toFixed(1)
  const sorted = [...mode.perPerson].sort((a, b) => a - b)
  console.log(`  ${heading}: ${mode.households} households, ${mode.persons} persons`)
  console.log(
    `    actions per person: ${per(digits + clicks + keys)} in all: ${per(digits)} typed digits + ${per(clicks + keys)} other (${per(clicks)} clicks, ${per(keys)} keys) — budget ${budget}`,
  )
  console.log(
    `      of which: ${mode.typedFirst} first entries typed by hand (read missed), ${mode.noAgreement} persons by double entry (no agreement), ${mode.missedJ} j to another person (then a click), ${mode.refocus} clicks into the confirmation`,
  )
  console.log(
    `    waiting per person (the household's approval and n shared): mean ${(sum(sorted) / sorted.length).toFixed(2)} s, p95 ${sorted[Math.floor(0.95 * sorted.length)]!.toFixed(2)} s, max ${sorted.at(-1)!.toFixed(2)} s — budget 1 s`,
  )
  const steps = [...new Set(waits.map((wait) => wait.step))].map((step) => {
    const seconds = waits.filter((wait) => wait.step === step).map((wait) => wait.seconds)
    return `${step} ${(sum(seconds) / seconds.length).toFixed(2)} / ${Math.max(...seconds).toFixed(2)}`
  })
  console.log(`    wait after each step, mean / max s: ${steps.join(', ')}`)
}

const started = performance.now()
try {
  const households = company()
  // bypassCSP: the console's policy forbids eval, and each wait is an expression polled in the page.
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1400, height: 900 }, bypassCSP: true })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)

  // Setup, untimed: the campaign, the import, the logins as a mail-merge CSV, 配布しました.
  await firstAdminSignIn(page, product)
  await page.getByRole('link', { name: '会社一覧', exact: true }).click()
  await page.getByRole('link', { name: 'デモ株式会社 の収集依頼' }).click()
  await page.getByRole('link', { name: '新しい収集依頼' }).click()
  await page.getByLabel('名称').fill(CAMPAIGN)
  await page.getByLabel('提出期限').fill('2027-01-31')
  await page.getByLabel('従業員にも 12 桁の個人番号を入力してもらう').check()
  await page.getByRole('button', { name: '作成する' }).click()
  await page.getByRole('heading', { name: new RegExp(CAMPAIGN) }).waitFor()
  const campaignUrl = page.url()
  await page.getByRole('link', { name: /取り込み/ }).click()
  await page.getByLabel('CSV ファイル').setInputFiles({ name: '従業員.csv', mimeType: 'text/csv', buffer: importCsv(households) })
  await page.getByRole('button', { name: '内容を確認する' }).click()
  await page.getByRole('button', { name: '取り込む' }).click()
  await page.getByText('取り込みました。従業員 50 人、扶養家族 40 人を登録・更新しました。').waitFor()
  await page.goto(campaignUrl)
  await page.getByRole('link', { name: '認証情報の発行・メール' }).click()
  await page.getByRole('button', { name: '未発行の全員に発行する' }).click()
  await page.getByRole('button', { name: '発行する', exact: true }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '差し込み用 CSV (UTF-8, BOM)' }).click()
  const chunks: Buffer[] = []
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer)
  const logins = new Map<string, { token: string; password: string }>()
  for (const line of Buffer.concat(chunks).toString('utf8').trim().split('\r\n').slice(1)) {
    const [number, , , , url, password] = line.split(',')
    logins.set(number!, { token: url!.split('/t/')[1]!, password: password! })
  }
  const waiting = page.getByRole('region', { name: '配布待ちの認証情報' })
  await waiting.getByRole('button', { name: '配布しました' }).click()
  await waiting.getByRole('group', { name: '配布しました' }).getByRole('button', { name: '配布しました' }).click()
  await waiting.getByText('50 人分のログインを有効にしました。').waitFor()

  // Every household completes, three at a time.
  const front = new Blob([new Uint8Array(await cardPhoto())], { type: 'image/jpeg' })
  const setupStart = performance.now()
  await mapConcurrent(households, 3, (household) => complete(household, logins.get(household.number)!, front))
  const byEmployee = new Map(households.map((household) => [household.persons[0]!.name, household]))
  const persons = households.flatMap((household) => household.persons)
  const reads = (result: Person['read']) => persons.filter((person) => person.read === result).length
  console.log(`review queue: ${households.length} households, ${persons.length} persons, completed through the employee API`)
  console.log(
    `  backs read at upload: ${reads('same')} right, ${reads('different')} another number, ${reads('unknown')} nothing read (${((performance.now() - setupStart) / 1000).toFixed(0)} s for uploads, reads and 完了)`,
  )

  // Timed: the queue from its door, double entry for the first half, agreement for the second.
  const [double, agreement, apart] = [newMode(), newMode(), tally()]
  /** The queue's door (a bookmark: one action), counted apart from the households. */
  const openQueue = async () => {
    apart.clicks++
    const start = performance.now()
    await page.goto(`${campaignUrl}/review`)
    await poll(page, householdReady(null))
    apart.waits.push({ step: 'open the queue', seconds: (performance.now() - start) / 1000 })
  }
  const walkStart = performance.now()
  await openQueue()
  const half = households.length / 2
  for (let i = 0; i < half; i++) await walkHousehold(page, byEmployee, double, false, i === half - 1)
  // The administrator lets the company accept agreements, then opens the queue again.
  await act(
    page,
    apart,
    '会社の設定',
    { click: page.getByRole('link', { name: '会社の設定', exact: true }) },
    `document.body.textContent.includes('2 つの元が一致')`,
  )
  const recording = page.getByRole('region', { name: '個人番号の記録' })
  await act(page, apart, 'accept agreements', { click: recording.getByRole('checkbox') }, 'true')
  await act(page, apart, '保存する', { click: recording.getByRole('button', { name: '保存する' }) }, `document.body.textContent.includes('保存しました。')`)
  await openQueue()
  for (let i = half; i < households.length; i++) await walkHousehold(page, byEmployee, agreement, true, i === households.length - 1)
  const walkSeconds = (performance.now() - walkStart) / 1000

  report('double entry', double, '12 typed digits + ≤ 6 other')
  const apartWait = sum(apart.waits.map((wait) => wait.seconds))
  console.log(`  apart: opening the queue twice, accepting agreements in 会社の設定: ${apart.clicks} actions, ${apartWait.toFixed(2)} s waiting`)
  report('agreement', agreement, '≤ 8 in all')
  const load = os.loadavg().map((value) => value.toFixed(1))
  console.log(
    `  HR's walk: ${walkSeconds.toFixed(0)} s; the whole bench: ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${load.join(' ')} (${os.availableParallelism()} cores)`,
  )
} finally {
  await browser.close()
  await product.stop()
}
