import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A deleted resource takes its review history, and its place on the re-verification queue, with
 * it (before the resource row goes: their reference to it is required, and SQLite refuses the
 * delete otherwise).
 */
export const deleteReviewHistory: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'review-events', where: { resource: { equals: id } }, overrideAccess: true, depth: 0, req })
  await req.payload.delete({ collection: 'reverifications', where: { resource: { equals: id } }, overrideAccess: true, depth: 0, req })
}
