import type { CollectionConfig } from 'payload'
import { adminOnly, adminOnlyField } from '../../access/adminOnly'
import { ROLES } from '../../access/roles'
import { selfOrAdmin } from '../../access/selfOrAdmin'
import { selfOrEditor } from '../../access/selfOrEditor'
import { assignRoleOnCreate } from './hooks/assignRoleOnCreate'

/** Campaign leaders, editors and admins: the people who sign in. */
export const Contributors: CollectionConfig = {
  slug: 'contributors',
  labels: { singular: 'Contributor', plural: 'Contributors' },
  auth: {
    // Lockout after repeated failures; a short lock limits how long an attacker can keep a victim out.
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: {
      sameSite: 'Lax',
      secure: process.env.NODE_ENV === 'production',
    },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'status'],
  },
  access: {
    read: selfOrEditor,
    create: adminOnly,
    update: selfOrAdmin,
    delete: adminOnly,
  },
  hooks: {
    beforeChange: [assignRoleOnCreate],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
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
      access: { update: adminOnlyField },
      saveToJWT: true,
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
      name: 'publicAttribution',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Show my name on resources I contributed. Off by default: the public API never shows a contributor unless they opt in.' },
    },
  ],
}
