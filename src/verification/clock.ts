/**
 * The clock the verification status reads. One place, so that tests move time forward (a fake
 * clock) and every part that derives a status (reads, filters, the daily job, the sign-off's
 * default date, the public cache's day) sees the same "now".
 */
let now: () => Date = () => new Date()

export const verificationClock = {
  now: (): Date => now(),
  /** Tests only: read time from `fn` (pass nothing to go back to the system clock). */
  set(fn?: () => Date): void {
    now = fn ?? (() => new Date())
  },
}

/** The UTC day of the clock: a derived status can change from one day to the next. */
export const verificationDay = (): string => verificationClock.now().toISOString().slice(0, 10)
