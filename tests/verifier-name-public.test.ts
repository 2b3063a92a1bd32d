/**
 * A legal reviewer's name is public on what they verified only while they opt in
 * (`verification.attribution`). Withdrawing the opt-in, changing the name, or deleting the account
 * changes every public answer that shows it at once: the public cache (keyed on the public content
 * version) and the read model (which stores renderings) must not keep serving the old name.
 * collections/Contributors/hooks/verifierNameChanged.ts.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import request from 'supertest'
import { publicContentVersion } from '../src/cache/publicContentVersion'
import { readModel } from '../src/readModel'
import { createLegalReviewers } from './helpers/legalReviewers'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let reviewers: Awaited<ReturnType<typeof createLegalReviewers>>
let urls: string[]

beforeAll(async () => {
  app = await startTestApp({ READ_MODEL: 'on' })
  const places = await createJurisdictions(app)
  reviewers = await createLegalReviewers(app, places)
  const id = await createPublished(app, { slug: 'rm-verified-by-carla', title: 'California court rule', category: 'judicial-rule', jurisdictions: [places['US-CA']] })
  // Shown populated in another item too (depth 1).
  await createPublished(app, { slug: 'rm-successor-of-carla', title: 'Newer California rule', category: 'judicial-rule', supersedes: [id], jurisdictions: [places['US-CA']] })
  expect((await reviewers.ca.agent.post(`/api/resources/${id}/verify`).send({ note: 'Checked.' })).status).toBe(200)
  urls = [
    `/api/resources/${id}?depth=0`,
    `/api/resources/${id}?depth=1&locale=es`,
    '/api/resources?depth=0&where[slug][equals]=rm-verified-by-carla',
    '/api/resources?depth=1&where[slug][equals]=rm-successor-of-carla',
    '/api/resources?limit=10&depth=0',
    '/api/jurisdictions/US-CA/toolkit',
  ]
}, 180_000)
afterAll(async () => {
  await app?.stop()
})

/** Every public answer, read as an anonymous client would (through the public cache), once the model has settled. */
async function publicAnswers(): Promise<string[]> {
  await readModel.settle()
  return Promise.all(urls.map(async (url) => (await request(app.url).get(url)).text))
}

it('shows the name while the reviewer opts in, and drops it everywhere when they withdraw, rename or are deleted', async () => {
  const servedBefore = readModel.stats.served
  for (const text of await publicAnswers()) expect(text).toContain('Carla Public-Counsel')
  expect(readModel.stats.served).toBeGreaterThan(servedBefore) // the model answered some of them

  // Her own withdrawal: no answer shows the name any more, cached or stored.
  const self = reviewers.ca.agent
  expect((await self.patch(`/api/contributors/${reviewers.ca.id}`).send({ publicAttribution: false })).status).toBe(200)
  for (const text of await publicAnswers()) expect(text).not.toContain('Carla Public-Counsel')

  // Opted in again under a new name: the new name, never the old one.
  expect((await self.patch(`/api/contributors/${reviewers.ca.id}`).send({ publicAttribution: true, name: 'Carla Renamed-Counsel' })).status).toBe(200)
  for (const text of await publicAnswers()) {
    expect(text).toContain('Carla Renamed-Counsel')
    expect(text).not.toContain('Carla Public-Counsel')
  }

  // A change that does not touch what is shown leaves the cache warm.
  const version = await publicContentVersion.current()
  expect((await self.patch(`/api/contributors/${reviewers.ca.id}`).send({ preferredLanguage: 'es' })).status).toBe(200)
  expect(await publicContentVersion.current()).toBe(version)

  // The account deleted by an admin: the history stays, naming nobody, and so do the public answers.
  const admin = await signIn(app, await createAccount(app, 'admin'))
  expect((await admin.delete(`/api/contributors/${reviewers.ca.id}`)).status).toBe(200)
  for (const text of await publicAnswers()) expect(text).not.toContain('Carla Renamed-Counsel')
})
