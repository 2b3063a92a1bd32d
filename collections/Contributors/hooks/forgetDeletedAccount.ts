import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * Records that name an account and outlive it: the field is emptied, the record stays. Review
 * events keep what happened, when and the note (the timeline and emails say "a deleted account");
 * the registrations audit keeps the read; a document keeps its file.
 */
const REFERENCES = [
  { collection: 'review-events', field: 'by' },
  { collection: 'review-events', field: 'resourceOwner' },
  { collection: 'registration-audit', field: 'user' },
  { collection: 'documents', field: 'uploadedBy' },
] as const

/**
 * Deleting an account is erasing the person from the records, not the records (docs/WORKFLOW.md
 * "Deleting an account"; suspending keeps both). SQLite's foreign keys would empty these columns
 * on their own (ON DELETE SET NULL; `by` had to become optional for that), MongoDB has none and
 * would keep the deleted id: emptied here, in the delete's transaction, the same on both.
 * Resources' owner, assignee and sign-off reviewer: see the same section.
 */
export const forgetDeletedAccount: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const { collection, field } of REFERENCES) {
    await req.payload.db.updateMany({ collection, where: { [field]: { equals: id } }, data: { [field]: null }, returning: false, req })
  }
}
