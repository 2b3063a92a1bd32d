import { lexicalEditor, LinkFeature, RelationshipFeature, UploadFeature } from '@payloadcms/richtext-lexical'
import type { CollectionSlug } from 'payload'

/**
 * What rich text may point at: published-content collections only. Never the private ones
 * (registrations, accounts, the audit log, jobs, locks, preferences): a node naming one would be
 * populated into the text by server code (the review history, the search index) with every
 * field, and a populated registration's read is audited — a write inside the caller's
 * transaction (docs/RELIABILITY.md, "A submit froze every write"). An allowlist, so a new
 * collection stays out until someone decides otherwise.
 */
export const RICH_TEXT_TARGETS = {
  relationship: ['resources', 'jurisdictions', 'organizations', 'topics', 'webinars'],
  upload: ['documents'],
  link: ['resources', 'jurisdictions', 'organizations', 'topics', 'webinars'],
} as const satisfies Record<string, readonly CollectionSlug[]>

/** Every collection a rich-text node of any kind may name (src/security/relationTargets.ts checks stored text against it). */
export const RICH_TEXT_COLLECTIONS: ReadonlySet<string> = new Set(Object.values(RICH_TEXT_TARGETS).flat())

const restricted = {
  relationship: () => RelationshipFeature({ enabledCollections: [...RICH_TEXT_TARGETS.relationship] }),
  upload: () => UploadFeature({ enabledCollections: [...RICH_TEXT_TARGETS.upload] }),
  link: () => LinkFeature({ enabledCollections: [...RICH_TEXT_TARGETS.link] }),
}

/** Payload's lexical editor, its relation features limited to RICH_TEXT_TARGETS (pickers, validation, population), in their usual places. */
export const richTextEditor = () =>
  lexicalEditor({
    features: ({ defaultFeatures }) =>
      defaultFeatures.map((feature) => (feature.key in restricted ? restricted[feature.key as keyof typeof restricted]() : feature)),
  })
