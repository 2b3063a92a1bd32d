import type { AdminViewServerProps } from 'payload'
import { MinimalTemplate } from '@payloadcms/next/templates'
import { redirect } from 'next/navigation.js'
import { SignUpForm, type Choice } from './SignUpForm'
import { tr } from './i18n'

/**
 * /admin/signup (admin.components.views.signUp, public like every custom view): the sign-up form
 * for campaign leaders, in the panel's language. It posts to `POST /api/contributors`, which
 * answers alike for new and taken addresses; the page says what happens next.
 */
export async function SignUpView({ initPageResult }: AdminViewServerProps) {
  const { req } = initPageResult
  const { i18n, payload, user } = req
  if (user) redirect('/admin')
  const locale = i18n.language === 'es' ? 'es' : 'en'
  const [states, organizations] = await Promise.all([
    payload.find({
      collection: 'jurisdictions',
      where: { type: { in: ['state', 'district', 'territory'] } },
      // code: the Spanish name is by code (collections/Jurisdictions/spanishNames.ts).
      select: { name: true, code: true },
      sort: 'name',
      depth: 0,
      pagination: false,
      locale,
      overrideAccess: false,
    }),
    payload.find({ collection: 'organizations', select: { name: true }, sort: 'name', depth: 0, pagination: false, locale, overrideAccess: false }),
  ])
  // In the reader's alphabet order: "Nueva York" sorts under N in Spanish.
  const choices = (docs: { id: string | number; name?: string | null }[]): Choice[] =>
    docs.map((d) => ({ id: d.id, name: d.name ?? String(d.id) })).sort((a, b) => a.name.localeCompare(b.name, locale))
  return (
    <MinimalTemplate className="sign-up">
      <h1>{tr(i18n.t, 'custom:signUpTitle')}</h1>
      <p>{tr(i18n.t, 'custom:signUpIntro')}</p>
      <SignUpForm states={choices(states.docs)} organizations={choices(organizations.docs)} />
    </MinimalTemplate>
  )
}

/** Below Payload's login form (admin.components.afterLogin): the way to the sign-up page. */
export function SignUpLink({ i18n }: { i18n: { t: unknown } }) {
  return (
    <p className="sign-up-link" style={{ marginTop: 16 }}>
      <a id="sign-up-link" href="/admin/signup">
        {tr(i18n.t, 'custom:signUpLink')}
      </a>
    </p>
  )
}
