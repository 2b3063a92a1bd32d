import { ValidationError, type CollectionBeforeChangeHook, type CollectionSlug, type FieldHook, type PayloadRequest, type TextField, type Where } from 'payload'

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
 * Which other documents a slug must differ from:
 * - `all`: every document (organizations, topics: everyone reads them all), kept by a unique index;
 * - `published`: published documents only (resources, whose drafts only their owner and editors
 *   see). Refusing, or numbering, a slug because someone's hidden draft holds it would tell the
 *   caller that draft exists; two drafts may share a slug, and publishing settles it
 *   (reservePublishedSlug).
 */
export type SlugUniqueness = 'all' | 'published'

/** Whether any document but `id` matches, in this request's transaction (server code: access off). */
async function anyOther(req: PayloadRequest, collection: string, and: Where[], id?: string | number | null): Promise<boolean> {
  if (id !== undefined && id !== null) and.push({ id: { not_equals: id } })
  // A Local API call given `req` resets req.fallbackLocale: the request's write goes on with its own.
  const { locale, fallbackLocale } = req
  try {
    return (await req.payload.count({ collection: collection as CollectionSlug, where: { and }, overrideAccess: true, req })).totalDocs > 0
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}

/** Whether another document (not `id`) holds `slug` among those `uniqueAmong` names: public knowledge either way. */
const slugTaken = (req: PayloadRequest, collection: string, slug: string, uniqueAmong: SlugUniqueness, id?: string | number) =>
  anyOther(req, collection, [{ slug: { equals: slug } }, ...(uniqueAmong === 'published' ? [{ _status: { equals: 'published' } }] : [])], id)

const numbered = (base: string, n: number) => (n === 1 ? base : `${base.slice(0, MAX_LENGTH - 4)}-${n}`)

/**
 * Fills an empty slug from `from` (the title), adding -2, -3… when that slug is taken, so two
 * documents with one title do not collide. A slug the client sends is kept as sent: a duplicate
 * is a 400 naming `slug` (the unique index, or for `published` this check).
 */
const generateSlug =
  (from: string, uniqueAmong: SlugUniqueness): FieldHook =>
  async ({ value, siblingData, collection, req, originalDoc }) => {
    if (!collection) return value
    if (typeof value === 'string' && value.trim() !== '') {
      const slug = value.trim()
      if (uniqueAmong === 'published' && slug !== originalDoc?.slug && (await slugTaken(req, collection.slug, slug, uniqueAmong, originalDoc?.id))) {
        throw new ValidationError({ collection: collection.slug, errors: [{ path: 'slug', message: `A published ${collection.slug === 'resources' ? 'resource' : 'document'} already has the slug "${slug}": choose another.` }], req })
      }
      return slug
    }
    if (originalDoc?.slug) return originalDoc.slug
    const source = siblingData?.[from]
    if (typeof source !== 'string') return value
    const base = toSlug(source)
    if (!base) return value
    for (let n = 1; n < 100; n++) {
      const candidate = numbered(base, n)
      if (!(await slugTaken(req, collection.slug, candidate, uniqueAmong))) return candidate
    }
    return base
  }

/** A URL-safe identifier, generated from `from` when left empty, unique among `uniqueAmong` (see SlugUniqueness). */
export function slugField(from = 'title', description?: string, uniqueAmong: SlugUniqueness = 'all'): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: uniqueAmong === 'all',
    // `published` slugs are looked up with the published filter and a sort: the collection indexes them so (resources).
    index: uniqueAmong === 'all',
    maxLength: MAX_LENGTH,
    admin: {
      position: 'sidebar',
      description:
        description ?? `Part of the public URL: lowercase letters, digits and hyphens. Left empty, it is made from the ${from}.`,
    },
    hooks: { beforeValidate: [generateSlug(from, uniqueAmong)] },
    validate: (value: string | null | undefined) => {
      if (!value) return 'A slug is required (or a title to make it from).'
      return SLUG_PATTERN.test(value) || 'A slug may contain only lowercase letters, digits and single hyphens (e.g. "protect-our-courts-act").'
    },
  }
}

/**
 * With `published` slugs: the slug a document had when it was first published, held for good (its
 * URL may be linked). The unique index lives here, so two published documents can never share a
 * slug, whatever reaches the database first. Set by reservePublishedSlug only.
 */
export const publishedSlugField: TextField = { name: 'publishedSlug', type: 'text', unique: true, hidden: true, maxLength: MAX_LENGTH }

/**
 * When a document is published (created or updated with `_status: published`), its slug must
 * differ from every other document's reserved `publishedSlug`. A clash, which only an unpublished
 * draft can have, is settled with -2, -3…: the new slug shows only once the document is public.
 */
export const reservePublishedSlug: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection }) => {
  if (data._status !== 'published') return data
  const slug = (data.slug ?? originalDoc?.slug) as string | undefined
  if (!slug) return data
  if (originalDoc?.publishedSlug && originalDoc.publishedSlug === slug) return { ...data, publishedSlug: slug }
  for (let n = 1; n < 1000; n++) {
    const candidate = numbered(slug, n)
    if (!(await anyOther(req, collection.slug, [{ publishedSlug: { equals: candidate } }], originalDoc?.id))) return { ...data, slug: candidate, publishedSlug: candidate }
  }
  throw new ValidationError({ collection: collection.slug, errors: [{ path: 'slug', message: `The slug "${slug}" is taken: choose another.` }], req })
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
