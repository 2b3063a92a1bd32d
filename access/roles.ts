import type { PayloadRequest } from 'payload'

export const ROLES = ['admin', 'editor', 'contributor'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = PayloadRequest['user'] | null | undefined

/** Only active accounts act with their role; pending and suspended ones act as nobody. */
export function activeRole(user: MaybeUser): Role | undefined {
  if (!user || user.collection !== 'contributors') return undefined
  const { role, status } = user as { role?: Role; status?: string }
  return status === 'active' ? role : undefined
}

export const isAdmin = (user: MaybeUser): boolean => activeRole(user) === 'admin'
export const isEditor = (user: MaybeUser): boolean => {
  const role = activeRole(user)
  return role === 'admin' || role === 'editor'
}
