import { ValidationError, type FieldHook } from 'payload'

const filled = (value: unknown) => (typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null)

/**
 * A localized field that is needed in at least ONE language, not necessarily the default one: a
 * Spanish-only resource is a whole resource (readers of the other language get the fallback,
 * src/config.ts `localization`). Payload's `required` on a localized field means "in the locale
 * being written", so a Spanish-only item could not be published in English's name. Put this in
 * the field's `hooks.beforeChange` in place of `required: true`; it sees every locale the way
 * Payload's own merge does (the written locale from the request, the others as stored).
 */
export const neededInOneLanguage =
  (message: string): FieldHook =>
  ({ value, siblingDocWithLocales, field, req, collection, path }) => {
    const name = ('name' in field && field.name) || ''
    const stored = (siblingDocWithLocales?.[name] ?? {}) as Record<string, unknown>
    const codes = req.payload.config.localization ? req.payload.config.localization.localeCodes : []
    const written = (code: string) => (req.locale === 'all' ? (value as Record<string, unknown> | null)?.[code] : code === req.locale ? value : stored[code])
    if (codes.some((code) => filled(written(code)))) return value
    throw new ValidationError({ collection: collection?.slug, errors: [{ path: path.join('.'), message }], req })
  }
