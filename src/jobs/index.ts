import type { JobsConfig } from 'payload'
import { isEditor } from '../../access/roles'
import { publishScheduledTask } from './publishScheduled'
import { sendEmailTask } from './sendEmail'

/**
 * Payload's jobs queue: the email outbox and scheduled publishing. Queued jobs are run every
 * minute by the process that has `JOBS_AUTORUN` on (one instance only when several share a
 * database); tests run them explicitly with `payload.jobs.run()`.
 */
export function jobsConfig(autoRun: boolean): JobsConfig {
  return {
    tasks: [sendEmailTask, publishScheduledTask] as never,
    // The queue's REST endpoints (run, cancel) are for editors only, never contributors.
    access: {
      run: ({ req }) => isEditor(req.user),
      queue: ({ req }) => isEditor(req.user),
      cancel: ({ req }) => isEditor(req.user),
    },
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 50 }],
    shouldAutoRun: () => autoRun,
    deleteJobOnComplete: true,
  }
}
