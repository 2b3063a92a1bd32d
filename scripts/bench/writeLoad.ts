/**
 * The mixed case's sign-ups and logins (./mixed.ts), paced, in a process of their own: sharing the
 * reads' load generator's event loop, their sends and answers waited behind autocannon's, so the
 * rates and latencies measured were partly the client's. Forked per round; answers the rates by IPC.
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { loginAccount } from './accounts'

export type Rate = { target: number; perSecond: number; ok: number; failed: number; skipped: number; p50Ms: number }
export type WriteLoad = { base: string; registerPath: string; registrations: number; logins: number; until: number; tag: string }
export type WriteRates = { registrations: Rate; logins: Rate }

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends `perSecond` requests a second (open loop, at most `maxInFlight` unanswered) until `until`. */
export async function paced(perSecond: number, until: number, maxInFlight: number, send: (n: number) => Promise<Response>): Promise<Rate> {
  const started = Date.now()
  const rate: Rate = { target: perSecond, perSecond: 0, ok: 0, failed: 0, skipped: 0, p50Ms: 0 }
  if (perSecond <= 0) return rate
  const times: number[] = []
  const inFlight = new Set<Promise<void>>()
  let due = 0
  while (Date.now() < until) {
    const shouldHaveSent = Math.floor(((Date.now() - started) / 1000) * perSecond)
    while (due < shouldHaveSent) {
      due++
      if (inFlight.size >= maxInFlight) {
        rate.skipped++ // the server is behind: a send is dropped and the achieved rate shows it
        continue
      }
      const sentAt = performance.now()
      const p: Promise<void> = send(due)
        .then(async (res) => {
          await res.arrayBuffer()
          times.push(performance.now() - sentAt)
          if (res.ok) rate.ok++
          else rate.failed++
        })
        .catch(() => void rate.failed++)
        .finally(() => inFlight.delete(p))
      inFlight.add(p)
    }
    await sleep(5)
  }
  await Promise.all(inFlight)
  // Answers over the whole time, the wait for the last ones included: what the server sustained.
  rate.perSecond = rate.ok / ((Date.now() - started) / 1000)
  rate.p50Ms = times.length ? Math.round(median(times)) : 0
  return rate
}

async function sendWrites(w: WriteLoad): Promise<WriteRates> {
  const json = { 'content-type': 'application/json' }
  const [registrations, logins] = await Promise.all([
    paced(w.registrations, w.until, 200, (n) =>
      fetch(w.base + w.registerPath, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ name: 'Mixed Person', email: `m${n}-${w.tag}-${process.pid}-${Date.now()}@example.org`, consent: true, interest: 'start-campaign', role: 'organizer' }),
      }),
    ),
    paced(w.logins, w.until, 50, (n) => fetch(`${w.base}/api/contributors/login`, { method: 'POST', headers: json, body: JSON.stringify(loginAccount(n)) })),
  ])
  return { registrations, logins }
}

/** A process ready to send `w`'s writes: `start()` sends them (until `w.until`) and resolves with their rates. */
export async function writeLoadProcess(): Promise<{ start: (w: WriteLoad) => Promise<WriteRates> }> {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' })
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve())
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the write load's process ended (${code}) before it was ready`)))
  })
  return {
    start: (w) =>
      new Promise<WriteRates>((resolve, reject) => {
        child.removeAllListeners('exit')
        child.once('message', (rates) => {
          child.disconnect()
          resolve(rates as WriteRates)
        })
        child.once('exit', (code) => reject(new Error(`the write load's process ended (${code}) without its rates`)))
        child.send(w)
      }),
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  process.once('message', (w) => void sendWrites(w as WriteLoad).then((rates) => process.send!(rates)))
  process.send('ready')
}
