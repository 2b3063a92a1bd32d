import type { PayloadRequest, TaskConfig } from 'payload'
import { transition } from '../workflow/transition'

/**
 * Publishes a resource at the `publishAt` an editor chose (queued with `waitUntil`), through the
 * same transition as the endpoint, as that editor. It does nothing when the schedule no longer
 * stands: any transition since (withdraw, request changes, archive, a new schedule) clears or
 * changes `publishAt`, and an editor who lost their role cannot publish.
 */
export const publishScheduledTask: TaskConfig<{
  input: { resource: string; by: string; publishAt: string }
  output: { published: boolean; reason: string }
}> = {
  slug: 'publishScheduled',
  label: 'Publish a resource at its scheduled time',
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  inputSchema: [
    { name: 'resource', type: 'text', required: true },
    { name: 'by', type: 'text', required: true },
    { name: 'publishAt', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'published', type: 'checkbox' },
    { name: 'reason', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const { payload } = req
    const resource = (await payload.findByID({ collection: 'resources', id: input.resource, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })) as Record<string, unknown> | null
    const scheduled = resource?.publishAt ? new Date(resource.publishAt as string).getTime() : NaN
    if (!resource || scheduled !== new Date(input.publishAt).getTime()) {
      return { output: { published: false, reason: 'schedule no longer stands' } }
    }
    const editor = await payload.findByID({ collection: 'contributors', id: input.by, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!editor) return { output: { published: false, reason: 'scheduling editor no longer exists' } }
    const asEditor = Object.assign(Object.create(Object.getPrototypeOf(req)), req, {
      user: { ...(editor as object), collection: 'contributors' },
      context: { ...req.context },
    }) as PayloadRequest
    const result = await transition(asEditor, input.resource, {
      action: 'publish',
      checklist: { personalDataCleared: true, sourcesChecked: true },
      note: 'Published at the scheduled time.',
    })
    return { output: { published: result.ok, reason: result.ok ? 'published' : result.error } }
  },
}
