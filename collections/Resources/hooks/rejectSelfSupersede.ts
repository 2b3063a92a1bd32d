import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

type Ref = string | number | { id: string | number } | null | undefined
const idOf = (ref: Ref) => (ref && typeof ref === 'object' ? ref.id : ref)

/** A resource cannot replace itself (the chain would loop). */
export const rejectSelfSupersede: CollectionBeforeValidateHook = ({ data, originalDoc, collection, req }) => {
  const id = originalDoc?.id
  // Not a list: the link check (src/security/linkedDocuments.ts) refuses it.
  const supersedes = (Array.isArray(data?.supersedes) ? data.supersedes : []) as Ref[]
  if (id !== undefined && supersedes.some((ref) => String(idOf(ref)) === String(id))) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'supersedes', message: 'A resource cannot supersede itself.' }],
      req,
    })
  }
  return data
}
