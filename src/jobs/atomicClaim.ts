import type { Payload, Where } from 'payload'

type Args = { id?: string | number; data: Record<string, unknown>; limit?: number; req?: unknown; returning?: boolean; sort?: unknown; where?: Where }
type Adapter = {
  updateJobs: (args: Args) => Promise<Record<string, unknown>[] | null>
  find: (args: Record<string, unknown>) => Promise<{ docs: { id: string | number }[] }>
  updateOne: (args: Record<string, unknown>) => Promise<Record<string, unknown> | null>
}

const NOT_PROCESSING: Where = { processing: { equals: false } }

/**
 * Every runner claims a queued job with one conditional update that matches only while the job
 * is not processing, so of two runners (two instances, the cron and a request's "run now") one
 * gets it and the other nothing. Payload's own claim (`updateJobs` with `processing: true`) reads
 * the candidates, then updates them by id: on MongoDB without a transaction, so two runners both
 * claim (and run) one job; and `runByID` claims a job whatever its state on both adapters.
 * Here the candidates are read the same way, then each is claimed alone with `updateOne` on
 * { id, processing: false } (MongoDB: findOneAndUpdate, atomic on the document; SQLite: inside
 * the claim's transaction), and only the jobs won are returned. Other job updates pass through.
 */
export function claimJobsAtomically(payload: Payload): void {
  const db = payload.db as unknown as Adapter
  const original = db.updateJobs.bind(db)
  db.updateJobs = async (args) => {
    if (args.data?.processing !== true) return original(args)
    const where: Where = args.id !== undefined ? { id: { equals: args.id } } : (args.where ?? {})
    const candidates = await db.find({
      collection: 'payload-jobs',
      where: { and: [where, NOT_PROCESSING] },
      limit: args.id !== undefined ? 1 : (args.limit ?? 0),
      pagination: false,
      sort: args.sort,
      select: { id: true },
      req: args.req,
    })
    const claimed: Record<string, unknown>[] = []
    for (const { id } of candidates.docs) {
      const doc = await db.updateOne({
        collection: 'payload-jobs',
        where: { and: [{ id: { equals: id } }, NOT_PROCESSING] },
        data: { ...args.data },
        req: args.req,
        returning: args.returning !== false,
      })
      if (doc) claimed.push(doc)
    }
    return args.returning === false ? null : claimed
  }
}
