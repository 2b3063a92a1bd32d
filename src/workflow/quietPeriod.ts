import type { PayloadRequest } from 'payload'
import type { Action } from './machine'

/** Set in config.custom by src/config.ts from the settings (WORKFLOW_NOTIFY_QUIET_MINUTES). */
export type WorkflowSettings = { notifyQuietMinutes: number }
export const workflowSettings = (custom: Record<string, unknown> | undefined): WorkflowSettings =>
  (custom?.workflow as WorkflowSettings | undefined) ?? { notifyQuietMinutes: 60 }

/** The owner's actions that email editors: a contributor can repeat them at will (submit, withdraw, submit…). */
export const QUIET_PERIOD_ACTIONS: readonly Action[] = ['submit', 'withdraw']

/**
 * Whether editors already heard of this resource from a submit or withdraw within the quiet
 * period: then the next one is recorded in the history like any transition but emails nobody.
 * The last notification is the newest such review event marked `emailed`, read in the caller's
 * transaction from the database, so the period holds across processes and restarts.
 */
export async function inQuietPeriod(req: PayloadRequest, resource: string | number, action: Action, now: Date): Promise<boolean> {
  const minutes = workflowSettings(req.payload.config.custom).notifyQuietMinutes
  if (!minutes || !QUIET_PERIOD_ACTIONS.includes(action)) return false
  const since = new Date(now.getTime() - minutes * 60_000).toISOString()
  const { totalDocs } = await req.payload.count({
    collection: 'review-events',
    where: {
      and: [{ resource: { equals: resource } }, { action: { in: [...QUIET_PERIOD_ACTIONS] } }, { emailed: { equals: true } }, { at: { greater_than: since } }],
    },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}
