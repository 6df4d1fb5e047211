/**
 * The employee session token (ADR 003, 012). Every forged, altered, stale or replayed token
 * is refused on GET /me and on a write route (POST /session/handoff, which would add a row);
 * after 「完了」 a replayed token still reads the receipt but writes nothing.
 */
import { createHmac, createSign, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, imageUpload, login } from './harness.ts'
import { cardPhoto } from './images.ts'
import { readyToSubmit } from './submitted.ts'
import { SESSION_TTL_SECONDS } from '../src/domain/sessions.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
})
afterAll(async () => {
  await context?.close()
})

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Signs a JWT by hand, so that headers, claims and algorithm are entirely the test's choice. */
function handSigned(header: Record<string, unknown>, claims: Record<string, unknown>, secret: Uint8Array = context.secrets.jwtSecret) {
  const input = `${b64url(header)}.${b64url(claims)}`
  const hash = header.alg === 'HS512' ? 'sha512' : header.alg === 'HS384' ? 'sha384' : 'sha256'
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`
}

function me(token: string | null, raw?: string) {
  const headers: Record<string, string> = {}
  if (raw !== undefined) headers.authorization = raw
  else if (token !== null) headers.authorization = `Bearer ${token}`
  return context.app.inject({ method: 'GET', url: '/api/employee/me', headers })
}

/**
 * A write made here, not through a request, is forgotten by the read cache (PostgreSQL run) only
 * when the change feed's notification arrives, which a busy machine delays past the next request;
 * a route forgets its own writes before answering (app.ts). read-cache.test.ts covers the feed.
 */
const forgetDirectWrite = (employeeId: string | null) => context.app.services.readCache.forget(employeeId)

function expectUnauthenticated(response: Awaited<ReturnType<typeof me>>, label?: string) {
  expect(response.statusCode, `${label}: ${response.body}`).toBe(401)
  expect(response.json().error.code, label).toBe('UNAUTHENTICATED')
}

/** The write route every refusal is also tried on: it would add a handoff code. */
function write(token: string | null, raw?: string) {
  const headers: Record<string, string> = {}
  if (raw !== undefined) headers.authorization = raw
  else if (token !== null) headers.authorization = `Bearer ${token}`
  return context.app.inject({ method: 'POST', url: '/api/employee/session/handoff', headers })
}

/** Refused with 401 UNAUTHENTICATED on GET /me and on the write route, which adds nothing. */
async function expectRefused(token: string | null, label?: string, raw?: string) {
  const codes = await context.db.sessionHandoff.count()
  expectUnauthenticated(await me(token, raw), `GET /me: ${label}`)
  expectUnauthenticated(await write(token, raw), `POST /session/handoff: ${label}`)
  expect(await context.db.sessionHandoff.count(), label).toBe(codes)
}

async function loggedIn() {
  const seeded = await context.newEmployee()
  const accessToken = await login(context.app, seeded.token, seeded.password)
  return { ...seeded, accessToken, auth: { authorization: `Bearer ${accessToken}` } }
}

describe('session tokens on GET /api/employee/me', () => {
  it('accepts the token issued at login', async () => {
    const employee = await loggedIn()
    const response = await me(employee.accessToken)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ employeeName: employee.employee.name, consentedAt: null, submittedAt: null })
    expect(decodeProtectedHeader(employee.accessToken)).toEqual({ alg: 'HS256', typ: 'bango-employee+jwt' })
  })

  it('refuses a missing header, a non-Bearer scheme and garbage', async () => {
    const employee = await loggedIn()
    await expectRefused(null, 'no header')
    await expectRefused(null, 'empty header', '')
    await expectRefused(null, 'empty bearer', 'Bearer ')
    await expectRefused(null, 'basic scheme', `Basic ${employee.accessToken}`)
    await expectRefused(null, 'no scheme', employee.accessToken)
    await expectRefused('garbage', 'garbage')
    await expectRefused('a.b.c', 'three garbage parts')
    await expectRefused(employee.token, 'the URL token instead of a session')
  })

  describe('forged and altered tokens', () => {
    /** The header and claims of a real session, to forge from. */
    async function genuine() {
      const employee = await loggedIn()
      return { employee, header: decodeProtectedHeader(employee.accessToken), claims: decodeJwt(employee.accessToken) }
    }

    it('accepts a hand-signed token with the genuine header and claims (the control for the refusals below)', async () => {
      const { employee, header, claims } = await genuine()
      const response = await me(handSigned(header, { ...claims, jti: randomUUID() }))
      expect(response.statusCode, response.body).toBe(200)
      expect(response.json().employeeName).toBe(employee.employee.name)
      expect((await write(handSigned(header, { ...claims, jti: randomUUID() }))).statusCode).toBe(201)
    })

    it('refuses a token whose payload was changed under the original signature', async () => {
      const { employee, claims } = await genuine()
      const victim = await loggedIn()
      const victimClaims = decodeJwt(victim.accessToken)
      const [header, , signature] = employee.accessToken.split('.')
      const impersonating = `${header}.${b64url({ ...claims, sub: victimClaims.sub, ver: victimClaims.ver })}.${signature}`
      await expectRefused(impersonating, 'other subject')
      const extended = `${header}.${b64url({ ...claims, exp: (claims.exp as number) + 3600 })}.${signature}`
      await expectRefused(extended, 'extended expiry')
      // The victim's own token still works: the refusal is about the tampering.
      expect((await me(victim.accessToken)).statusCode).toBe(200)
    })

    it('refuses alg "none" tokens', async () => {
      const { header, claims } = await genuine()
      const unsigned = `${b64url({ ...header, alg: 'none' })}.${b64url(claims)}.`
      await expectRefused(unsigned, 'alg none, empty signature')
      await expectRefused(unsigned.slice(0, -1), 'alg none, two parts')
      const original = (await genuine()).employee.accessToken.split('.')[2]
      await expectRefused(`${b64url({ ...header, alg: 'none' })}.${b64url(claims)}.${original}`, 'alg none, some signature')
      await expectRefused(`${b64url({ ...header, alg: 'None' })}.${b64url(claims)}.`, 'alg None')
    })

    it('refuses a token signed with another secret', async () => {
      const { header, claims } = await genuine()
      await expectRefused(handSigned(header, claims, randomBytes(32)))
    })

    it('refuses HS512 and HS384, even signed with the right secret', async () => {
      const { header, claims } = await genuine()
      await expectRefused(handSigned({ ...header, alg: 'HS512' }, claims), 'HS512')
      await expectRefused(handSigned({ ...header, alg: 'HS384' }, claims), 'HS384')
    })

    it('refuses the wrong audience, issuer or type', async () => {
      const { header, claims } = await genuine()
      await expectRefused(handSigned(header, { ...claims, aud: 'bango:operator' }), 'aud')
      await expectRefused(handSigned(header, { ...claims, iss: 'someone-else' }), 'iss')
      await expectRefused(handSigned({ ...header, typ: 'JWT' }, claims), 'typ JWT')
      await expectRefused(handSigned({ alg: header.alg }, claims), 'no typ')
    })

    it('refuses RS256 and ES256 with the key in the header, and HS256 keyed with a public key (algorithm confusion)', async () => {
      const { header, claims } = await genuine()
      const input = (alg: string, extra: object) => `${b64url({ ...header, alg, ...extra })}.${b64url(claims)}`
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      const rs256 = input('RS256', { jwk: await exportJWK(rsa.publicKey) })
      await expectRefused(`${rs256}.${createSign('sha256').update(rs256).sign(rsa.privateKey).toString('base64url')}`, 'RS256, embedded jwk')
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      const es256 = input('ES256', { jwk: await exportJWK(ec.publicKey) })
      const ecSignature = createSign('sha256').update(es256).sign({ key: ec.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')
      await expectRefused(`${es256}.${ecSignature}`, 'ES256, embedded jwk')
      // The classic confusion: a verifier that takes "the key" for HS256 too would accept a public key as the secret.
      const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' })
      await expectRefused(handSigned(header, claims, Buffer.from(pem)), 'HS256 keyed with a public key')
      await expectRefused(handSigned({ ...header, kid: '../../keys.json' }, claims, randomBytes(32)), 'kid pointing elsewhere')
    })

    it('refuses tokens missing exp, iat, jti, sub, sid or ver', async () => {
      const { header, claims } = await genuine()
      for (const claim of ['exp', 'iat', 'jti', 'sub', 'sid', 'ver']) {
        const { [claim]: _omitted, ...rest } = claims
        await expectRefused(handSigned(header, rest), `without ${claim}`)
      }
    })

    it('refuses an expired token and one older than the session lifetime', async () => {
      const { header, claims } = await genuine()
      const now = Math.floor(Date.now() / 1000)
      // Signed with jose and the app's secret: everything right but the time.
      const expired = await new SignJWT({ ver: claims.ver })
        .setProtectedHeader({ alg: 'HS256', typ: header.typ as string })
        .setSubject(claims.sub as string)
        .setIssuer(claims.iss as string)
        .setAudience(claims.aud as string)
        .setIssuedAt(now - 20 * 60)
        .setExpirationTime(now - 5 * 60)
        .setJti(randomUUID())
        .sign(context.secrets.jwtSecret)
      await expectRefused(expired, 'expired')
      // A far expiry does not stretch a session beyond its lifetime: iat counts too.
      await expectRefused(handSigned(header, { ...claims, iat: now - 60 * 60, exp: now + 60 * 60 }), 'too old')
    })

    it('refuses a token it accepted a moment ago once the clock passes its expiry, and once it is older than the session lifetime', async () => {
      let offsetMs = 0
      const clocked = await createTestContext({ now: () => new Date(Date.now() + offsetMs) })
      try {
        const seeded = await clocked.newEmployee()
        const token = await login(clocked.app, seeded.token, seeded.password)
        const read = () => clocked.app.inject({ method: 'GET', url: '/api/employee/me', headers: { authorization: `Bearer ${token}` } })
        expect((await read()).statusCode).toBe(200)
        // Verified once, the token is known by its text: the check of time must still run every time.
        offsetMs = (SESSION_TTL_SECONDS - 5) * 1000
        expect((await read()).statusCode).toBe(200)
        offsetMs = (SESSION_TTL_SECONDS + 1) * 1000
        const late = await read()
        expect(late.statusCode).toBe(401)
        expect(late.json().error.code).toBe('UNAUTHENTICATED')
      } finally {
        await clocked.close()
      }
    })

    it('refuses a session whose credential version is not the current one', async () => {
      const { header, claims } = await genuine()
      await expectRefused(handSigned(header, { ...claims, ver: '0000000000000000' }), 'stale version')
      await expectRefused(handSigned(header, { ...claims, sub: randomUUID() }), 'unknown credential')
    })
  })
})

describe('POST /api/employee/session/refresh', () => {
  it('returns a new token that works', async () => {
    const employee = await loggedIn()
    const response = await context.app.inject({ method: 'POST', url: '/api/employee/session/refresh', headers: employee.auth })
    expect(response.statusCode, response.body).toBe(200)
    const refreshed = response.json()
    expect(Object.keys(refreshed).sort()).toEqual(['accessToken', 'expiresAt'])
    expect(refreshed.accessToken).not.toBe(employee.accessToken)
    expect(decodeJwt(refreshed.accessToken).jti).not.toBe(decodeJwt(employee.accessToken).jti)
    expect(decodeJwt(refreshed.accessToken).sub).toBe(decodeJwt(employee.accessToken).sub)
    expect(Date.parse(refreshed.expiresAt)).toBeLessThanOrEqual(Date.now() + 30 * 60 * 1000)
    expect((await me(refreshed.accessToken)).statusCode).toBe(200)
  })

  it('refuses to refresh without a valid session', async () => {
    const response = await context.app.inject({ method: 'POST', url: '/api/employee/session/refresh', headers: { authorization: 'Bearer nope' } })
    expectUnauthenticated(response)
  })
})

describe('re-issuing and revoking a credential', () => {
  it('ends every session of the old credential and retires the old URL token', async () => {
    const employee = await loggedIn()
    const refreshed = (await context.app.inject({ method: 'POST', url: '/api/employee/session/refresh', headers: employee.auth })).json().accessToken
    expect((await me(employee.accessToken)).statusCode).toBe(200)

    const reissued = await context.app.services.credentials.issue(employee.employee.id)
    forgetDirectWrite(employee.employee.id)

    await expectRefused(employee.accessToken, 'old session')
    await expectRefused(refreshed, 'refreshed old session')
    expectUnauthenticated(
      await context.app.inject({ method: 'POST', url: '/api/employee/session/refresh', headers: employee.auth }),
      'refresh of an old session',
    )
    const oldLogin = await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: employee.token, password: employee.password } })
    expect(oldLogin.statusCode).toBe(401)
    expect(oldLogin.json().error.code).toBe('INVALID_CREDENTIALS')
    const oldTokenNewPassword = await context.app.inject({
      method: 'POST',
      url: '/api/employee/login',
      payload: { token: employee.token, password: reissued.password },
    })
    expect(oldTokenNewPassword.statusCode).toBe(401)

    const fresh = await login(context.app, reissued.token, reissued.password)
    expect((await me(fresh)).statusCode).toBe(200)
  })

  it('ends every session once the credential is revoked', async () => {
    const employee = await loggedIn()
    await context.db.credential.update({ where: { employeeId: employee.employee.id }, data: { revokedAt: new Date() } })
    forgetDirectWrite(employee.employee.id)
    await expectRefused(employee.accessToken)
  })
})

describe('the consent gate', () => {
  const gated = async (employee: Awaited<ReturnType<typeof loggedIn>>) => {
    const upload = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, await cardPhoto())
    return {
      'GET /persons': await context.app.inject({ method: 'GET', url: '/api/employee/persons', headers: employee.auth }),
      'POST /persons': await context.app.inject({
        method: 'POST',
        url: '/api/employee/persons',
        headers: employee.auth,
        payload: { name: '総合 次郎', kana: 'ソウゴウ ジロウ', relationship: '02', birthDate: '2015-05-05' },
      }),
      'POST images': await context.app.inject({
        method: 'POST',
        url: `/api/employee/persons/${employee.employee.id}/images`,
        headers: { ...employee.auth, ...upload.headers },
        payload: upload.payload,
      }),
      'POST /submission': await context.app.inject({ method: 'POST', url: '/api/employee/submission', headers: employee.auth }),
    }
  }

  const storedFor = async (employee: Awaited<ReturnType<typeof loggedIn>>) => ({
    persons: await context.db.person.count({ where: { campaignId: employee.campaign.id } }),
    documents: await context.db.document.count({ where: { person: { campaignId: employee.campaign.id } } }),
    submissions: await context.db.submission.count({ where: { employeeId: employee.employee.id } }),
  })

  it('refuses every document endpoint with 403 CONSENT_REQUIRED before consent, while /me works', async () => {
    const employee = await loggedIn()
    const before = await storedFor(employee)
    for (const [name, response] of Object.entries(await gated(employee))) {
      expect(response.statusCode, `${name}: ${response.body}`).toBe(403)
      expect(response.json().error.code, name).toBe('CONSENT_REQUIRED')
    }
    expect(await storedFor(employee)).toEqual(before)
    const summary = await me(employee.accessToken)
    expect(summary.statusCode).toBe(200)
    expect(summary.json()).toMatchObject({ consentedAt: null, campaign: { purposes: employee.campaign.purposes } })
  })

  it('refuses consent to purposes other than the campaign’s with 409 PURPOSES_CHANGED and records nothing', async () => {
    const employee = await loggedIn()
    const purposes = employee.campaign.purposes
    const variants = {
      reordered: [...purposes].reverse(),
      subset: purposes.slice(1),
      extra: [...purposes, '勝手に追加された目的'],
      altered: [`${purposes[0]} `, ...purposes.slice(1)],
    }
    for (const [name, shown] of Object.entries(variants)) {
      const response = await context.app.inject({ method: 'POST', url: '/api/employee/consent', headers: employee.auth, payload: { purposes: shown } })
      expect(response.statusCode, name).toBe(409)
      expect(response.json().error.code, name).toBe('PURPOSES_CHANGED')
    }
    const empty = await context.app.inject({ method: 'POST', url: '/api/employee/consent', headers: employee.auth, payload: { purposes: [] } })
    expect(empty.statusCode).toBe(400)
    expect(await context.db.consent.count({ where: { employeeId: employee.employee.id } })).toBe(0)
    expect(await context.db.auditEvent.count({ where: { actorId: employee.employee.id, action: 'employee.consented' } })).toBe(0)
    expect((await context.app.inject({ method: 'GET', url: '/api/employee/persons', headers: employee.auth })).statusCode).toBe(403)
  })

  it('opens the document endpoints after consent, and records the purposes and the time', async () => {
    const employee = await loggedIn()
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/employee/consent',
      headers: employee.auth,
      payload: { purposes: employee.campaign.purposes },
    })
    expect(response.statusCode, response.body).toBe(201)
    const { consentedAt } = response.json()
    expect(Number.isNaN(Date.parse(consentedAt))).toBe(false)

    const rows = await context.db.consent.findMany({ where: { employeeId: employee.employee.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0]!.purposes).toEqual(employee.campaign.purposes)
    expect(rows[0]!.consentedAt.toISOString()).toBe(consentedAt)
    expect(await context.db.auditEvent.count({ where: { actorId: employee.employee.id, action: 'employee.consented', targetId: rows[0]!.id } })).toBe(1)

    const list = await context.app.inject({ method: 'GET', url: '/api/employee/persons', headers: employee.auth })
    expect(list.statusCode, list.body).toBe(200)
    expect(
      list
        .json()
        .persons.map((person: { id: string }) => person.id)
        .sort(),
    ).toEqual([employee.employee.id, ...employee.dependents.map((dependent) => dependent.id)].sort())
    expect((await me(employee.accessToken)).json().consentedAt).toBe(consentedAt)
  })

  it('closes again when the campaign’s purposes change after consent', async () => {
    const employee = await loggedIn()
    expect(
      (await context.app.inject({ method: 'POST', url: '/api/employee/consent', headers: employee.auth, payload: { purposes: employee.campaign.purposes } }))
        .statusCode,
    ).toBe(201)
    const changed = [...employee.campaign.purposes, '新たな利用目的']
    await context.db.campaign.update({ where: { id: employee.campaign.id }, data: { purposes: changed } })
    forgetDirectWrite(null)

    const list = await context.app.inject({ method: 'GET', url: '/api/employee/persons', headers: employee.auth })
    expect(list.statusCode).toBe(403)
    expect(list.json().error.code).toBe('CONSENT_REQUIRED')
    expect((await me(employee.accessToken)).json()).toMatchObject({ consentedAt: null, campaign: { purposes: changed } })
  })
})

describe('replaying a token after its session ended', () => {
  it('after logout, after a re-issue, after a lock: refused on GET /me and on writes', async () => {
    const out = await loggedIn()
    expect((await context.app.inject({ method: 'POST', url: '/api/employee/session/logout', headers: out.auth })).statusCode).toBe(204)
    await expectRefused(out.accessToken, 'after logout')

    const reissued = await loggedIn()
    await context.app.services.credentials.issue(reissued.employee.id)
    forgetDirectWrite(reissued.employee.id)
    await expectRefused(reissued.accessToken, 'from before a re-issue')

    const locked = await loggedIn()
    for (let n = 0; n < 5; n++)
      await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: locked.token, password: `wrong-${n}` } })
    await expectRefused(locked.accessToken, 'after a lock')
  })

  it('after 「完了」: reads the receipt on GET /me, every write refused with SESSION_RECEIPT_ONLY', async () => {
    const employee = await readyToSubmit(context)
    const before = (await context.app.inject({ method: 'POST', url: '/api/employee/session/refresh', headers: employee.auth })).json().accessToken as string
    expect((await employee.call('POST', '/submission')).statusCode).toBe(200)
    for (const token of [employee.accessToken, before]) {
      expect((await me(token)).json().submittedAt).toEqual(expect.any(String))
      const codes = await context.db.sessionHandoff.count()
      const refused = await write(token)
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error.code).toBe('SESSION_RECEIPT_ONLY')
      expect(await context.db.sessionHandoff.count()).toBe(codes)
    }
  })
})
