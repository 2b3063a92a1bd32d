/**
 * The legal reviewer's digest: the queued items within their jurisdictions that the daily run at
 * `at` told of, in the reviewer's language, each with its reason and a link to its admin page.
 * Rendered when sent, from ids only.
 */
import type { PayloadRequest } from 'payload'
import type { Message } from '../email/messages'
import { adminResourceUrl } from '../email/links'
import { languageOf, type Language } from '../email/recipientLanguage'
import { inertLine } from '../email/strangerText'
import { reviewerCovers } from './queue'


const TEXT = {
  en: {
    subject: (n: number) => (n === 1 ? 'Legal review: 1 item to verify again' : `Legal review: ${n} items to verify again`),
    lead: 'These toolkit items in your jurisdictions need a new legal sign-off:',
    reasons: { due: 'due', overdue: 'overdue', 'superseded-link': 'links to a superseded item' } as Record<string, string>,
    reviewBy: 'review by',
    queue: 'The whole queue is on the admin dashboard',
  },
  es: {
    subject: (n: number) => (n === 1 ? 'Revisión legal: 1 elemento por verificar de nuevo' : `Revisión legal: ${n} elementos por verificar de nuevo`),
    lead: 'Estos elementos del kit en sus jurisdicciones necesitan una nueva verificación legal:',
    reasons: { due: 'próximo a vencer', overdue: 'vencido', 'superseded-link': 'enlaza a un elemento reemplazado' } as Record<string, string>,
    reviewBy: 'revisar antes del',
    queue: 'La cola completa está en el panel de administración',
  },
}

export async function renderReverificationDigest(req: PayloadRequest, recipientId: string, at: string): Promise<Message | null> {
  const recipient = (await req.payload.findByID({ collection: 'contributors', id: recipientId, depth: 0, overrideAccess: true, disableErrors: true, req })) as Record<string, unknown> | null
  if (!recipient?.email || recipient.legalReviewer !== true || recipient.status !== 'active') return null
  const { docs } = await req.payload.find({ collection: 'reverifications', where: { notifiedAt: { equals: at } }, sort: 'queuedAt', depth: 0, pagination: false, overrideAccess: true, req })
  const entries = []
  for (const entry of docs as unknown as { resource: unknown; reason: string; reviewBy?: string | null; jurisdictions?: unknown }[]) {
    if (await reviewerCovers(req, recipient, entry)) entries.push(entry)
  }
  if (!entries.length) return null
  const language = languageOf(recipient)
  const text = TEXT[language]
  const lines = [text.lead, '']
  for (const entry of entries) {
    const id = entry.resource && typeof entry.resource === 'object' ? (entry.resource as { id: unknown }).id : entry.resource
    const resource = (await req.payload.findByID({ collection: 'resources', id: id as string, depth: 0, locale: language, fallbackLocale: 'en', overrideAccess: true, disableErrors: true, req })) as { title?: string } | null
    const reviewBy = entry.reviewBy ? ` (${text.reviewBy} ${entry.reviewBy.slice(0, 10)})` : ''
    // Titles are people's words: one line, no live link (src/email/strangerText.ts).
    lines.push(`• ${inertLine(resource?.title ?? `Resource ${String(id)}`)}: ${text.reasons[entry.reason] ?? entry.reason}${reviewBy}`, `  ${adminResourceUrl(req.payload, id)}`)
  }
  lines.push('', `${text.queue}: ${req.payload.config.serverURL || ''}/admin`)
  return { to: String(recipient.email), subject: text.subject(entries.length), text: lines.join('\n') }
}
