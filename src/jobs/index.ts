import type { JobsConfig, TaskConfig } from 'payload'
import { isAdmin } from '../../access/roles'
import type { Settings } from '../settings'
import { WEBINAR_QUEUE } from '../webinars/queue'
import { webinarTasks } from './webinarTasks'

/**
 * Payload's jobs queue: every task of every feature, listed here. Scheduled jobs run where
 * JOBS_AUTORUN=true (one instance only); tests queue and run them with payload.jobs.
 */
export function jobsConfig(settings: Settings): JobsConfig {
  const tasks: TaskConfig<{ input: object; output: object }>[] = [
    ...webinarTasks({ retentionDays: settings.registrationRetentionDays }),
  ]
  return {
    tasks: tasks as JobsConfig['tasks'],
    // Queueing, running and cancelling jobs over HTTP: admins only (the default is any signed-in user).
    // The payload-jobs collection itself stays closed to the API, as Payload makes it.
    access: {
      queue: ({ req }) => isAdmin(req.user),
      run: ({ req }) => isAdmin(req.user),
      cancel: ({ req }) => isAdmin(req.user),
    },
    autoRun: settings.jobsAutoRun ? [{ cron: '0 * * * * *', queue: WEBINAR_QUEUE }] : [],
  }
}
