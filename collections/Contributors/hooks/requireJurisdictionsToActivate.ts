import { APIError, type CollectionBeforeChangeHook } from 'payload'

const isEmpty = (value: unknown) => !Array.isArray(value) || value.length === 0

/**
 * A campaign leader works only on resources of their jurisdictions (access/withinJurisdictions.ts),
 * so an editor activating a contributor says which: activating one (a `PATCH` of `status` to
 * `active`, single or bulk, or an admin creating an active contributor) with no jurisdictions,
 * sent or already held, is a 400 naming the problem. What the person asked for at sign-up is in
 * `jurisdictions` already; the activation screen shows it for the editor to confirm or change.
 * Server code (seed, tests through the Local API) is trusted.
 */
export const requireJurisdictionsToActivate: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (req.payloadAPI === 'local') return data
  const status = data?.status ?? originalDoc?.status
  const role = data?.role ?? originalDoc?.role
  const activating = status === 'active' && (operation === 'create' || originalDoc?.status !== 'active')
  if (!activating || role !== 'contributor') return data
  const jurisdictions = data && 'jurisdictions' in data ? data.jurisdictions : originalDoc?.jurisdictions
  if (isEmpty(jurisdictions)) {
    throw new APIError(
      'A contributor needs at least one jurisdiction to be activated: set "jurisdictions" to the states or places they submit documents for.',
      400,
      undefined,
      true,
    )
  }
  return data
}
