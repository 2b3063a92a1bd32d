/** The choices a person makes when registering; the endpoint and the collection share them. */
export const REGISTRANT_ROLES = [
  'organizer',
  'attorney',
  'advocate',
  'affected-community-member',
  'public-official',
  'other',
] as const
export const INTERESTS = ['start-campaign', 'expand-campaign', 'learn'] as const
export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const

export const label = (value: string) => value[0]!.toUpperCase() + value.slice(1).replace(/-/g, ' ')
export const MESSAGE_MAX = 1000
