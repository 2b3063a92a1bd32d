import type { Payload } from 'payload'
import type { Message } from '../email/messages'
import { inertLine } from '../email/strangerText'
import { publicResourceUrl } from '../email/links'
import { matchingItems, type SubscriptionDoc } from './alerts'
import { UNCONFIRMED_TTL_MS } from './options'
import { signLink } from './tokens'

const TEXT = {
  en: {
    confirmSubject: 'Confirm your toolkit alerts',
    confirm: (link: string) => [
      'Someone (we hope you) asked for email alerts from the ICE Out of Courts Campaign Toolkit for this address.',
      '',
      `Confirm to start receiving them: ${link}`,
      '',
      'If it was not you, ignore this email: nothing will be sent and the request is deleted within 7 days.',
    ],
    existingSubject: 'You already receive toolkit alerts',
    existing: ['Someone asked for toolkit alerts for this address, which already receives them. Nothing was changed.'],
    alertSubject: (n: number) => (n === 1 ? 'Toolkit alert: 1 new or updated item' : `Toolkit alerts: ${n} new or updated items`),
    lead: 'New and updated in the ICE Out of Courts Campaign Toolkit:',
    new: 'New',
    updated: 'Updated',
    lapsed: 'Legal review date passed: check before relying on it',
    replaces: 'replaces',
    manage: 'Change what you receive',
    unsubscribe: 'Unsubscribe',
  },
  es: {
    confirmSubject: 'Confirme sus alertas del kit de herramientas',
    confirm: (link: string) => [
      'Alguien (esperamos que usted) pidió alertas por correo del ICE Out of Courts Campaign Toolkit para esta dirección.',
      '',
      `Confirme para empezar a recibirlas: ${link}`,
      '',
      'Si no fue usted, ignore este correo: no se enviará nada y la solicitud se borra en 7 días.',
    ],
    existingSubject: 'Ya recibe alertas del kit de herramientas',
    existing: ['Alguien pidió alertas del kit para esta dirección, que ya las recibe. No se cambió nada.'],
    alertSubject: (n: number) => (n === 1 ? 'Alerta del kit: 1 elemento nuevo o actualizado' : `Alertas del kit: ${n} elementos nuevos o actualizados`),
    lead: 'Nuevo y actualizado en el ICE Out of Courts Campaign Toolkit:',
    new: 'Nuevo',
    updated: 'Actualizado',
    lapsed: 'Pasó la fecha de revisión legal: compruébelo antes de usarlo',
    replaces: 'reemplaza a',
    manage: 'Cambiar lo que recibe',
    unsubscribe: 'Darse de baja',
  },
}

/** The signed links of one subscription (src/subscriptions/tokens.ts). */
export function subscriptionLinks(payload: Payload, subscription: SubscriptionDoc) {
  const created = new Date(subscription.createdAt).getTime()
  const base = `${payload.config.serverURL}/api/subscriptions`
  const link = (path: string, purpose: 'confirm' | 'unsubscribe' | 'manage', expires?: number) =>
    `${base}/${path}?token=${encodeURIComponent(signLink(payload.secret, { subscription: subscription.id, created, purpose, expires }))}`
  return { confirm: link('confirm', 'confirm', created + UNCONFIRMED_TTL_MS), unsubscribe: link('unsubscribe', 'unsubscribe'), manage: link('manage', 'manage') }
}

/** RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to the link. */
const unsubscribeHeaders = (unsubscribe: string) => ({ 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' })

const byId = (payload: Payload, id: string) =>
  payload.findByID({ collection: 'subscriptions', id, depth: 0, overrideAccess: true, disableErrors: true, context: { skipAudit: true } }) as Promise<SubscriptionDoc | null>

/** The confirmation (unconfirmed), or the note that the address already receives alerts. Null once deleted. */
export async function renderSubscriptionEmail(payload: Payload, id: string): Promise<Message | null> {
  const subscription = await byId(payload, id)
  if (!subscription) return null
  const text = TEXT[subscription.language] ?? TEXT.en
  const links = subscriptionLinks(payload, subscription)
  if (!subscription.confirmedAt) return { to: subscription.email, subject: text.confirmSubject, text: text.confirm(links.confirm).join('\n') }
  return {
    to: subscription.email,
    subject: text.existingSubject,
    text: [...text.existing, '', `${text.manage}: ${links.manage}`, `${text.unsubscribe}: ${links.unsubscribe}`].join('\n'),
    headers: unsubscribeHeaders(links.unsubscribe),
  }
}

/** One alert email for everything that matched in (from, to], rendered when sent. Null when the subscription is gone or nothing is left to tell. */
export async function renderAlertEmail(payload: Payload, id: string, from: string, to: string): Promise<Message | null> {
  const subscription = await byId(payload, id)
  if (!subscription?.confirmedAt) return null
  const items = await matchingItems(payload, subscription, new Date(from), new Date(to))
  if (!items.length) return null
  const text = TEXT[subscription.language] ?? TEXT.en
  const replaced = await replacedTitles(payload, items, subscription.language)
  const lines = [text.lead, '']
  for (const item of items) {
    const fresh = item.publishedAt && new Date(item.publishedAt) > new Date(from)
    // Titles are people's words: one line, no live links (src/email/strangerText.ts).
    const inWindow = new Date(item.updatedAt) > new Date(from)
    lines.push(`• ${fresh ? text.new : inWindow || !item.lapsed ? text.updated : text.lapsed}: ${inertLine(item.title)}`)
    if (item.lapsed && inWindow) lines.push(`  (${text.lapsed})`)
    for (const old of (item.supersedes ?? []).map((s) => replaced.get(String(s))).filter(Boolean)) lines.push(`  (${text.replaces} ${inertLine(old)})`)
    lines.push(`  ${publicResourceUrl(payload, item)}`)
  }
  const links = subscriptionLinks(payload, subscription)
  lines.push('', `${text.manage}: ${links.manage}`, `${text.unsubscribe}: ${links.unsubscribe}`)
  return { to: subscription.email, subject: text.alertSubject(items.length), text: lines.join('\n'), headers: unsubscribeHeaders(links.unsubscribe) }
}

async function replacedTitles(payload: Payload, items: { supersedes?: (string | number)[] | null }[], locale: 'en' | 'es') {
  const ids = items.flatMap((i) => i.supersedes ?? [])
  if (!ids.length) return new Map<string, string>()
  const { docs } = await payload.find({ collection: 'resources', where: { id: { in: ids } }, pagination: false, depth: 0, locale, overrideAccess: false, select: { title: true } })
  return new Map(docs.map((d) => [String(d.id), String((d as { title?: string }).title ?? '')]))
}
