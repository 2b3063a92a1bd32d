'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { STATE_COLORS, tr } from './i18n'
import type { CustomKey } from './translations'

/** A coloured badge for a review state: used in the list view, the dashboard and the review panel. */
export function StatusBadge({ state }: { state?: string | null }) {
  const { t } = useTranslation()
  if (!state) return null
  return (
    <span
      className={`review-badge review-badge--${state}`}
      data-state={state}
      style={{
        background: STATE_COLORS[state] ?? '#6b7280',
        color: '#fff',
        borderRadius: 999,
        padding: '2px 10px',
        fontSize: 12,
        whiteSpace: 'nowrap',
      }}
    >
      {tr(t, `custom:state.${state}` as CustomKey)}
    </span>
  )
}

/** The list view's cell for `reviewStatus`. */
export function ReviewStatusCell({ cellData }: { cellData?: string | null }) {
  return <StatusBadge state={cellData} />
}

/**
 * The document header's "Status" (collection admin.components.edit.Status), in place of Payload's
 * draft/published/changed: the review state, the one the review panel, the lists and the queue
 * show, so that a leader never reads "Draft" above "In review".
 */
export function ReviewStatusHeader() {
  const { t } = useTranslation()
  const state = useFormFields(([fields]) => fields.reviewStatus?.value) as string | undefined
  return (
    <div className="status review-status-header" data-state={state ?? 'draft'}>
      <div className="status__value-wrap">
        <span className="status__label">{tr(t, 'custom:state')}: </span>
        <StatusBadge state={state ?? 'draft'} />
      </div>
    </div>
  )
}
