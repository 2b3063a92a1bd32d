import type { CollectionBeforeOperationHook, FieldHook, PayloadRequest } from 'payload'

/**
 * The Spanish names of the places whose name differs in Spanish (the others, Texas or Puerto
 * Rico, read the same). By code, for the standard English name only: a name an editor changed
 * is shown as they wrote it. `name` stays one stored text (sorted, filtered, unique in spirit);
 * Spanish readers get these in its place (below). Names as the Spanish press in the US writes them.
 */
const SPANISH: Record<string, [english: string, spanish: string]> = {
  US: ['United States (federal)', 'Estados Unidos (federal)'],
  'US-HI': ['Hawaii', 'Hawái'],
  'US-LA': ['Louisiana', 'Luisiana'],
  'US-MI': ['Michigan', 'Míchigan'],
  'US-MS': ['Mississippi', 'Misisipi'],
  'US-MO': ['Missouri', 'Misuri'],
  'US-NJ': ['New Jersey', 'Nueva Jersey'],
  'US-NM': ['New Mexico', 'Nuevo México'],
  'US-NY': ['New York', 'Nueva York'],
  'US-NC': ['North Carolina', 'Carolina del Norte'],
  'US-ND': ['North Dakota', 'Dakota del Norte'],
  'US-PA': ['Pennsylvania', 'Pensilvania'],
  'US-SC': ['South Carolina', 'Carolina del Sur'],
  'US-SD': ['South Dakota', 'Dakota del Sur'],
  'US-WV': ['West Virginia', 'Virginia Occidental'],
  'US-DC': ['District of Columbia', 'Distrito de Columbia'],
  'US-AS': ['American Samoa', 'Samoa Estadounidense'],
  'US-MP': ['Northern Mariana Islands', 'Islas Marianas del Norte'],
  'US-VI': ['U.S. Virgin Islands', 'Islas Vírgenes de los Estados Unidos'],
}

/** A jurisdiction's name in `language`: the Spanish one where it differs and the stored name is the standard one. */
export function jurisdictionName(doc: { code?: unknown; name?: unknown }, language: string | undefined): string {
  const name = typeof doc.name === 'string' ? doc.name : ''
  const known = typeof doc.code === 'string' ? SPANISH[doc.code] : undefined
  return language === 'es' && known && known[0] === name ? known[1] : name
}

/**
 * Whether a read is in Spanish: the content asked in Spanish (`?locale=es`, the panel's content
 * language), or a signed-in person whose panel is in Spanish (the panel's pickers ask `locale=en`
 * while its screens are Spanish).
 */
export const readsSpanish = (req: PayloadRequest) => req.locale === 'es' || (Boolean(req.user) && req.i18n?.language === 'es')

/** afterRead of `name`: the Spanish name for Spanish readers. */
export const nameForReader: FieldHook = ({ value, siblingData, req }) =>
  readsSpanish(req) ? jurisdictionName({ code: siblingData?.code, name: value }, 'es') : value

/**
 * beforeChange of `name`: a Spanish screen saving the form sends back the Spanish reading; the
 * stored name stays the English one it was read from.
 */
export const keepStoredName: FieldHook = ({ value, siblingData, originalDoc }) => {
  const code = (siblingData?.code ?? originalDoc?.code) as string | undefined
  const known = code ? SPANISH[code] : undefined
  return known && value === known[1] ? known[0] : value
}

const folded = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()

/** The codes whose Spanish name has every word of `search` (Payload's `like`: words, any case; accents ignored). */
function codesNamed(search: string): string[] {
  const words = folded(search).split(/\s+/).filter(Boolean)
  if (!words.length) return []
  return Object.entries(SPANISH)
    .filter(([, [, spanish]]) => words.every((word) => folded(spanish).includes(word)))
    .map(([code]) => code)
}

/** `{ name: { like|contains: "Nueva York" } }` also matches the places so named in Spanish. */
function withSpanishNames(where: unknown): unknown {
  if (Array.isArray(where)) return where.map(withSpanishNames)
  if (!where || typeof where !== 'object') return where
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(where)) {
    const condition = value as Record<string, unknown>
    const search = key === 'name' && condition && typeof condition === 'object' ? (condition.like ?? condition.contains) : undefined
    const codes = typeof search === 'string' ? codesNamed(search) : []
    if (codes.length) out.or = [...((out.or as unknown[]) ?? []), { name: value }, { code: { in: codes } }]
    else out[key] = key === 'and' || key === 'or' ? withSpanishNames(value) : value
  }
  return out
}

/**
 * beforeOperation: a search by name finds a place by its Spanish name too (the panel's picker, on
 * a Spanish screen, shows "Nueva York" and its reader types that; the stored name is "New York").
 */
export const searchSpanishNames: CollectionBeforeOperationHook = ({ args, operation }) => {
  const { where } = args as { where?: unknown }
  if ((operation === 'read' || operation === 'count') && where) return { ...args, where: withSpanishNames(where) } as typeof args
  return args
}
