/**
 * Sign-ups (each emails the editors) and forgot-password requests (each emails the address given)
 * are limited per client address, so neither can flood an inbox; and the version policy:
 * `payload` and every `@payloadcms/*` are pinned to one exact version (docs/SECURITY.md).
 */
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { startTestApp, type TestApp } from './helpers/testApp'
import { settle } from './helpers/workflow'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ ACCOUNT_RATE_LIMIT: '3' })
})
afterAll(async () => {
  await app?.stop()
})

const signUp = (i: number) =>
  request(app.url).post('/api/contributors').send({ name: `Flood ${i}`, email: `flood-${i}@example.org`, password: 'a-long-password-1' })

describe('account rate limits', () => {
  it('refuses the fourth sign-up in an hour from one address with 429 and Retry-After, creating nothing', async () => {
    const statuses = [] as number[]
    for (let i = 0; i < 3; i++) statuses.push((await signUp(i)).status)
    expect(statuses).toEqual([201, 201, 201])
    const refused = await signUp(3)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60)
    expect(refused.body.errors[0].message).toMatch(/too many/i)
    expect(refused.text).not.toContain('flood-3@example.org')
    const { totalDocs } = await app.payload.count({ collection: 'contributors', where: { email: { equals: 'flood-3@example.org' } }, overrideAccess: true })
    expect(totalDocs).toBe(0)
  })

  it('limits forgot-password separately, and sends no email for a refused request', async () => {
    await settle(app)
    for (let i = 0; i < 3; i++) {
      expect((await request(app.url).post('/api/contributors/forgot-password').send({ email: 'flood-0@example.org' })).status).toBe(200)
    }
    await settle(app)
    const sent = app.mail.messages.length
    const refused = await request(app.url).post('/api/contributors/forgot-password').send({ email: 'flood-0@example.org' })
    expect(refused.status).toBe(429)
    await settle(app)
    expect(app.mail.messages.length).toBe(sent)
  })

  it('offers no GraphQL way around the limits', async () => {
    const res = await request(app.url)
      .post('/api/graphql')
      .send({ query: 'mutation { forgotPasswordContributor(email: "flood-0@example.org") }' })
    // (GraphQL answers a query it cannot run with 200 and errors)
    expect(res.body.data?.forgotPasswordContributor).toBeUndefined()
    expect(res.body.errors[0].message).toMatch(/Cannot query field "forgotPasswordContributor"/)
  })
})

describe('version policy', () => {
  it('pins payload and every @payloadcms/* package to one exact version', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as Record<string, Record<string, string> | undefined>
    const all = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies }
    const payloadPackages = Object.entries(all).filter(([name]) => name === 'payload' || name.startsWith('@payloadcms/'))
    expect(payloadPackages.length).toBeGreaterThan(1)
    for (const [name, range] of payloadPackages) expect({ [name]: /^\d+\.\d+\.\d+$/.test(range) }).toEqual({ [name]: true })
    expect(new Set(payloadPackages.map(([, range]) => range)).size).toBe(1)
    // The lock file holds that same version for each, so an install cannot drift.
    const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string }> }
    for (const [name, range] of payloadPackages) expect({ [name]: lock.packages[`node_modules/${name}`]?.version }).toEqual({ [name]: range })
  })
})
