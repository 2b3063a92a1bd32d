import { getTranslation } from '@payloadcms/translations'
import {
  afterReadTraverseFields,
  createLocalReq,
  type CollectionSlug,
  type FlattenedField,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'
import { fieldIsVirtual, toWords } from 'payload/shared'
import { isDeepStrictEqual } from 'node:util'
import { WORKFLOW_ONLY_FIELDS } from '../../collections/Resources/workflowFields'
import { displayValue, relatedTitles, type Titles } from './displayValue'
import { withHiddenCleared } from '../../fields/shownWhen'

/** One field in one locale (null: the field is the same in every locale). */
export type PreviewRow = {
  field: string
  label: string
  locale: string | null
  /** As the public reads it now from the last published version (null: never published, or empty). */
  published: unknown
  /** As the public will read it once the working copy is published. */
  proposed: unknown
  publishedText: string
  proposedText: string
  changed: boolean
}

export type PublicationPreview = {
  id: string | number
  /** The public sees a published version right now. */
  live: boolean
  /** The last published version (Payload's versions); while live, the diff is against what the public reads now. */
  publishedVersion: { id: string | number; updatedAt: string } | null
  locales: { code: string; label: string }[]
  rows: PreviewRow[]
}

// Payload's own bookkeeping, and what the publish action itself writes (the legal sign-off is
// decided at publish: src/verification/signOff.ts): not content under review.
const NOT_CONTENT = new Set<string>(['id', 'createdAt', 'updatedAt', 'verification', ...WORKFLOW_ONLY_FIELDS])

type Doc = Record<string, unknown>

/**
 * What publishing a document's working copy (its latest version) makes public: every field an
 * anonymous reader can read, decided by the collection's field config and field access exactly as
 * Payload's REST and GraphQL reads decide it, in every locale (as stored, without fallback), beside
 * the last published version. Hidden-in-the-form fields (conditions, the other locale) included:
 * what the public can read is what the editor must see. Null when there is no such document.
 */
export async function publicationPreview(
  req: PayloadRequest,
  collectionSlug: CollectionSlug,
  id: string | number,
): Promise<PublicationPreview | null> {
  const { payload } = req
  const collection = payload.collections[collectionSlug]!.config
  const localization = payload.config.localization
  const locales = localization ? localization.locales.map((l) => ({ code: l.code, label: getTranslation(l.label, req.i18n) })) : []
  const localeCodes = localization ? locales.map((l) => l.code) : [undefined]
  const defaultLocale = localization ? localization.defaultLocale : undefined

  // As stored in each locale: no fallback to English; no joins (computed from other documents).
  const byId = { collection: collectionSlug, fallbackLocale: 'none', joins: false as never, disableErrors: true } as const
  const readWorkingCopy = (locale?: string) =>
    payload.findByID({ ...byId, id, draft: true, locale: locale as never, depth: 0, overrideAccess: true, req }) as Promise<Doc | null>
  const readLastPublished = async (locale?: string) => {
    const { docs } = await payload.findVersions({
      collection: collectionSlug,
      depth: 0,
      overrideAccess: true,
      req,
      fallbackLocale: false,
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
      sort: '-updatedAt',
      limit: 1,
      locale: locale as never,
    })
    return docs[0] as { id: string | number; updatedAt: string; version: Doc } | undefined
  }
  const readMain = (locale?: string) =>
    payload.findByID({ ...byId, id, draft: false, locale: locale as never, depth: 0, overrideAccess: true, req }) as Promise<Doc | null>
  const main = await readMain()
  if (!main) return null
  const live = main._status === 'published'

  const proposed = new Map<string | undefined, Doc>()
  const published = new Map<string | undefined, Doc | null>()
  let publishedVersion: PublicationPreview['publishedVersion'] = null
  for (const locale of localeCodes) {
    const stored = await readWorkingCopy(locale)
    if (!stored) return null
    // Publishing is a save: fields its category hides are stored empty (fields/shownWhen.ts).
    const draft = withHiddenCleared(collection.fields, stored)
    proposed.set(locale, await asThePublicReadsIt(req, collection, draft, locale))
    const version = await readLastPublished(locale)
    if (version) publishedVersion = { id: version.id, updatedAt: version.updatedAt }
    // While live, the main document is what the public reads (even once maxPerDoc has pruned
    // the version it was published as); otherwise the last published version.
    const before = live ? await readMain(locale) : (version?.version ?? null)
    published.set(locale, before ? await asThePublicReadsIt(req, collection, before, locale) : null)
  }

  const fields = collection.flattenedFields.filter(
    (field) => !fieldIsVirtual(field as never) && field.type !== 'join' && !NOT_CONTENT.has(field.name),
  )
  const rows: Omit<PreviewRow, 'publishedText' | 'proposedText'>[] = []
  for (const field of fields) {
    for (const locale of variesByLocale(field) ? localeCodes : [defaultLocale]) {
      const after = proposed.get(locale)!
      const before = published.get(locale) ?? null
      // A field the public may not read is gone from the public view (Payload's field access).
      if (!(field.name in after) && !(before && field.name in before)) continue
      const value = { proposed: after[field.name] ?? null, published: before?.[field.name] ?? null }
      rows.push({
        field: field.name,
        label: getTranslation(('label' in field && field.label) || toWords(field.name), req.i18n),
        locale: variesByLocale(field) ? (locale ?? null) : null,
        ...value,
        changed: !isDeepStrictEqual(emptyAsNull(value.proposed), emptyAsNull(value.published)),
      })
    }
  }

  const titles: Titles = await relatedTitles(req, fields, rows)
  return {
    id,
    live,
    publishedVersion,
    locales,
    rows: rows.map((row) => {
      const field = fields.find((f) => f.name === row.field)!
      return { ...row, publishedText: displayValue(field, row.published, req, titles), proposedText: displayValue(field, row.proposed, req, titles) }
    }),
  }
}

/** The document as an anonymous reader gets it: Payload's afterRead field rules, run with no user. */
async function asThePublicReadsIt(req: PayloadRequest, collection: SanitizedCollectionConfig, doc: Doc, locale: string | undefined): Promise<Doc> {
  const copy = structuredClone(doc)
  // An empty field is still a field the public may read: keep its key so access alone decides.
  for (const field of collection.flattenedFields) if (copy[field.name] === undefined) copy[field.name] = null
  const anonymous = await createLocalReq({ locale, fallbackLocale: false, req: { i18n: req.i18n } }, req.payload)
  const fieldPromises: Promise<void>[] = []
  const populationPromises: Promise<void>[] = []
  afterReadTraverseFields({
    collection,
    context: {},
    currentDepth: 1,
    depth: 0,
    doc: copy,
    draft: false,
    fallbackLocale: false,
    fieldPromises,
    fields: collection.fields,
    findMany: false,
    flattenLocales: false, // the document was read in this one locale already
    global: null,
    locale: locale ?? null,
    overrideAccess: false,
    parentIndexPath: '',
    parentIsLocalized: false,
    parentPath: '',
    parentSchemaPath: '',
    populationPromises,
    req: anonymous,
    showHiddenFields: false,
    siblingDoc: copy,
    triggerHooks: false, // access and hidden fields only: hooks ran when the document was read
  })
  while (fieldPromises.length || populationPromises.length) {
    await Promise.all(fieldPromises.splice(0))
    await Promise.all(populationPromises.splice(0))
  }
  return copy
}

/** A field whose value differs per locale: localized itself, or holding a localized field. */
function variesByLocale(field: FlattenedField): boolean {
  if ('localized' in field && field.localized) return true
  if ('flattenedFields' in field) return field.flattenedFields.some(variesByLocale)
  if ('blocks' in field) return field.blocks.some((block) => typeof block !== 'string' && block.flattenedFields.some(variesByLocale))
  return false
}

function emptyAsNull(value: unknown): unknown {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null
  return value
}
