'use client'
import { PasswordField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

/**
 * The account page's "current password": a masked input (a text field would echo it), sent with
 * the new password and checked by collections/Contributors/hooks/guardPasswordChanges.ts.
 */
export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => (
  <PasswordField autoComplete="current-password" field={field} path={path ?? field.name} validate={() => true} />
)
