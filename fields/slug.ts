import { ValidationError, type CollectionBeforeChangeHook, type FieldHook, type TextField } from 'payload'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_LENGTH = 120

/** "Protect Our Courts Act (A2176-A)" → "protect-our-courts-act-a2176-a"; accents folded, so Spanish titles work too. */
export function toSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '')
}

/**
 * Fills an empty slug from `from` (the title), adding -2, -3… when that slug is taken, so two
 * resources with one title do not collide. A slug the client sends is kept as sent: a duplicate
 * then fails the unique index with a 400 naming `slug`.
 */
const generateSlug =
  (from: string): FieldHook =>
  async ({ value, siblingData, collection, req, originalDoc }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    if (originalDoc?.slug) return originalDoc.slug
    const source = siblingData?.[from]
    if (typeof source !== 'string' || !collection) return value
    const base = toSlug(source)
    if (!base) return value
    for (let n = 1; n < 100; n++) {
      const candidate = n === 1 ? base : `${base.slice(0, MAX_LENGTH - 4)}-${n}`
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as never,
        where: { slug: { equals: candidate } },
        overrideAccess: true,
        req,
      })
      if (totalDocs === 0) return candidate
    }
    return base
  }

/** A unique, URL-safe identifier, generated from `from` when left empty. */
export function slugField(from = 'title', description?: string): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    maxLength: MAX_LENGTH,
    admin: {
      position: 'sidebar',
      description:
        description ?? `Part of the public URL: lowercase letters, digits and hyphens. Left empty, it is made from the ${from}.`,
    },
    hooks: { beforeValidate: [generateSlug(from)] },
    validate: (value: string | null | undefined) => {
      if (!value) return 'A slug is required (or a title to make it from).'
      return SLUG_PATTERN.test(value) || 'A slug may contain only lowercase letters, digits and single hyphens (e.g. "protect-our-courts-act").'
    },
  }
}

/**
 * Links break when a published slug changes: once any version of the document was published, its
 * slug is fixed. (Ever published, not currently: an unpublished page's URL may still be linked.)
 */
export const keepPublishedSlug: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, collection }) => {
  if (operation !== 'update' || !originalDoc || data.slug === undefined || data.slug === originalDoc.slug) return data
  const published =
    originalDoc._status === 'published' ||
    (
      await req.payload.countVersions({
        collection: collection.slug as never,
        where: { and: [{ parent: { equals: originalDoc.id } }, { 'version._status': { equals: 'published' } }] },
        req,
      })
    ).totalDocs > 0
  if (published) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'slug', message: 'The slug of a published resource cannot change: links to it would break.' }],
      req,
    })
  }
  return data
}
