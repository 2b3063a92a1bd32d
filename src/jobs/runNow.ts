import type { Payload } from 'payload'

/**
 * Runs queued jobs now (an email, a webhook delivery right after the change that queued it),
 * unless a runner (the jobs cron, `npm run jobs`) has claimed them already.
 *
 * Not `payload.jobs.runByID`: it claimed a job whatever its state, so a job the cron picked up at
 * the same moment ran twice (two emails), and the loser's bookkeeping failed inside a
 * transaction Payload never ends (see src/db/sqliteWriteLock.ts). `run` with a `where` claims only
 * jobs that are not processing; every claim is one conditional update (src/jobs/atomicClaim.ts).
 */
export async function runJobsNow(payload: Payload, ids: (string | number)[], what: string): Promise<void> {
  if (!ids.length) return
  try {
    await payload.jobs.run({
      where: { id: { in: ids } },
      allQueues: true,
      limit: ids.length,
      sequential: true,
      overrideAccess: true,
      silent: { info: true },
    })
  } catch {
    payload.logger.warn({ msg: `${what} could not run now; it stays queued`, jobs: ids.map(String) })
  }
}
