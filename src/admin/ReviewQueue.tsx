import type { ClientField, Column, Payload, TypedUser } from 'payload'
import { createLocalReq } from 'payload'
import type { I18nClient } from '@payloadcms/translations'
import { Banner, Link, Pill, Table } from '@payloadcms/ui'
import type { ReactNode } from 'react'
import { CATEGORIES } from '../../collections/Resources/options'
import { QUEUE_SCAN_LIMIT, QUEUE_STATES, defaultShow, parseQueueQuery, reviewQueue, type QueueItem, type QueueShow, type QueueState } from '../workflow/reviewQueue'
import { tr } from './i18n'
import { optionLabel } from './labels'
import type { CustomKey } from './translations'

type SearchParams = Record<string, string | string[] | undefined>
export type ReviewQueueProps = { payload: Payload; user: TypedUser; i18n: I18nClient; searchParams?: SearchParams }

/** "3 d", "5 h", "12 min": how long something has waited. */
export function age(since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - new Date(since).getTime()) / 60_000))
  if (minutes < 60) return `${minutes} min`
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`
  return `${Math.round(minutes / 1440)} d`
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
const EMPTY: Record<QueueState, CustomKey> = {
  in_review: 'custom:nothingToReview',
  changes_requested: 'custom:queueNoChangesRequested',
  scheduled: 'custom:queueNoneScheduled',
}

/**
 * The dashboard's review queue (src/workflow/reviewQueue.ts, as GET /api/resources/review-queue
 * answers it), in Payload's own pills, table and banners. The filters are links
 * (`/admin?queue=…&queueState=…`): each choice is a page the editor can bookmark.
 */
export async function ReviewQueue({ payload, user, i18n, searchParams }: ReviewQueueProps) {
  const t = i18n.t
  const language = i18n.language === 'es' ? 'es' : 'en'
  const asked = parseQueueQuery(user, { show: first(searchParams?.queue), state: first(searchParams?.queueState) })
  const { show, state } = asked.ok ? asked : { show: defaultShow(user), state: 'in_review' as const }
  const req = await createLocalReq({ user, locale: language }, payload)
  const queue = await reviewQueue(req, show, state)
  const href = (next: { show?: QueueShow; state?: QueueState }) =>
    `${payload.config.routes.admin}?${new URLSearchParams({ queue: next.show ?? show, queueState: next.state ?? state })}`
  const when = (at: string) =>
    new Date(at).toLocaleString(language, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone: 'UTC' })

  return (
    <section className="review-queue" id="review-queue" data-show={show} data-state={state}>
      <h2 className="review-queue__heading">{tr(t, 'custom:reviewQueue')}</h2>
      <div className="review-queue__filters">
        <div className="review-queue__shows" role="group" aria-label={tr(t, 'custom:queueShow')}>
          {queue.shows.map((option) => (
            <Pill
              key={option}
              to={href({ show: option })}
              pillStyle={option === show ? 'dark' : 'light'}
              className={`review-queue__show review-queue__show--${option}${option === show ? ' review-queue__filter--active' : ''}`}
            >
              {tr(t, `custom:queueShow.${option}` as CustomKey)}
            </Pill>
          ))}
        </div>
        <div className="review-queue__states" role="group" aria-label={tr(t, 'custom:state')}>
          {QUEUE_STATES.map((option) => (
            <Pill
              key={option}
              to={href({ state: option })}
              pillStyle={option === state ? 'dark' : 'light'}
              className={`review-queue__state review-queue__state--${option}${option === state ? ' review-queue__filter--active' : ''}`}
            >
              {tr(t, `custom:queueState.${option}` as CustomKey)}{' '}
              <span className="review-queue__count" data-state={option} data-count={queue.counts[option]}>
                {queue.counts[option]}
              </span>
            </Pill>
          ))}
        </div>
      </div>
      {queue.truncated ? <Banner type="info">{tr(t, 'custom:queueTruncated', { count: QUEUE_SCAN_LIMIT })}</Banner> : null}
      {queue.docs.length === 0 ? (
        <Banner type="info" className="review-queue__empty">
          {tr(t, EMPTY[state])}
        </Banner>
      ) : (
        <div className="review-queue__table">
          <Table columns={columns(queue.docs, { t, language, when, adminRoute: payload.config.routes.admin })} data={queue.docs.map((doc) => ({ id: doc.id }))} />
          {queue.counts[state] > queue.docs.length ? (
            <p className="review-queue__more">{tr(t, 'custom:queueMore', { shown: queue.docs.length, count: queue.counts[state] })}</p>
          ) : null}
        </div>
      )}
    </section>
  )
}

type Format = { t: I18nClient['t']; language: string; when: (at: string) => string; adminRoute: string }

const column = (accessor: string, heading: string, cells: ReactNode[]): Column => ({
  accessor,
  active: true,
  field: { name: accessor, type: 'text' } as ClientField,
  Heading: heading,
  renderedCells: cells,
})

/** The table's columns: title, waiting time, jurisdictions, category (its label), who submitted it, assignee, schedule. */
function columns(docs: QueueItem[], { t, language, when, adminRoute }: Format): Column[] {
  const category = (value: string | null) =>
    value ? optionLabel('category', value, CATEGORIES.find((c) => c.value === value)?.label ?? value, language) : ''
  const cols = [
    column(
      'title',
      tr(t, 'custom:queueColumnTitle'),
      docs.map((doc) => (
        <Link key={doc.id} className="review-queue__link" href={`${adminRoute}/collections/resources/${doc.id}`}>
          {doc.title ?? `#${doc.id}`}
        </Link>
      )),
    ),
    column(
      'waiting',
      tr(t, 'custom:queueColumnWaiting'),
      docs.map((doc) => (
        <time key={doc.id} className="review-queue__waiting" dateTime={doc.waitingSince} title={when(doc.waitingSince)}>
          {age(doc.waitingSince)}
        </time>
      )),
    ),
    column('jurisdictions', tr(t, 'custom:queueColumnJurisdictions'), docs.map((doc) => doc.jurisdictions.map((j) => j.name ?? j.code).join(', '))),
    column('category', tr(t, 'custom:filterCategory'), docs.map((doc) => category(doc.category))),
    column('owner', tr(t, 'custom:submittedBy'), docs.map((doc) => doc.owner?.name ?? '')),
    column('assignee', tr(t, 'custom:queueColumnAssignee'), docs.map((doc) => doc.assignee?.name ?? '—')),
  ]
  if (docs.some((doc) => doc.publishAt)) {
    cols.push(
      column(
        'publishAt',
        tr(t, 'custom:queueColumnScheduled'),
        docs.map((doc) =>
          doc.publishAt ? (
            <span key={doc.id} className="review-queue__scheduled" data-at={doc.publishAt}>
              <Pill pillStyle="success" size="small">
                {tr(t, 'custom:scheduledShort', { when: when(doc.publishAt) })}
              </Pill>
            </span>
          ) : null,
        ),
      ),
    )
  }
  return cols
}
