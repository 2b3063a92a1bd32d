import type { FieldHook } from 'payload'

type WebinarDoc = { id?: string | number; capacity?: number | null }

/** Seats still free: capacity minus registered people, never below 0; null when unlimited. */
export const seatsLeft: FieldHook = async ({ data, req }) => {
  const doc = data as WebinarDoc | undefined
  if (!doc?.id) return null
  // The public may not read `capacity` (field access may already have removed it): look it up.
  const capacity =
    doc.capacity !== undefined
      ? doc.capacity
      : (
          (await req.payload.findByID({
            collection: 'webinars',
            id: doc.id,
            select: { capacity: true },
            depth: 0,
            overrideAccess: true,
            req,
          })) as WebinarDoc
        ).capacity
  if (!capacity) return null
  const { totalDocs } = await req.payload.count({
    collection: 'webinar-registrations',
    where: { and: [{ webinar: { equals: doc.id } }, { status: { equals: 'registered' } }] },
    overrideAccess: true,
    req,
  })
  return Math.max(0, capacity - totalDocs)
}
