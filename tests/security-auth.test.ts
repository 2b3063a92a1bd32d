import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

const login = (email: string, password: string) =>
  request(app.url).post('/api/contributors/login').set('Origin', app.url).send({ email, password })

const tokenCookie = (res: request.Response) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('payload-token='))

describe('lockout', () => {
  it('locks after 5 failures without revealing whether the email has an account', async () => {
    const victim = await createAccount(app, 'contributor')
    for (let i = 0; i < 5; i++) expect((await login(victim.email, 'wrong-password')).status).toBe(401)

    const locked = await login(victim.email, victim.password)
    const unknown = await login('nobody-here@example.org', 'whatever')
    expect(locked.status).toBe(401)
    expect(locked.status).toBe(unknown.status)
    expect(locked.body).toEqual(unknown.body)
    expect(tokenCookie(locked)).toBeUndefined()
  })

  it('is lifted by a password reset, so an attacker cannot keep the owner out', async () => {
    const owner = await createAccount(app, 'contributor')
    for (let i = 0; i < 5; i++) await login(owner.email, 'wrong-password')
    app.mail.clear()
    await request(app.url).post('/api/contributors/forgot-password').send({ email: owner.email }).expect(200)
    const token = resetToken(owner.email)
    const reset = await request(app.url).post('/api/contributors/reset-password').send({ token, password: 'a-new-password-123' })
    expect(reset.status).toBe(200)
    expect((await login(owner.email, 'a-new-password-123')).status).toBe(200)
  })
})

describe('sessions', () => {
  it('rejects the token after logout', async () => {
    const account = await createAccount(app, 'contributor')
    const res = await login(account.email, account.password)
    const token = res.body.token as string
    const me = () => request(app.url).get('/api/contributors/me').set('Authorization', `JWT ${token}`)
    expect((await me()).body.user?.email).toBe(account.email)
    await request(app.url).post('/api/contributors/logout').set('Authorization', `JWT ${token}`).expect(200)
    expect((await me()).body.user).toBeNull()
  })

  it("never answers an account's session list: not at login, not on /me, however many it holds", async () => {
    const account = await createAccount(app, 'contributor')
    let res = await login(account.email, account.password)
    for (let i = 0; i < 3; i++) res = await login(account.email, account.password)
    expect(res.status).toBe(200)
    expect(res.body.user?.email).toBe(account.email)
    expect(res.body.user.sessions ?? []).toEqual([]) // Payload may leave the field as an empty list
    const token = res.body.token as string
    const me = await request(app.url).get('/api/contributors/me').set('Authorization', `JWT ${token}`)
    expect(me.body.user?.email).toBe(account.email)
    expect(me.body.user.sessions ?? []).toEqual([])
    const byId = await request(app.url).get(`/api/contributors/${res.body.user.id}`).set('Authorization', `JWT ${token}`)
    expect(byId.body.sessions ?? []).toEqual([])
    // Payload still keeps them: each login's token works, and a logout ends only its own.
    const first = await login(account.email, account.password)
    const second = await login(account.email, account.password)
    await request(app.url).post('/api/contributors/logout').set('Authorization', `JWT ${first.body.token}`).expect(200)
    expect((await request(app.url).get('/api/contributors/me').set('Authorization', `JWT ${first.body.token}`)).body.user).toBeNull()
    expect((await request(app.url).get('/api/contributors/me').set('Authorization', `JWT ${second.body.token}`)).body.user?.email).toBe(account.email)
  })

  it('rejects a tampered token', async () => {
    const account = await createAccount(app, 'contributor')
    const token = (await login(account.email, account.password)).body.token as string
    const [header, payload, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')
    for (const bad of [`${header}.${forged}.${signature}`, `${header}.${payload}.${crypto.randomBytes(32).toString('base64url')}`]) {
      const res = await request(app.url).get('/api/contributors').set('Authorization', `JWT ${bad}`)
      expect(res.status).toBe(403)
    }
  })
})

describe('cookies', () => {
  it('are HttpOnly and SameSite=Lax, and not Secure outside production', async () => {
    const account = await createAccount(app, 'contributor')
    const cookie = tokenCookie(await login(account.email, account.password))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i)
  })

  it('authenticate nobody when sent from an origin outside CORS_ORIGINS', async () => {
    const editor = await createAccount(app, 'editor')
    const cookie = tokenCookie(await login(editor.email, editor.password))!.split(';')[0]!
    const before = (await app.payload.count({ collection: 'topics' })).totalDocs
    const res = await request(app.url)
      .post('/api/topics')
      .set('Cookie', cookie)
      .set('Origin', 'https://attacker.example')
      .send({ name: 'Defaced', slug: 'defaced' })
    expect(res.status).toBe(403)
    expect((await app.payload.count({ collection: 'topics' })).totalDocs).toBe(before)
  })
})

describe('forgot password', () => {
  it('answers identically for known and unknown emails, and mails only the known one', async () => {
    const account = await createAccount(app, 'contributor')
    app.mail.clear()
    const known = await request(app.url).post('/api/contributors/forgot-password').send({ email: account.email })
    const unknown = await request(app.url).post('/api/contributors/forgot-password').send({ email: 'ghost@example.org' })
    expect(known.status).toBe(unknown.status)
    expect(known.body).toEqual(unknown.body)
    expect(app.mail.to(account.email)).toHaveLength(1)
    expect(app.mail.to('ghost@example.org')).toHaveLength(0)
  })

  it('gives a single-use token', async () => {
    const account = await createAccount(app, 'contributor')
    app.mail.clear()
    await request(app.url).post('/api/contributors/forgot-password').send({ email: account.email }).expect(200)
    const token = resetToken(account.email)
    const first = await request(app.url).post('/api/contributors/reset-password').send({ token, password: 'first-new-password' })
    expect(first.status).toBe(200)
    const second = await request(app.url).post('/api/contributors/reset-password').send({ token, password: 'second-new-password' })
    expect(second.status).toBeGreaterThanOrEqual(400)
    expect(second.status).toBeLessThan(500)
    expect((await login(account.email, 'first-new-password')).status).toBe(200)
  })

  it('gives a token that expires', async () => {
    const account = await createAccount(app, 'contributor')
    app.mail.clear()
    await request(app.url).post('/api/contributors/forgot-password').send({ email: account.email }).expect(200)
    const token = resetToken(account.email)
    // Move the expiry into the past, as an hour's wait would.
    await app.payload.update({
      collection: 'contributors',
      id: account.id,
      data: { resetPasswordExpiration: new Date(Date.now() - 1000).toISOString() } as never,
      overrideAccess: true,
    })
    const res = await request(app.url).post('/api/contributors/reset-password').send({ token, password: 'too-late-password' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect((await login(account.email, account.password)).status).toBe(200)
  })
})

describe('first register', () => {
  it('is closed once any account exists', async () => {
    await createAccount(app, 'admin')
    const before = (await app.payload.count({ collection: 'contributors' })).totalDocs
    const res = await request(app.url)
      .post('/api/contributors/first-register')
      .send({ email: 'intruder@example.org', password: 'intruder-password', name: 'Intruder' })
    expect(res.status).toBe(403)
    expect((await app.payload.count({ collection: 'contributors' })).totalDocs).toBe(before)
  })
})

function resetToken(email: string): string {
  const message = app.mail.to(email).at(-1)
  const match = /reset\/([A-Za-z0-9]+)/.exec(message?.html ?? message?.text ?? '')
  if (!match) throw new Error('no reset link in the email')
  return match[1]!
}

