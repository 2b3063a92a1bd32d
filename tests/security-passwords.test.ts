/**
 * The password policy (12+ characters, not common, breached or built from the person's own
 * name) on every way a password is set, and a change only by the owner with the current one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { passwordProblem } from '../collections/Contributors/password/policy'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

const WEAK = ['abc', 'short-pw1', 'password1234', 'Password123!', '123456789012', 'qwertyuiop12', 'aaaaaaaaaaaaaaaa', 'iloveyou2024!']
const STRONG = 'velvet-orbit-lantern-92'
const login = (email: string, password: string) => request(app.url).post('/api/contributors/login').send({ email, password })
const storedHash = async (id: string | number) =>
  ((await app.payload.db.findOne({ collection: 'contributors', where: { id: { equals: id } } })) as unknown as { hash: string }).hash

describe('the policy', () => {
  it.each(WEAK)('refuses %p', (password) => {
    expect(passwordProblem(password)).toEqual(expect.any(String))
  })
  it('refuses a password made of the person\'s own name or address, and accepts a long unusual one', () => {
    expect(passwordProblem('rosaleader2024', ['rosa.leader@example.org', 'Rosa Leader'])).toMatch(/name or address/)
    expect(passwordProblem(STRONG, ['rosa.leader@example.org', 'Rosa Leader'])).toBeUndefined()
  })
})

describe('first register (the admin panel\'s first account: admins too)', () => {
  it('refuses a weak password, creating nothing, and accepts a strong one', async () => {
    for (const password of ['abc', 'password1234']) {
      const res = await request(app.url).post('/api/contributors/first-register').send({ email: 'first@example.org', password, name: 'First Admin' })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toMatch(/password/)
    }
    expect((await app.payload.count({ collection: 'contributors' })).totalDocs).toBe(0)
    const ok = await request(app.url).post('/api/contributors/first-register').send({ email: 'first@example.org', password: STRONG, name: 'First Admin' })
    expect(ok.status).toBe(200)
  })
})

describe('sign-up', () => {
  it.each(WEAK)('refuses %p with 400 naming the password, creating nothing', async (password) => {
    const email = `weak-${Buffer.from(password).toString('hex')}@example.org`
    const res = await request(app.url).post('/api/contributors').send({ name: 'New Leader', email, password })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'password', message: expect.stringMatching(/password/i) })])
    expect((await app.payload.count({ collection: 'contributors', where: { email: { equals: email } } })).totalDocs).toBe(0)
  })
})

describe('reset password', () => {
  it('applies the policy to the new password', async () => {
    const account = await createAccount(app, 'contributor')
    app.mail.clear()
    await request(app.url).post('/api/contributors/forgot-password').send({ email: account.email }).expect(200)
    const token = /reset\/([A-Za-z0-9]+)/.exec(app.mail.to(account.email).at(-1)?.html ?? '')![1]!
    const weak = await request(app.url).post('/api/contributors/reset-password').send({ token, password: 'password1234' })
    expect(weak.status).toBe(400)
    expect((await login(account.email, 'password1234')).status).toBe(401)
    expect((await request(app.url).post('/api/contributors/reset-password').send({ token, password: STRONG })).status).toBe(200)
    expect((await login(account.email, STRONG)).status).toBe(200)
  })
})

describe('changing a password', () => {
  it.each(['contributor', 'editor', 'admin'] as const)('needs the current password (%s changing their own)', async (role) => {
    const account = await createAccount(app, role)
    const agent = await signIn(app, account)
    const before = await storedHash(account.id)
    const change = (body: object) => agent.patch(`/api/contributors/${account.id}`).send(body)

    const without = await change({ password: STRONG })
    expect(without.status).toBe(400)
    expect(without.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'currentPassword' })])
    const wrong = await change({ password: STRONG, currentPassword: 'not-the-password-at-all' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'currentPassword', message: expect.stringMatching(/not correct/) })])
    const weak = await change({ password: 'password1234', currentPassword: account.password })
    expect(weak.status).toBe(400)
    expect(weak.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'password' })])
    expect(await storedHash(account.id)).toBe(before)

    const ok = await change({ password: STRONG, currentPassword: account.password })
    expect(ok.status).toBe(200)
    expect(JSON.stringify(ok.body)).not.toContain(account.password)
    expect((await login(account.email, STRONG)).status).toBe(200)
    expect((await login(account.email, account.password)).status).toBe(401)
  })

  it("is impossible on someone else's account, for editors and admins too (they send a reset), singly or in bulk", async () => {
    const victim = await createAccount(app, 'contributor')
    const before = await storedHash(victim.id)
    for (const role of ['editor', 'admin'] as const) {
      const actor = await createAccount(app, role)
      const agent = await signIn(app, actor)
      const single = await agent.patch(`/api/contributors/${victim.id}`).send({ password: STRONG, currentPassword: actor.password })
      expect([role, single.status]).toEqual([role, 403])
      const bulk = await agent.patch(`/api/contributors?where[id][equals]=${victim.id}`).send({ password: STRONG })
      expect([role, bulk.status]).toEqual([role, 403])
    }
    expect(await storedHash(victim.id)).toBe(before)
    expect((await login(victim.email, victim.password)).status).toBe(200)
  })

  it('offers no GraphQL way to set a password', async () => {
    const account = await createAccount(app, 'admin')
    const agent = await signIn(app, account)
    const res = await agent.post('/api/graphql').send({ query: `mutation { updateContributor(id: "${account.id}", data: { password: "${STRONG}" }) { id } }` })
    expect(res.body.errors?.[0]?.message).toMatch(/Cannot query field "updateContributor"/)
    expect((await login(account.email, account.password)).status).toBe(200)
  })
})
