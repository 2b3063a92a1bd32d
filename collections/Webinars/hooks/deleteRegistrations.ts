import type { CollectionAfterDeleteHook } from 'payload'

/** A deleted webinar takes its sign-up list with it: no orphaned personal data. */
export const deleteRegistrations: CollectionAfterDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'webinar-registrations',
    where: { webinar: { equals: id } },
    overrideAccess: true,
    req,
  })
}
