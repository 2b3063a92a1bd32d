/** Option labels (categories, sections, statuses…) in the page's language: the ones the admin panel shows. */
import { CATEGORIES, ISSUER_TYPES, LEGISLATIVE_STATUSES, SECTIONS } from '../../collections/Resources/options'
import { resources as spanishResources } from '../admin/labels/resources'
import type { Lang } from './reads'
import { en } from './strings/en'
import { es } from './strings/es'

const ENGLISH: Record<string, readonly { value: string; label: string }[]> = {
  category: CATEGORIES,
  section: SECTIONS,
  issuerType: ISSUER_TYPES,
  legislativeStatus: LEGISLATIVE_STATUSES,
}

export const stringsFor = (lang: Lang) => (lang === 'es' ? es : en)

export function optionLabel(lang: Lang, field: keyof typeof ENGLISH, value: string | null | undefined): string {
  if (!value) return ''
  const spanish = lang === 'es' ? (spanishResources.options?.[field] as Record<string, string> | undefined)?.[value] : undefined
  return spanish ?? ENGLISH[field]?.find((o) => o.value === value)?.label ?? value
}

/** A site path in the page's language: /es/… for Spanish. */
export const href = (lang: Lang, path: string) => (lang === 'es' ? `/es${path === '/' ? '' : path}` : path)

export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}

export function formatDateTime(lang: Lang, iso: string, timeZone?: string | null): string {
  const date = new Date(iso)
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
  try {
    return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', { ...options, timeZone: timeZone || 'America/New_York' }).format(date)
  } catch {
    return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', { ...options, timeZone: 'UTC' }).format(date)
  }
}
