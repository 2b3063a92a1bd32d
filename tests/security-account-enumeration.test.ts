/**
 * Nobody learns who has an account: login does the same password hashing for unknown, known
 * and locked addresses; sign-up answers a taken address like a new one (and tells the owner by
 * email); an email change to a taken address answers like any other and takes effect only once
 * confirmed from the new address. No timing assertions: the hashing is counted.
 */
import crypto from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { addressHash, signEmailChange } from '../collections/Contributors/emailChange/token'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { settle, waitForMail } from './helpers/workflow'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ ACCOUNT_RATE_LIMIT: '0' })
  await createAccount(app, 'editor')
})
afterAll(async () => {
  await app?.stop()
})

/** Counts PBKDF2 runs with Payload's current cost (600,000 iterations) made while `work` runs. */
const original = crypto.pbkdf2
let hashRuns = 0
beforeAll(() => {
  ;(crypto as { pbkdf2: unknown }).pbkdf2 = (...args: Parameters<typeof crypto.pbkdf2>) => {
    if (args[2] === 600_000) hashRuns++
    return original(...args)
  }
})
afterEach(() => {
  hashRuns = 0
})
afterAll(() => {
  crypto.pbkdf2 = original
})
async function hashesDuring<T>(work: () => Promise<T>): Promise<[number, T]> {
  hashRuns = 0
  const result = await work()
  return [hashRuns, result]
}

const STRONG = 'velvet-orbit-lantern-92'
const login = (email: string, password: string) => request(app.url).post('/api/contributors/login').send({ email, password })
const signUp = (email: string, password = STRONG, extra: object = {}) =>
  request(app.url).post('/api/contributors').send({ name: 'Sam Applicant', email, password, ...extra })
const contributorsWith = async (email: string) =>
  (await app.payload.count({ collection: 'contributors', where: { email: { equals: email } }, overrideAccess: true })).totalDocs

describe('login', () => {
  it('hashes the password once whether the address is unknown, known or locked, and answers alike', async () => {
    const known = await createAccount(app, 'contributor')
    const locked = await createAccount(app, 'contributor', { loginAttempts: 5, lockUntil: new Date(Date.now() + 600_000).toISOString() })
    const [unknownRuns, unknown] = await hashesDuring(() => login('nobody-at-all@example.org', 'some-guess-123'))
    const [knownRuns, wrong] = await hashesDuring(() => login(known.email, 'some-guess-123'))
    const [lockedRuns, lockedAnswer] = await hashesDuring(() => login(locked.email, 'some-guess-123'))
    const [upperRuns] = await hashesDuring(() => login('  NOBODY-else@Example.org ', 'some-guess-123'))
    expect({ unknownRuns, knownRuns, lockedRuns, upperRuns }).toEqual({ unknownRuns: 1, knownRuns: 1, lockedRuns: 1, upperRuns: 1 })
    expect([unknown.status, wrong.status, lockedAnswer.status]).toEqual([401, 401, 401])
    expect(unknown.body).toEqual(wrong.body)
    expect(lockedAnswer.body).toEqual(wrong.body)
  })
})

describe('sign-up', () => {
  it('answers a taken address exactly like a new one, after the same hashing, and emails the owner instead', async () => {
    const owner = await createAccount(app, 'contributor')
    await settle(app)
    app.mail.clear()
    const [freshRuns, fresh] = await hashesDuring(() => signUp('brand.new.person@example.org'))
    const [takenRuns, taken] = await hashesDuring(() => signUp(owner.email))
    const [shoutedRuns, shouted] = await hashesDuring(() => signUp(`  ${owner.email.toUpperCase()} `))
    expect([fresh.status, taken.status, shouted.status]).toEqual([201, 201, 201])
    expect(taken.body).toEqual(fresh.body)
    expect(shouted.body).toEqual(fresh.body)
    expect(Object.keys(fresh.body.doc).sort()).toEqual(['name', 'role', 'status'])
    expect(freshRuns).toBeGreaterThanOrEqual(1)
    expect(takenRuns).toBe(freshRuns)
    expect(shoutedRuns).toBe(takenRuns)
    expect(await contributorsWith(owner.email)).toBe(1)

    const note = await waitForMail(app, (m) => m.to === owner.email)
    expect(note.subject).toMatch(/tried to sign up/)
    await settle(app)
    // The editors hear about the real sign-up only.
    expect(app.mail.messages.filter((m) => m.subject === 'New contributor sign-up to review')).toHaveLength(1)
  })

  it('refuses bad input identically whether the address is taken or not', async () => {
    const owner = await createAccount(app, 'contributor')
    for (const bad of [{ password: 'password1234' }, { name: 'Win a prize at https://evil.example' }, { name: '' }]) {
      const fresh = await signUp('another.new.person@example.org', (bad as { password?: string }).password ?? STRONG, bad)
      const taken = await signUp(owner.email, (bad as { password?: string }).password ?? STRONG, bad)
      expect(fresh.status).toBe(400)
      expect(taken.status).toBe(400)
      expect(taken.body).toEqual(fresh.body)
    }
  })

  it('lists no account to a caller who may not read them, also through the method override', async () => {
    const owner = await createAccount(app, 'contributor')
    const member = await signIn(app, await createAccount(app, 'contributor'))
    for (const caller of [request(app.url), member]) {
      const res = await caller.post('/api/contributors').set('X-Payload-HTTP-Method-Override', 'GET').type('form').send(`where[email][equals]=${encodeURIComponent(owner.email)}`)
      expect(JSON.stringify(res.body)).not.toContain(owner.email)
    }
  })
})

describe('changing the email address', () => {
  const confirmLink = (address: string) => {
    const text = app.mail.to(address).at(-1)?.text ?? ''
    const match = /\/api\/contributors\/confirm-email\?token=(\S+)/.exec(text)
    return match ? decodeURIComponent(match[1]!) : undefined
  }

  it('answers a taken address like a free one and changes nothing until the new address confirms', async () => {
    const taken = await createAccount(app, 'contributor')
    const me = await createAccount(app, 'contributor')
    const agent = await signIn(app, me)
    await settle(app)
    app.mail.clear()
    const toTaken = await agent.patch(`/api/contributors/${me.id}`).send({ email: taken.email })
    const toFree = await agent.patch(`/api/contributors/${me.id}`).send({ email: 'my.new.address@example.org' })
    expect([toTaken.status, toFree.status]).toEqual([200, 200])
    expect(toTaken.body.doc.email).toBe(me.email)
    expect(toFree.body.doc.email).toBe(me.email)
    expect(Object.keys(toTaken.body.doc).sort()).toEqual(Object.keys(toFree.body.doc).sort())
    expect(JSON.stringify(toTaken.body)).not.toMatch(/unique|already/i)
    await settle(app)

    // The taken address's owner is told, with no link; the free address gets a link; the old address a notice each time.
    expect(app.mail.to(taken.email).at(-1)?.subject).toMatch(/move an account to your address/)
    expect(confirmLink(taken.email)).toBeUndefined()
    expect(app.mail.to(me.email).map((m) => m.subject)).toEqual([expect.stringMatching(/about to change/), expect.stringMatching(/about to change/)])
    const token = confirmLink('my.new.address@example.org')!
    expect(token).toBeDefined()
    expect((await login('my.new.address@example.org', me.password)).status).toBe(401)
    expect((await login(me.email, me.password)).status).toBe(200)

    // Following the link: GET only shows, POST applies, and the link works once.
    const shown = await request(app.url).get(`/api/contributors/confirm-email?token=${encodeURIComponent(token)}`)
    expect(shown.status).toBe(200)
    expect((await login(me.email, me.password)).status).toBe(200)
    const confirmed = await request(app.url).post('/api/contributors/confirm-email').send({ token })
    expect(confirmed.status).toBe(200)
    expect((await login('my.new.address@example.org', me.password)).status).toBe(200)
    expect((await login(me.email, me.password)).status).toBe(401)
    expect((await request(app.url).post('/api/contributors/confirm-email').send({ token })).status).toBe(410)
  })

  it('refuses tampered and expired links, and a link whose address was taken meanwhile', async () => {
    const me = await createAccount(app, 'contributor')
    const agent = await signIn(app, me)
    await agent.patch(`/api/contributors/${me.id}`).send({ email: 'later.taken@example.org' }).expect(200)
    await settle(app)
    const token = confirmLink('later.taken@example.org')!
    const [body, signature] = token.split('.')
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), e: 'attacker@example.org' })).toString('base64url')}.${signature}`
    expect((await request(app.url).post('/api/contributors/confirm-email').send({ token: forged })).status).toBe(400)
    expect((await request(app.url).post('/api/contributors/confirm-email').send({ token: 'nonsense' })).status).toBe(400)
    const expired = signEmailChange(app.payload.secret, { account: me.id, email: 'later.taken@example.org', replaces: addressHash(app.payload.secret, me.email), expires: Date.now() - 1000 })
    expect((await request(app.url).post('/api/contributors/confirm-email').send({ token: expired })).status).toBe(410)

    await createAccount(app, 'contributor', { email: 'later.taken@example.org' })
    const res = await request(app.url).post('/api/contributors/confirm-email').send({ token })
    expect(res.status).toBe(409)
    expect((await login(me.email, me.password)).status).toBe(200)
  })

  it('cannot be set directly: not pendingEmail, not in bulk, not by an editor for someone else', async () => {
    const me = await createAccount(app, 'contributor')
    const agent = await signIn(app, me)
    await agent.patch(`/api/contributors/${me.id}`).send({ pendingEmail: 'sneaky@example.org' }).expect(200)
    const stored = (await app.payload.findByID({ collection: 'contributors', id: me.id, overrideAccess: true })) as { email: string; pendingEmail?: string | null }
    expect(stored.pendingEmail ?? null).toBeNull()
    const admin = await signIn(app, await createAccount(app, 'admin'))
    expect((await admin.patch(`/api/contributors?where[id][equals]=${me.id}`).send({ email: 'bulk@example.org' })).status).toBe(403)
    const editor = await signIn(app, await createAccount(app, 'editor'))
    expect((await editor.patch(`/api/contributors/${me.id}`).send({ email: 'editor-choice@example.org' })).status).toBe(403)
    expect(((await app.payload.findByID({ collection: 'contributors', id: me.id, overrideAccess: true })) as { email: string }).email).toBe(me.email)
  })

  it('has no GraphQL mutation for accounts', async () => {
    const admin = await signIn(app, await createAccount(app, 'admin'))
    const res = await admin.post('/api/graphql').send({ query: '{ __schema { mutationType { fields { name } } } }' })
    const names = (res.body.data.__schema.mutationType?.fields ?? []).map((f: { name: string }) => f.name)
    expect(names.filter((name: string) => /contributor/i.test(name))).toEqual([])
  })
})
