import type { TaskConfig } from 'payload'
import { sendDueAlerts } from '../subscriptions/alerts'

/**
 * Every 5 minutes: immediate alerts for what was published since the last run, daily and weekly
 * digests once their hour has passed, and unconfirmed subscriptions older than 7 days deleted
 * (src/subscriptions/alerts.ts). Safe to retry: each email and its high-water mark commit together.
 */
export const subscriptionAlertsTask: TaskConfig<{ input: object; output: { queued: number; pruned: number } }> = {
  slug: 'sendSubscriptionAlerts',
  label: 'Send alert emails to subscribers',
  retries: 3,
  schedule: [{ cron: '0 */5 * * * *', queue: 'default' }],
  outputSchema: [
    { name: 'queued', type: 'number' },
    { name: 'pruned', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await sendDueAlerts(req.payload) }),
}
