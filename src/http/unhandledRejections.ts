/**
 * A promise rejection nobody handles must not end a process that serves requests: since Node 15
 * the default is to exit. Next installs a handler of its own when the admin panel runs; API-only
 * instances (ADMIN=off, the scaling path) and the jobs worker have none, so one unawaited promise
 * in a dependency took the process down with every request in flight. Each rejection is logged
 * through Payload's logger (its serializer drops query parameters and masks addresses) and
 * counted in /metrics (`process_unhandled_rejections_total`): it is a bug to fix, not a crash.
 */
let count = 0
let installed = false

/** Rejections nobody handled since the process started. */
export const unhandledRejections = (): number => count

/** Installs the process-wide handler once; `log` writes the line. */
export function surviveUnhandledRejections(log: (error: Error) => void): void {
  if (installed) return
  installed = true
  process.on('unhandledRejection', (reason) => {
    count += 1
    log(reason instanceof Error ? reason : new Error(`Rejected with a non-error value (${typeof reason})`))
  })
}
