import { validatePersonName } from '../../fields/plainText'
import type { CollectionConfig } from 'payload'
import { adminOnly, adminOnlyField } from '../../access/adminOnly'
import { ROLES } from '../../access/roles'
import { anyone } from '../../access/anyone'
import { editors } from '../../access/editors'
import { sameId } from '../../access/sameId'
import { selfOrEditor } from '../../access/selfOrEditor'
import { anyAccount } from '../../access/signedIn'
import { selfOrContributorsForEditors, statusFieldUpdate } from './access'
import { assignRoleOnCreate, firstAdminRace } from './hooks/assignRoleOnCreate'
import { guardAccountChanges } from './hooks/guardAccountChanges'
import { guardPasswordChanges } from './hooks/guardPasswordChanges'
import { deferEmailChange } from './hooks/deferEmailChange'
import { forgetDeletedAccount } from './hooks/forgetDeletedAccount'
import { confirmEmailEndpoints } from './endpoints/confirmEmail'
import { signUpEndpoint } from './endpoints/signUp'
import { notifyAccountChanges } from './hooks/notifyAccountChanges'
import { rejectMalformedCredentials } from './hooks/rejectMalformedCredentials'
import { requireJurisdictionsToActivate } from './hooks/requireJurisdictionsToActivate'
import { rememberVerifiedItems, verifierDeleted, verifierNameChanged } from './hooks/verifierNameChanged'
import { passwordResetEmail } from '../../src/email/accountEmails'

/** Campaign leaders, editors and admins: the people who sign in. */
export const Contributors: CollectionConfig = {
  slug: 'contributors',
  labels: { singular: 'Contributor', plural: 'Contributors' },
  auth: {
    // Lockout after repeated failures; a short lock limits how long an attacker can keep a victim out.
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // The reset email in the account's language (src/email/recipientLanguage.ts), not the requester's.
    forgotPassword: passwordResetEmail,
    // Cookie flags: src/plugins/cookiePolicy.ts (Secure follows the production setting).
  },
  // Accounts change over REST only (sign-up, login, password reset), where rate limits and the
  // lockout apply per client address; GraphQL is one route and would sidestep them.
  graphQL: { disableMutations: true },
  // Sign-up answers alike for new and taken addresses; a new address is confirmed by a link sent to it.
  endpoints: [
    signUpEndpoint,
    ...confirmEmailEndpoints,
    // An editor activates new accounts; no email token is ever issued. Payload mounts its verify
    // route anyway, and it queried a column that does not exist (a 500): this answers first.
    {
      path: '/verify/:id',
      method: 'post',
      handler: () => Response.json({ errors: [{ message: 'There is no email verification here: an editor activates new accounts.' }] }, { status: 404 }),
    },
  ],
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'status'],
  },
  access: {
    read: selfOrEditor,
    // Anyone may sign up; the account is a pending contributor whatever the request says
    // (hooks/assignRoleOnCreate) and can do nothing until an editor activates it.
    create: anyone,
    update: selfOrContributorsForEditors,
    delete: adminOnly,
    // Payload's default for both is any signed-in account, pending sign-ups included.
    unlock: editors,
    // The admin panel: a pending account may sign in and see its own account (docs/WORKFLOW.md).
    admin: anyAccount,
  },
  hooks: {
    beforeOperation: [rejectMalformedCredentials, guardAccountChanges, guardPasswordChanges, deferEmailChange],
    // requireJurisdictionsToActivate after assignRoleOnCreate: it sees the role and status a create really gets.
    beforeChange: [assignRoleOnCreate, requireJurisdictionsToActivate],
    afterChange: [notifyAccountChanges, verifierNameChanged],
    // rememberVerifiedItems first: forgetDeletedAccount and SQLite's foreign keys empty what it reads.
    beforeDelete: [rememberVerifiedItems, forgetDeletedAccount],
    afterDelete: [verifierDeleted],
    afterError: [firstAdminRace],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200, validate: validatePersonName },
    {
      // Asked for, and checked, when the owner sets a new password (hooks/guardPasswordChanges); never stored.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      access: { read: () => false },
      admin: {
        readOnly: false,
        condition: (data, _siblingData, { user }) => sameId(data?.id, user?.id),
        description: 'Needed to change your password.',
        components: { Field: '/admin/CurrentPasswordField#CurrentPasswordField' },
      },
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'contributor',
      options: ROLES.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value })),
      access: { update: adminOnlyField },
      saveToJWT: true,
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      options: [
        { label: 'Pending', value: 'pending' },
        { label: 'Active', value: 'active' },
        { label: 'Suspended', value: 'suspended' },
      ],
      access: { update: statusFieldUpdate },
      saveToJWT: true,
    },
    {
      // 'first' on the account the first-account rule made admin, absent on every other
      // (hooks/assignRoleOnCreate sets it on every sign-up): the unique key that lets only one
      // of two sign-ups racing on an empty database become admin (MongoDB's snapshot counts
      // cannot see each other's insert). Never shown.
      name: 'firstAdminKey',
      type: 'text',
      unique: true,
      hidden: true,
      admin: { hidden: true },
    },
    {
      // A new address waiting for confirmation from it (hooks/deferEmailChange); only the hook sets it.
      name: 'pendingEmail',
      type: 'email',
      admin: { readOnly: true, description: 'Takes the place of the email address once confirmed by the link sent to it.', condition: (data) => Boolean(data?.pendingEmail) },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      admin: { description: 'The organization or campaign the person works with.' },
    },
    {
      name: 'jurisdictions',
      type: 'relationship',
      relationTo: 'jurisdictions',
      hasMany: true,
      admin: { description: 'The states or places the person submits documents for.' },
    },
    {
      // Every email to the person is in it (src/email/recipientLanguage.ts). Sign-up sends the
      // browser's; without one, the language the request asked for (Accept-Language, the panel's).
      name: 'preferredLanguage',
      type: 'select',
      options: [
        { label: 'English', value: 'en' },
        { label: 'Español', value: 'es' },
      ],
      defaultValue: ({ req }: { req?: { i18n?: { language?: string } } }) => (req?.i18n?.language === 'es' ? 'es' : 'en'),
      admin: { description: 'The language of the emails you get from the toolkit.' },
    },
    {
      name: 'publicAttribution',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Show my name on resources I contributed, and as the legal reviewer who verified them. Off by default: the public API never shows a contributor unless they opt in.' },
    },
    {
      // An attorney who signs off resources (POST /api/resources/:id/verify), within their
      // jurisdictions (none: everywhere), whatever their role. Only admins grant it.
      name: 'legalReviewer',
      type: 'checkbox',
      defaultValue: false,
      access: { create: adminOnlyField, update: adminOnlyField },
      saveToJWT: true,
      admin: { description: 'A legal reviewer (an attorney) verifies resources within their jurisdictions and sets when they must be checked again. Set by admins.' },
    },
  ],
}
