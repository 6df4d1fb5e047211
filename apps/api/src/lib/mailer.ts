/**
 * Outgoing e-mail over SMTP (nodemailer, pooled connections). Plain text only. Nothing here
 * logs: a mail may carry a password, and an SMTP error is reported by its reply, never the body.
 */
import nodemailer from 'nodemailer'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
}

/** What a failed send means for at-most-once delivery. */
export type SendFailure =
  /** The server refused for now (4xx) or could not be reached: the mail surely did not leave. */
  | 'transient'
  /** The server refused for good (5xx). */
  | 'permanent'
  /** The connection broke or timed out mid-conversation: the server may have taken the mail. */
  | 'uncertain'

export class MailError extends Error {
  readonly failure: SendFailure
  constructor(message: string, failure: SendFailure) {
    super(message)
    this.name = 'MailError'
    this.failure = failure
  }
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/** Errors of the socket before any SMTP exchange: nothing was sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

interface NodemailerError {
  message?: string
  code?: string
  originalCode?: string
  responseCode?: number
  response?: string
}

export function classify(error: unknown): MailError {
  const e = (error ?? {}) as NodemailerError
  // The reply (e.g. "550 5.1.1 user unknown") says why; nodemailer's message also includes it.
  const reason = (e.response ?? e.message ?? String(error)).slice(0, 500)
  if (typeof e.responseCode === 'number') return new MailError(reason, e.responseCode >= 500 ? 'permanent' : 'transient')
  if (e.code === 'EDNS' || NOT_CONNECTED.has(e.originalCode ?? '') || NOT_CONNECTED.has(e.code ?? '')) return new MailError(reason, 'transient')
  return new MailError(reason, 'uncertain')
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Credential mails carry passwords: `smtp://` must upgrade with STARTTLS (a relay that does not
 * offer it is refused rather than sent to in clear), except to a relay on this host. `smtps://`
 * is TLS from the first byte.
 */
export function requiresStartTls(url: string): boolean {
  const parsed = new URL(url)
  return parsed.protocol === 'smtp:' && !LOOPBACK.has(parsed.hostname)
}

export function createSmtpMailer(options: { url: string; from: string; maxConnections?: number; socketTimeoutMs?: number }): Mailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    requireTLS: requiresStartTls(options.url),
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 100,
    // A hung server must not hold a message in SENDING for nodemailer's default 10 minutes.
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    logger: false,
    debug: false,
  })
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, textEncoding: 'base64' })
      } catch (error) {
        throw classify(error)
      }
    },
    close: () => transport.close(),
  }
}
