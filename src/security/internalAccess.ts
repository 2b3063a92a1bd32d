import type { Access, SanitizedConfig, Where } from 'payload'
import { activeRole, isEditor } from '../../access/roles'
import { guardLocks } from './lockGuard'

/**
 * Payload adds its own collections and globals while it sanitizes the config (after plugins
 * run), and leaves some on its default access: any signed-in account, pending sign-ups
 * included. Narrowed here, on the sanitized config; tests/security-routes.test.ts proves every
 * collection and global answers as docs/SECURITY.md's access matrix says.
 */
const ownLocksOrEditor: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (!activeRole(req.user)) return false
  const own: Where[] = [{ 'user.value': { equals: req.user!.id } }, { 'user.relationTo': { equals: req.user!.collection } }]
  return { and: own }
}
/**
 * Reading locks: an account's own (editors all). A pending or suspended account holds none (it may
 * not create one), so it reads an empty list rather than a refusal: the panel's dashboard and
 * edit views read locks for every signed-in account and would fail on a 403.
 */
const ownLocksToRead: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (!req.user) return false
  const own: Where[] = [{ 'user.value': { equals: req.user.id } }, { 'user.relationTo': { equals: req.user.collection } }]
  return { and: own }
}
const activeAccount: Access = ({ req }) => Boolean(activeRole(req.user))
const anyAccount: Access = ({ req }) => Boolean(req.user) // preferences: Payload binds each to its caller
const nobody: Access = () => false

export function closeInternalAccess(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (collection.slug === 'payload-locked-documents') {
      // Edit locks name documents and who edits them: not for pending accounts, and a
      // contributor cannot lift or forge an editor's lock.
      Object.assign(collection.access, { read: ownLocksToRead, create: activeAccount, update: ownLocksOrEditor, delete: ownLocksOrEditor })
      // And a lock only in the caller's own name, on what the caller may edit (./lockGuard.ts).
      collection.hooks.beforeOperation = [...(collection.hooks.beforeOperation ?? []), guardLocks]
    }
    // No REST or GraphQL route today; closed so that a future Payload route would not open it.
    if (collection.slug === 'payload-migrations') Object.assign(collection.access, { read: nobody, create: nobody, update: nobody, delete: nobody })
    if (collection.slug === 'payload-preferences') Object.assign(collection.access, { create: anyAccount })
    // An account's sessions are written by Payload's login, through the adapter; the field Payload
    // adds leaves them open on create, so a sign-up could store session rows of its choosing (of no
    // use without the secret, but as many as the body holds). Nor are they read through the API:
    // Payload's own auth reads them with overrideAccess or through the adapter, and the owner's read
    // made every login answer (and /me) carry every session the account holds, ids included, one
    // more with each login for the token's 8 hours (a login's answer and its work grew with them).
    if (collection.auth) {
      for (const field of [...collection.fields, ...collection.flattenedFields]) {
        if ('name' in field && field.name === 'sessions' && field.type === 'array') field.access = { ...field.access, create: () => false, read: () => false }
      }
    }
  }
  for (const global of config.globals) {
    // Job statistics are written by the scheduler through the Local API; nothing for API callers.
    if (global.slug === 'payload-jobs-stats') Object.assign(global.access, { read: nobody, update: nobody, readVersions: nobody })
  }
  return config
}
