import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
  await app.payload.create({ collection: 'topics', data: { name: 'Original name', slug: 'cache-me' } })
})
afterAll(async () => {
  await app?.stop()
})

const names = async () => (await request(app.url).get('/api/topics?where[slug][equals]=cache-me')).body.docs.map((d: { name: string }) => d.name)

describe('the public response cache', () => {
  it('answers a repeated anonymous read from memory', async () => {
    await names()
    const { hits } = app.publicCache.stats
    expect(await names()).toEqual(['Original name'])
    expect(app.publicCache.stats.hits).toBe(hits + 1)
  })

  it('never serves a stale read after a write through the API', async () => {
    await names()
    const editor = await signIn(app, await createAccount(app, 'editor'))
    const [topic] = (await app.payload.find({ collection: 'topics', where: { slug: { equals: 'cache-me' } } })).docs
    await editor.patch(`/api/topics/${topic!.id}`).send({ name: 'Edited through REST' }).expect(200)
    expect(await names()).toEqual(['Edited through REST'])
  })

  it('never serves a stale read after a write by server code', async () => {
    await names()
    const [topic] = (await app.payload.find({ collection: 'topics', where: { slug: { equals: 'cache-me' } } })).docs
    await app.payload.update({ collection: 'topics', id: topic!.id, data: { name: 'Edited by a job' } })
    expect(await names()).toEqual(['Edited by a job'])
  })

  it('never serves a stale read after another process wrote to the same database', async () => {
    await names()
    const file = (app.payload.db as unknown as { clientConfig: { url: string } }).clientConfig.url
    const other = createClient({ url: file })
    // What another instance's write does: the content and, in the same transaction, the public
    // content version (src/cache/publicContentVersion.ts).
    await other.batch(
      ["UPDATE topics_locales SET name = 'Edited elsewhere' WHERE name = 'Edited by a job'", "UPDATE public_content_version SET token = 'written elsewhere'"],
      'write',
    )
    other.close()
    expect(await names()).toEqual(['Edited elsewhere'])
  })

  it('is not used for signed-in readers', async () => {
    const editor = await signIn(app, await createAccount(app, 'editor'))
    const { hits, misses } = app.publicCache.stats
    await editor.get('/api/topics').expect(200)
    await editor.get('/api/topics').expect(200)
    expect(app.publicCache.stats).toEqual({ hits, misses })
  })
})
