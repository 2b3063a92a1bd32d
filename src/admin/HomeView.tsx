import type { PayloadRequest, TypedUser } from 'payload'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { DefaultDashboard } from '@payloadcms/next/views'
import type { ComponentProps } from 'react'
import { activeRole, isEditor } from '../../access/roles'
import { latestEvents, link, type Props, type Row } from './Dashboard'
import { StatusBadge } from './StatusBadge'
import { ReverificationPanel } from './ReverificationPanel'
import { isLegalReviewer } from '../../access/legalReviewers'
import { tr } from './i18n'

/** Actions whose note the editors write for the submitter (a submit's or withdraw's note is the leader's own). */
const EDITOR_NOTE_ACTIONS = new Set(['request_changes', 'publish', 'unpublish', 'archive'])

type DashboardProps = ComponentProps<typeof DefaultDashboard>

/**
 * The admin panel's home (admin.components.views.dashboard): editors get Payload's dashboard
 * (with the review queue above it); a campaign leader lands on "My submissions" instead, the
 * only screen they come for.
 */
export function HomeView(props: DashboardProps) {
  const user = props.user as TypedUser | null | undefined
  if (!user || isEditor(user as PayloadRequest['user'])) return <DefaultDashboard {...props} />
  // A pending or suspended account may sign in (to see its own account) but can read nothing else.
  if (!activeRole(user as PayloadRequest['user'])) return <InactiveAccount status={(user as { status?: string }).status} i18n={props.i18n} />
  return (
    <Gutter className="dashboard--contributor">
      <SetStepNav nav={[{ label: tr(props.i18n.t, 'custom:mySubmissions') }]} />
      <MySubmissions payload={props.payload} user={user} i18n={props.i18n} />
      {isLegalReviewer(user as PayloadRequest['user']) ? (
        <ReverificationPanel payload={props.payload} user={user} i18n={props.i18n} searchParams={props.searchParams as Record<string, string | string[] | undefined>} />
      ) : null}
    </Gutter>
  )
}

/** What a signed-in account that cannot work yet (pending) or any more (suspended) sees, with a way out. */
function InactiveAccount({ status, i18n }: { status?: string; i18n: Props['i18n'] }) {
  const suspended = status === 'suspended'
  return (
    <Gutter className="dashboard--inactive">
      <section id="account-inactive" data-status={status} style={{ maxWidth: 640, marginTop: 32 }}>
        <h1>{tr(i18n.t, suspended ? 'custom:accountSuspendedTitle' : 'custom:accountPendingTitle')}</h1>
        <p>{tr(i18n.t, suspended ? 'custom:accountSuspended' : 'custom:accountPending')}</p>
        <a id="sign-out" className="btn btn--style-secondary btn--size-medium" href="/admin/logout">
          {tr(i18n.t, 'custom:signOut')}
        </a>
      </section>
    </Gutter>
  )
}

/** The contributor's own resources, newest change first, each with its state and the editors' latest note. */
export async function MySubmissions({ payload, user, i18n }: Props & { user: TypedUser }) {
  const t = i18n.t
  const mine = await payload.find({
    collection: 'resources',
    draft: true,
    where: { owner: { equals: user.id } },
    sort: '-updatedAt',
    limit: 100,
    depth: 0,
    user,
    overrideAccess: false,
    locale: i18n.language === 'es' ? 'es' : 'en',
  })
  // The note of the latest review action only: an older note (say, changes requested before the
  // item was published) no longer applies once a later action has moved the item on.
  const notes = await latestEvents(payload, user, mine.docs.map((d) => d.id), {})
  return (
    <section className="my-submissions" id="my-submissions" style={{ marginBottom: 32 }}>
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', justifyContent: 'space-between' }}>
        <h1>{tr(t, 'custom:mySubmissions')}</h1>
        <a className="btn btn--style-primary btn--size-medium" href="/admin/collections/resources/create">
          {tr(t, 'custom:newResource')}
        </a>
      </div>
      {mine.docs.length === 0 ? (
        <p>{tr(t, 'custom:noSubmissions')}</p>
      ) : (
        <ul style={{ display: 'grid', gap: 12, padding: 0, listStyle: 'none' }}>
          {(mine.docs as Row[]).map((doc) => {
            const latest = notes.get(String(doc.id))
            const note = latest && EDITOR_NOTE_ACTIONS.has(String(latest.action)) ? latest.note : undefined
            return (
              <li key={doc.id} className="my-submissions__item" style={{ borderTop: '1px solid var(--theme-elevation-100)', paddingTop: 8 }}>
                <a href={link(doc.id)}>{doc.title || String(doc.id)}</a> <StatusBadge state={doc.reviewStatus} />
                {note ? (
                  <div className="my-submissions__note" style={{ marginTop: 4 }}>
                    <small>{tr(t, 'custom:latestNote')}:</small>
                    <blockquote style={{ margin: '2px 0', whiteSpace: 'pre-wrap' }}>{note}</blockquote>
                  </div>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
