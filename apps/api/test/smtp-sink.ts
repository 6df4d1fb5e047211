/**
 * A real SMTP server for tests (smtp-server on 127.0.0.1, a free port) that keeps what it
 * received. `hangAfter(n)`: from the (n+1)th message on, it reads the message but never answers
 * — from the sender's side, the mail may or may not have been taken.
 */
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  to: string
  /** The decoded text body. */
  text: string
}

/** The body of a single-part text mail (base64 or quoted-printable, as nodemailer writes it). */
function textOf(raw: string): string {
  const split = raw.indexOf('\r\n\r\n')
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4)
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase()
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8')
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return body
}

export async function startSmtpSink() {
  const accepted: ReceivedMail[] = []
  /** Read in full but never answered. */
  const unanswered: ReceivedMail[] = []
  let answerLimit = Number.POSITIVE_INFINITY
  /** Recipient → SMTP replies to give (one per attempt) before accepting. */
  const refusals = new Map<string, number[]>()

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address).join(','), text: textOf(Buffer.concat(chunks).toString('latin1')) }
        const refusal = refusals.get(mail.to)?.shift()
        if (refusal) {
          const error = Object.assign(new Error(refusal >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: refusal })
          callback(error)
          return
        }
        if (accepted.length >= answerLimit) {
          unanswered.push(mail)
          return
        }
        accepted.push(mail)
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')

  return {
    url: `smtp://127.0.0.1:${address.port}`,
    accepted,
    unanswered,
    hangAfter(count: number) {
      answerLimit = count
    },
    /** Answers the next messages to `address` with these SMTP codes, one per attempt. */
    refuse(address: string, ...codes: number[]) {
      refusals.set(address, codes)
    },
    answerAll() {
      answerLimit = Number.POSITIVE_INFINITY
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>
