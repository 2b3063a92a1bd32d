import type { FieldHook, GroupField } from 'payload'
import { editorsField } from '../../access/editors'
import { nobodyField } from '../../access/signedIn'
import { verificationClock } from '../../src/verification/clock'
import { statusOf, STATUSES } from '../../src/verification/status'
import { supersededIds } from './hooks/reportSuperseded'

const everyone = () => true

/** The derived status, computed on every read (./hooks/reportSuperseded.ts for supersession). */
const deriveStatus: FieldHook = async ({ data, originalDoc, siblingData, req }) => {
  const id = data?.id ?? originalDoc?.id
  const superseded = id !== undefined && id !== null && (await supersededIds(req)).has(String(id))
  return statusOf(siblingData as never, superseded, verificationClock.now())
}

/** The verifier's name, only when they opted in to public attribution; null otherwise. */
const publicAttribution: FieldHook = async ({ siblingData, req }) => {
  const by = (siblingData as { verifiedBy?: unknown } | undefined)?.verifiedBy
  const id = by && typeof by === 'object' ? (by as { id?: unknown }).id : by
  if (id === undefined || id === null || !(siblingData as { verifiedAt?: unknown }).verifiedAt) return null
  const cache = ((req.context as Record<string, unknown>).verifierNames ??= new Map<string, Promise<string | null>>()) as Map<string, Promise<string | null>>
  if (!cache.has(String(id))) {
    cache.set(
      String(id),
      req.payload.db
        .findOne({ collection: 'contributors', where: { id: { equals: id } }, select: { name: true, publicAttribution: true }, req })
        .then((doc) => {
          const person = doc as { name?: string; publicAttribution?: boolean } | null
          return person?.publicAttribution === true ? (person.name ?? null) : null
        }),
    )
  }
  return cache.get(String(id))!
}

/**
 * The legal sign-off (docs/WORKFLOW.md "Legal sign-off"). Written only by server code: the
 * verify action (src/verification/signOff.ts) and publishing (a change of substance clears it).
 * Public: `status` (derived on read), `verifiedAt`, `reviewBy`, and `attribution` (the
 * verifier's name, only if they opted in). Who verified, and what the sign-off covered, are
 * for editors only.
 */
export const verificationField: GroupField = {
  name: 'verification',
  type: 'group',
  // Shown by the review panel (src/admin/WorkflowPanel.tsx), which reads the published version's: a
  // sign-off on published content is written there alone, so the form's working copy may lag.
  admin: { hidden: true, description: 'Legal sign-off: set by the verify action of a legal reviewer, never by editing.' },
  fields: [
    {
      name: 'status',
      type: 'select',
      virtual: true,
      options: STATUSES.map((value) => ({ label: value, value })),
      access: { read: everyone, create: nobodyField, update: nobodyField },
      hooks: { afterRead: [deriveStatus] },
      admin: { readOnly: true },
    },
    { name: 'verifiedAt', type: 'date', index: true, access: { read: everyone, create: nobodyField, update: nobodyField }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'reviewBy', type: 'date', index: true, access: { read: everyone, create: nobodyField, update: nobodyField }, admin: { readOnly: true, date: { pickerAppearance: 'dayOnly' } } },
    // Before verifiedBy: its hook reads verifiedBy before field access removes it from a public answer.
    {
      name: 'attribution',
      type: 'text',
      virtual: true,
      access: { read: everyone, create: nobodyField, update: nobodyField },
      hooks: { afterRead: [publicAttribution] },
      admin: { readOnly: true, description: 'The verifier’s name, shown publicly only if they opted in to public attribution.' },
    },
    {
      name: 'verifiedBy',
      type: 'relationship',
      relationTo: 'contributors',
      // Written by server code only; not validated against anyone's read access.
      validate: () => true as const,
      access: { read: editorsField, create: nobodyField, update: nobodyField },
      admin: { readOnly: true },
    },
    // A fingerprint of the substance the sign-off covers (src/verification/substance.ts).
    { name: 'covers', type: 'text', hidden: true, access: { read: nobodyField, create: nobodyField, update: nobodyField } },
  ],
}
