import type { JobsConfig, TaskConfig } from 'payload'
import { isAdmin } from '../../access/roles'
import type { Settings } from '../settings'
import { WEBINAR_QUEUE } from '../webinars/queue'
import { publishScheduledTask } from './publishScheduled'
import { sendEmailTask } from './sendEmail'
import { webinarTasks } from './webinarTasks'
import { deliverWebhookTask } from '../webhooks/deliver'
import { subscriptionAlertsTask } from './subscriptionAlerts'
import { reindexJurisdictionTask } from '../search/reindexJurisdiction'
import { supersessionFollowUpTask, verificationSweepTask } from '../verification/queue'

/**
 * Payload's jobs queue: every task of every feature, listed here. Queued and scheduled jobs run
 * every minute in the process that has JOBS_AUTORUN on (the default for a single instance; one
 * instance only when several share a database); tests run them with `payload.jobs.run()`.
 */
export function jobsConfig(settings: Settings): JobsConfig {
  const tasks: TaskConfig<{ input: object; output: object }>[] = [
    sendEmailTask as never,
    publishScheduledTask as never,
    deliverWebhookTask as never,
    subscriptionAlertsTask as never,
    reindexJurisdictionTask as never,
    verificationSweepTask as never,
    supersessionFollowUpTask as never,
    ...webinarTasks({ retentionDays: settings.registrationRetentionDays }),
  ]
  return {
    tasks: tasks as JobsConfig['tasks'],
    // Queueing, running and cancelling jobs over HTTP: admins only (Payload's default is any
    // signed-in user). The payload-jobs collection itself stays closed to the API.
    access: {
      queue: ({ req }) => isAdmin(req.user),
      run: ({ req }) => isAdmin(req.user),
      cancel: ({ req }) => isAdmin(req.user),
    },
    // A process that does not run the queue does not fill it with scheduled jobs either (Payload's
    // cron queues them before asking shouldAutoRun): the runner's process does that.
    autoRun: [
      { cron: '* * * * *', queue: 'default', limit: 50, disableScheduling: !settings.jobsAutoRun },
      { cron: '0 * * * * *', queue: WEBINAR_QUEUE, disableScheduling: !settings.jobsAutoRun },
    ],
    shouldAutoRun: () => settings.jobsAutoRun,
    deleteJobOnComplete: true,
  }
}
