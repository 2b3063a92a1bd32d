/**
 * The mixed case (issue 19): anonymous reads at `connections` (list, filtered list and by id, at
 * depth 0 and 1: the shapes the read model answers) with, in the same run, webinar sign-ups at
 * `registrations`/s through the real endpoint, logins at `logins`/s (POST /api/contributors/login
 * with real accounts, 20 in turn) and an editor publishing an item in review every `publishEvery`
 * seconds through the workflow endpoint, as the app does. The sign-ups and logins are sent from a
 * process of their own (./writeLoad.ts), not from the event loop autocannon keeps busy.
 *
 * Per variant (read model serving or not, public cache on or off), per round: the same reads alone
 * and with the writes (their order alternates by round), medians. The stale-read proof: when a
 * publish answers, the next anonymous read of the list, newest first (Payload's default sort,
 * -updatedAt, at depth 0 and 1), must show the item just published on top; and again once the
 * read model has rendered it (then the model answers); every miss is counted.
 */
import autocannon from 'autocannon'
import { CHECKLIST_ITEMS } from '../../src/workflow/machine'
import { median, type Rate, sleep, writeLoadProcess } from './writeLoad'

export type MixedFixtures = { ids: number[]; code: string; category: string; webinar: number; token: string; inReview: number[] }
export type MixedOptions = {
  base: string
  connections: number
  duration: number
  rounds: number
  registrations: number
  logins: number
  publishEvery: number
  variants: MixedVariant[]
  /** A control request to the bench server (/bench/cache, /bench/read-model, /bench/rss). */
  control: (route: string) => Promise<Response>
  log: (line: string) => void
}
export type MixedVariant = { name: string; readModel: boolean; cache: boolean }
export const MIXED_VARIANTS: MixedVariant[] = [
  { name: 'mixed: read model', readModel: true, cache: false },
  { name: 'mixed: Payload (read model not serving)', readModel: false, cache: false },
  { name: 'mixed: read model + public cache', readModel: true, cache: true },
]

export type MixedResult = {
  case: string
  connections: number
  readsAlone: number
  readsWithWrites: number
  /** Reads with writes over reads alone (target ≥ 0.7). */
  ratio: number
  p50Alone: number
  p50WithWrites: number
  readErrors: number
  registrations: Rate
  logins: Rate
  publishes: { done: number; failed: number }
  /** Reads of the list right after a publish answered, and how many did not show it (must be 0). */
  checks: number
  staleReads: number
  /** Answers the read model served during the rounds with writes (all requests, checks included). */
  servedByModel: number
  /** Read-model renders after the publishes: batches, resources, ms in all. */
  renders: { batches: number; resources: number; ms: number }
  rssMB: number
}

const CHECKLIST = Object.fromEntries(Object.keys(CHECKLIST_ITEMS).map((k) => [k, true]))
type ModelStats = { served: number; renders: number; renderedResources: number; renderMs: number }

function readPath(f: MixedFixtures, n: number): string {
  const depth = n % 2
  const filter = `where[jurisdictions.code][equals]=${f.code}&where[category][equals]=${f.category}`
  switch (Math.floor(n / 2) % 3) {
    case 0:
      return `/api/resources?limit=10&depth=${depth}`
    case 1:
      return `/api/resources?limit=10&depth=${depth}&${filter}`
    default:
      return `/api/resources/${f.ids[n % 250]}?depth=${depth}`
  }
}

async function reads(o: MixedOptions, f: MixedFixtures, duration: number) {
  let n = 0
  const result = await autocannon({
    url: o.base,
    connections: o.connections,
    duration,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: readPath(f, n++) }) }],
  } as autocannon.Options)
  return { rps: result.requests.average, p50: result.latency.p50, errors: result.errors + result.non2xx }
}

/** Every distinct read of the case once (10 at a time). */
async function readEachOnce(o: MixedOptions, f: MixedFixtures): Promise<void> {
  const paths = [...new Set(Array.from({ length: 6 * 250 }, (_, n) => readPath(f, n)))]
  const worker = async () => {
    for (let path = paths.pop(); path; path = paths.pop()) await (await fetch(o.base + path)).arrayBuffer()
  }
  await Promise.all(Array.from({ length: 10 }, worker))
}

type Checked = { done: number; failed: number; checks: number; stale: number }

/** Publishes an item in review every `every` seconds; after each answer, reads the list as anyone would. */
async function publisher(o: MixedOptions, f: MixedFixtures, until: number, tag: string): Promise<Checked> {
  const out: Checked = { done: 0, failed: 0, checks: 0, stale: 0 }
  if (o.publishEvery <= 0) return out // --publish-every 0: no publishes (to see the other writes' share alone)
  await sleep(1000)
  while (Date.now() < until) {
    const next = Date.now() + o.publishEvery * 1000
    const id = f.inReview.shift()
    if (id === undefined) {
      o.log(`  ${tag}: no item in review left to publish (seed a larger size or shorten the run)`)
      break
    }
    const res = await fetch(`${o.base}/api/resources/${id}/workflow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${f.token}` },
      body: JSON.stringify({ action: 'publish', checklist: CHECKLIST }),
    })
    await res.arrayBuffer()
    if (!res.ok) {
      out.failed++
      o.log(`  ${tag}: publish ${id} answered ${res.status}`)
    } else {
      out.done++
      const check = async (when: string) => {
        for (const depth of [0, 1]) {
          const list = (await (await fetch(`${o.base}/api/resources?limit=10&depth=${depth}`)).json()) as { docs?: { id: unknown }[] }
          out.checks++
          if (String(list.docs?.[0]?.id) !== String(id)) {
            out.stale++
            o.log(`  ${tag}: STALE: list at depth ${depth} ${when} publishing ${id} starts with ${String(list.docs?.[0]?.id)}`)
          }
        }
      }
      // Right after the answer (the read model is still rendering: Payload answers)…
      await check('right after')
      // …and once the model has rendered it, when the model itself answers (nothing else these writes
      // do touches it). Waited for up to 30 s, past the round's end if need be: the check matters more
      // than the publishing pace, which the table reports.
      if (await settled(o, Date.now() + 30_000)) await check('after the read model rendered,')
    }
    await sleep(Math.max(0, next - Date.now()))
  }
  return out
}

/** Waits until the read model has rendered every write (false when it is off, or not by `deadline`). */
async function settled(o: MixedOptions, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const { readModel, settled } = (await (await o.control('/bench/read-model')).json()) as { readModel: boolean; settled: boolean }
    if (!readModel) return false
    if (settled) return true
    await sleep(100)
  }
  return false
}

async function stats(o: MixedOptions): Promise<ModelStats> {
  return (await (await o.control('/bench/read-model')).json()) as ModelStats
}

export async function runMixed(o: MixedOptions, f: MixedFixtures): Promise<MixedResult[]> {
  const results: MixedResult[] = []
  const rounds = new Map<MixedVariant, { alone: { rps: number; p50: number }[]; writes: { rps: number; p50: number }[] }>()
  const totals = new Map<MixedVariant, Omit<MixedResult, 'case' | 'connections' | 'readsAlone' | 'readsWithWrites' | 'ratio' | 'p50Alone' | 'p50WithWrites'>>()
  const registerPath = `/api/webinars/${f.webinar}/register`
  const setVariant = async (v: MixedVariant) => {
    await o.control(`/bench/cache?on=${v.cache ? 1 : 0}`)
    // Reading /bench/read-model without ?on keeps the setting; with it, sets serving.
    await o.control(`/bench/read-model?on=${v.readModel ? 1 : 0}`)
  }
  for (let i = -1; i < o.rounds; i++) {
    for (const v of o.variants) {
      await setVariant(v)
      if (i === -1) {
        await reads(o, f, 1) // warm-up
        // With the cache on, every read once first: a cold cache would make the first phase measured the slower one.
        if (v.cache) await readEachOnce(o, f)
        rounds.set(v, { alone: [], writes: [] })
        const none = { target: 0, perSecond: 0, ok: 0, failed: 0, skipped: 0, p50Ms: 0 }
        totals.set(v, {
          readErrors: 0,
          registrations: { ...none, target: o.registrations },
          logins: { ...none, target: o.logins },
          publishes: { done: 0, failed: 0 },
          checks: 0,
          staleReads: 0,
          servedByModel: 0,
          renders: { batches: 0, resources: 0, ms: 0 },
          rssMB: 0,
        })
        continue
      }
      const alone = async () => {
        const r = await reads(o, f, o.duration)
        rounds.get(v)!.alone.push(r)
        totals.get(v)!.readErrors += r.errors
      }
      const withWrites = async () => {
        const writer = await writeLoadProcess()
        const before = await stats(o)
        const until = Date.now() + o.duration * 1000
        const tag = `${v.name} round ${i + 1}`
        const [r, { registrations, logins }, published] = await Promise.all([
          reads(o, f, o.duration),
          writer.start({ base: o.base, registerPath, registrations: o.registrations, logins: o.logins, until, tag: `${i}` }),
          publisher(o, f, until, tag),
        ])
        const after = await stats(o)
        const rss = ((await (await o.control('/bench/rss')).json()) as { rssBytes: number }).rssBytes
        rounds.get(v)!.writes.push(r)
        const t = totals.get(v)!
        t.readErrors += r.errors
        for (const [sum, one] of [
          [t.registrations, registrations],
          [t.logins, logins],
        ] as const) {
          sum.ok += one.ok
          sum.failed += one.failed
          sum.skipped += one.skipped
          sum.perSecond += one.perSecond / o.rounds
          sum.p50Ms = Math.max(sum.p50Ms, one.p50Ms)
        }
        t.publishes.done += published.done
        t.publishes.failed += published.failed
        t.checks += published.checks
        t.staleReads += published.stale
        t.servedByModel += after.served - before.served
        t.renders.batches += after.renders - before.renders
        t.renders.resources += after.renderedResources - before.renderedResources
        t.renders.ms += after.renderMs - before.renderMs
        t.rssMB = Math.max(t.rssMB, Math.round(rss / 1024 / 1024))
        o.log(`  ${tag}: reads ${Math.round(r.rps)} req/s with writes; registrations ${registrations.perSecond.toFixed(1)}/s (p50 ${registrations.p50Ms} ms), logins ${logins.perSecond.toFixed(1)}/s (p50 ${logins.p50Ms} ms), ${published.done} published, ${published.stale} stale of ${published.checks} checks`)
      }
      // Alternate the order, so that what one phase leaves behind (renders, WAL) falls on both alike.
      if (i % 2 === 0) {
        await alone()
        await withWrites()
      } else {
        await withWrites()
        await alone()
      }
    }
  }
  for (const v of o.variants) {
    const r = rounds.get(v)!
    const readsAlone = median(r.alone.map((x) => x.rps))
    const readsWithWrites = median(r.writes.map((x) => x.rps))
    results.push({
      case: v.name,
      connections: o.connections,
      readsAlone,
      readsWithWrites,
      ratio: readsWithWrites / readsAlone,
      p50Alone: median(r.alone.map((x) => x.p50)),
      p50WithWrites: median(r.writes.map((x) => x.p50)),
      ...totals.get(v)!,
    })
  }
  return results
}

export function mixedTable(results: MixedResult[], publishEvery: number): string {
  if (!results.length) return ''
  const lines = [
    `Mixed (${results[0]!.connections} connections reading list, filtered list and by id at depth 0 and 1; writes at the same time: registrations at ${results[0]!.registrations.target}/s, logins at ${results[0]!.logins.target}/s, a publish every ${publishEvery} s; "dropped": sends skipped while 200 registrations (or 50 logins) were unanswered; p50 is the worst round's; stale reads: the list read right after a publish answered did not show it on top):`,
    '',
    '| case | reads alone req/s | with writes req/s | ratio (≥ 0.7) | p50 ms alone / with | registrations/s (2xx, failed, dropped; p50 ms) | logins/s (2xx, failed, dropped; p50 ms) | published | stale reads / checks | model answers | renders: batches, resources, ms | RSS MB |',
    '| --- | ---: | ---: | ---: | --- | --- | --- | ---: | ---: | ---: | --- | ---: |',
  ]
  const rate = (r: Rate) => `${r.perSecond.toFixed(1)} (${r.ok}, ${r.failed}, ${r.skipped}; ${r.p50Ms})`
  for (const r of results) {
    lines.push(
      `| ${r.case} | ${Math.round(r.readsAlone)} | ${Math.round(r.readsWithWrites)}${r.readErrors ? ` (${r.readErrors} reads not 2xx)` : ''} | ${r.ratio.toFixed(2)}× | ${r.p50Alone} / ${r.p50WithWrites} | ${rate(r.registrations)} | ${rate(r.logins)} | ${r.publishes.done}${r.publishes.failed ? ` (${r.publishes.failed} failed)` : ''} | **${r.staleReads}** / ${r.checks} | ${r.servedByModel} | ${r.renders.batches}, ${r.renders.resources}, ${Math.round(r.renders.ms)} | ${r.rssMB} |`,
    )
  }
  return lines.join('\n')
}
