import type { AdminViewServerProps } from 'payload'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { activeRole } from '../../access/roles'
import { CompareMatrix } from './CompareMatrix'
import { tr } from './i18n'

/**
 * /admin/compare (admin.components.views.compare): editors and campaign leaders pick
 * jurisdictions and see their protections side by side, provision by provision, from the same
 * GET /api/compare a frontend reads (published content only), and export it as CSV.
 */
export async function CompareView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const { i18n, payload, user } = req
  const t = i18n.t
  const template = { i18n, locale, params, payload, permissions, searchParams, user: user ?? undefined, visibleEntities }
  if (!activeRole(user)) {
    return (
      <DefaultTemplate {...template}>
        <Gutter>
          <p>{tr(t, 'custom:compareNotAllowed')}</p>
        </Gutter>
      </DefaultTemplate>
    )
  }
  const language = i18n.language === 'es' ? 'es' : 'en'
  const [jurisdictions, model] = await Promise.all([
    payload.find({ collection: 'jurisdictions', select: { code: true, name: true }, sort: 'code', depth: 0, pagination: false, locale: language }),
    payload.find({ collection: 'resources', where: { and: [{ isModel: { equals: true } }, { _status: { equals: 'published' } }] }, select: { slug: true, title: true }, depth: 0, limit: 1, locale: language }),
  ])
  const initial = String(searchParams?.jurisdictions ?? '')
  return (
    <DefaultTemplate {...template}>
      <SetStepNav nav={[{ label: tr(t, 'custom:compareTitle') }]} />
      <Gutter>
        <h1>{tr(t, 'custom:compareTitle')}</h1>
        <p>{tr(t, 'custom:compareIntro')}</p>
        <CompareMatrix
          jurisdictions={jurisdictions.docs.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
          model={model.docs[0] ? { slug: model.docs[0].slug ?? String(model.docs[0].id), title: model.docs[0].title ?? null } : null}
          initial={initial ? initial.split(',') : []}
          language={language}
        />
      </Gutter>
    </DefaultTemplate>
  )
}

/** The navigation's link to the compare screen (admin.components.afterNavLinks), for active accounts. */
export function CompareNavLink({ user, i18n }: { user?: unknown; i18n: { t: (key: string) => string } }) {
  if (!activeRole(user as never)) return null
  return (
    <a className="nav__link compare-nav-link" href="/admin/compare" id="nav-compare">
      <span className="nav__link-label">{tr(i18n.t as never, 'custom:compareTitle')}</span>
    </a>
  )
}
