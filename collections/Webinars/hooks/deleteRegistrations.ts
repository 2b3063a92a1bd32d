import type { CollectionBeforeDeleteHook } from 'payload'

/** A deleted webinar takes its sign-up list with it (before the webinar row goes: the reference is required). */
export const deleteRegistrations: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'webinar-registrations',
    where: { webinar: { equals: id } },
    overrideAccess: true,
    depth: 0,
    req,
    context: { skipAudit: true },
  })
}
