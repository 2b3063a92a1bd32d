import type { Access } from 'payload'
import { isAdmin } from './roles'

export const selfOrAdmin: Access = ({ req }) => {
  if (isAdmin(req.user)) return true
  if (req.user?.collection === 'contributors') return { id: { equals: req.user.id } }
  return false
}
