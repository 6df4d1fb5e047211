import { describe, expect, it } from 'vitest'
import { classify, requiresStartTls } from './mailer.ts'

describe('what a failed send means for at-most-once delivery', () => {
  it('trusts SMTP replies: 4xx may be retried, 5xx is final', () => {
    expect(classify({ responseCode: 451, response: '451 4.3.0 try again later' })).toMatchObject({ failure: 'transient', message: '451 4.3.0 try again later' })
    expect(classify({ responseCode: 550, response: '550 5.1.1 user unknown' }).failure).toBe('permanent')
  })

  it('retries a server that could not be reached, but not a conversation that broke off', () => {
    expect(classify({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }).failure).toBe('transient')
    expect(classify({ code: 'EDNS', message: 'getaddrinfo ENOTFOUND' }).failure).toBe('transient')
    expect(classify({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }).failure).toBe('uncertain')
    expect(classify({ code: 'ETIMEDOUT', message: 'Timeout' }).failure).toBe('uncertain')
  })
})

describe('credential mails never travel in clear', () => {
  it('requires STARTTLS on smtp:// except to a relay on this host; smtps:// is TLS already', () => {
    expect(requiresStartTls('smtp://user:pass@mail.example.jp:587')).toBe(true)
    expect(requiresStartTls('smtp://10.0.0.5:25')).toBe(true)
    expect(requiresStartTls('smtp://127.0.0.1:2525')).toBe(false)
    expect(requiresStartTls('smtp://localhost:25')).toBe(false)
    expect(requiresStartTls('smtp://[::1]:25')).toBe(false)
    expect(requiresStartTls('smtps://user:pass@mail.example.jp:465')).toBe(false)
  })
})
