import type { BulkResource } from './resources'

type Id = string | number

/** The review events of a batch, as the adapter stores them (not emailed: imports notify nobody). */
export function reviewEventsOf(batch: BulkResource[], ids: Id[], now: string): Record<string, unknown>[] {
  return batch.flatMap((record, i) =>
    (record.events ?? []).map((event) => ({
      resource: ids[i],
      resourceOwner: record.owner ?? null,
      action: event.action,
      from: event.from,
      to: event.to,
      by: event.by,
      note: event.note ?? null,
      checklist: event.checklist ?? null,
      at: now,
      emailed: false,
      createdAt: now,
      updatedAt: now,
    })),
  )
}
