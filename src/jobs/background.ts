/**
 * Work a request starts and does not wait for (email and webhook deliveries after commit), kept
 * in view so that a caller can wait until none is left: tests, before comparing stored data.
 */
const running = new Set<Promise<unknown>>()

export function inBackground(work: Promise<unknown>): void {
  const tracked: Promise<unknown> = work.catch(() => undefined).finally(() => running.delete(tracked))
  running.add(tracked)
}

/** Resolves once no background work is left (including work started by the work awaited). */
export async function backgroundIdle(): Promise<void> {
  while (running.size) await Promise.all([...running])
}
