import type { Payload } from 'payload'
import { topics } from './data/topics'

/** Upserts by slug: running it twice changes nothing. */
export async function seed(payload: Payload): Promise<void> {
  for (const topic of topics) {
    const existing = await payload.find({ collection: 'topics', where: { slug: { equals: topic.slug } }, limit: 1, depth: 0 })
    const data = { slug: topic.slug, name: topic.name.en }
    const doc = existing.docs[0]
      ? await payload.update({ collection: 'topics', id: existing.docs[0].id, data, locale: 'en' })
      : await payload.create({ collection: 'topics', data, locale: 'en' })
    await payload.update({ collection: 'topics', id: doc.id, data: { name: topic.name.es }, locale: 'es' })
  }
}

/** The start command seeds an empty embedded database so a newcomer sees a populated admin panel. */
export async function seedIfEmpty(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'topics' })
  if (totalDocs > 0) return
  payload.logger.info('Empty database: seeding demo content')
  await seed(payload)
}
