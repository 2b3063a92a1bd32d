import type { TextFieldSingleValidation } from 'payload'
import { subdivisionOf, subdivisionType } from './usSubdivisions'

const LOCAL_PART = /^[A-Z0-9]+$/

/**
 * `US` for the federal level; an ISO 3166-2 code (`US-NY`) for a state, DC or a territory, whose
 * type must match ISO's; a county, city or tribal nation gets its own part under a subdivision
 * (`US-NY-KINGS`, `US-NY-NYC`). Upper case, hyphen-separated.
 */
export const validateJurisdictionCode: TextFieldSingleValidation = (value, { siblingData }) => {
  if (!value) return 'A code is required, e.g. "US", "US-NY" or "US-NY-KINGS".'
  const type = (siblingData as { type?: string }).type
  if (value === 'US') return type === undefined || type === 'federal' || 'Only the federal jurisdiction has the code "US".'
  if (type === 'federal') return 'The federal jurisdiction has the code "US".'
  const subdivision = subdivisionOf(value)
  if (!subdivision) {
    return `"${value}" is not under a US state, DC or territory: codes start with an ISO 3166-2 code such as "US-NY".`
  }
  const parts = value.split('-')
  if (parts.length === 2) {
    const isoType = subdivisionType(value)
    if (type && type !== isoType) return `${value} is a ${isoType} in ISO 3166-2, not a ${type}.`
    return true
  }
  if (type === 'state' || type === 'district' || type === 'territory') {
    return `A ${type} has a two-part ISO code such as "US-NY"; "${value}" is the form for counties and cities.`
  }
  if (!parts.slice(2).every((part) => LOCAL_PART.test(part))) {
    return 'The local part of a code is upper-case letters and digits, e.g. "US-NY-KINGS".'
  }
  return true
}
