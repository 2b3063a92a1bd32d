import { AsyncLocalStorage } from 'node:async_hooks'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import shared from 'nodemailer/lib/shared/index.js'
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js'
import type { EmailAdapter } from 'payload'
import type { Settings } from '../settings'

/** One message the in-memory transport kept instead of sending. */
export type HeldMessage = {
  to: string
  from: string
  subject: string
  text?: string
  html?: string
  attachments: { filename?: string; contentType?: string; content: string }[]
  /** The whole RFC 822 message, as an SMTP server would have received it. */
  raw: string
}

/** Where development and tests read the mail that was not sent. */
export class HeldMail {
  /** The most recent messages only: a long-running development server must not grow without end. */
  static readonly LIMIT = 1000
  readonly messages: HeldMessage[] = []
  keep(message: HeldMessage): void {
    this.messages.push(message)
    if (this.messages.length > HeldMail.LIMIT) this.messages.splice(0, this.messages.length - HeldMail.LIMIT)
  }
  to(address: string): HeldMessage[] {
    return this.messages.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()))
  }
  clear(): void {
    this.messages.length = 0
  }
}

type Logger = { info: (msg: string) => void; warn: (msg: string) => void }

/**
 * A nodemailer transport that keeps messages in memory. Its log line names the subject only:
 * logs must never carry addresses or bodies.
 */
function holdingTransport(held: HeldMail, log: () => Logger | undefined) {
  return nodemailer.createTransport({
    name: 'held-in-memory',
    version: '1',
    send(mail, callback) {
      mail.message.build((err, raw) => {
        if (err) return callback(err, undefined as never)
        const data = mail.data
        held.keep({
          to: addressList(data.to),
          from: addressList(data.from),
          subject: String(data.subject ?? ''),
          text: typeof data.text === 'string' ? data.text : undefined,
          html: typeof data.html === 'string' ? data.html : undefined,
          attachments: (data.attachments ?? []).map((a) => ({
            filename: a.filename || undefined,
            contentType: a.contentType,
            content: Buffer.isBuffer(a.content) ? a.content.toString('utf8') : String(a.content ?? ''),
          })),
          raw: raw.toString('utf8'),
        })
        log()?.info(`Email held in memory (no SMTP_URL): "${String(data.subject ?? '')}"`)
        callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() } as never)
      })
    },
  })
}

function addressList(value: unknown): string {
  const list = Array.isArray(value) ? value : value ? [value] : []
  return list
    .map((v) => (typeof v === 'string' ? v : (v as { address?: string }).address ?? ''))
    .join(', ')
}

/**
 * How long a send may wait on an unresponsive mail server. nodemailer waits up to 2 minutes for a
 * connection and 10 for a silent socket; Payload's forgot-password sends inside its transaction,
 * where on SQLite the write lock makes every other write wait meanwhile (and give up after 30 s).
 * The outbox retries whatever times out. Query parameters of SMTP_URL (`?connectionTimeout=…`) win.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }

export function smtpOptions(smtpUrl: string): SMTPTransport.Options {
  return { ...SMTP_TIMEOUTS, ...shared.parseConnectionUrl(smtpUrl) }
}

/** SMTP when SMTP_URL is set; otherwise the in-memory transport. `onFailure` counts failed sends (metrics). */
export async function emailAdapter(
  settings: Settings,
  held: HeldMail,
  log: () => Logger | undefined,
  onFailure?: () => void,
): Promise<EmailAdapter> {
  const transport = settings.smtpUrl ? nodemailer.createTransport(smtpOptions(settings.smtpUrl)) : holdingTransport(held, log)
  const adapter = await nodemailerAdapter({
    defaultFromAddress: settings.emailFrom.address,
    defaultFromName: settings.emailFrom.name,
    transport,
    skipVerify: true,
  })
  return (args) => {
    const inner = adapter(args)
    return {
      ...inner,
      sendEmail: async (message) => {
        try {
          return await inner.sendEmail(message)
        } catch (error) {
          onFailure?.()
          if (!bestEffort.getStore()) throw error
          // The transport's error can name the recipient: not logged.
          log()?.warn('An email sent during the request could not be delivered (the mail server failed or timed out)')
          return undefined
        }
      },
    }
  }
}

const bestEffort = new AsyncLocalStorage<true>()

/**
 * Runs `work` with sends that do not throw. For Payload's forgot-password, which sends inside the
 * request: a failing mail server must not answer 500 for a known address and 200 for an unknown
 * one (that tells who has an account). The person can ask again; the failure is logged and counted.
 */
export const withBestEffortEmail = <T>(work: () => T): T => bestEffort.run(true, work)

/** The process's held mail (one per process; tests read it). */
export const heldMail = new HeldMail()
