/**
 * Issue 16: every email the workflow and the accounts sent was English. Each account has a
 * preferred language (set at sign-up, from the browser by default; changeable on the account
 * page) and every email to that person is in it, whoever triggered it and in whatever language
 * they asked: workflow notifications, assignment, sign-up notice, activation, a sign-up with a
 * taken address, email change, password reset. Read from the real (in-memory) mail transport.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST, settle, waitForMail } from './helpers/workflow'

let app: TestApp
const STRONG = 'velvet-orbit-lantern-92x'

beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

const mailTo = (address: string) => waitForMail(app, (m) => m.to.toLowerCase() === address.toLowerCase())
const stored = async (email: string) =>
  (await app.payload.find({ collection: 'contributors', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })).docs[0] as { id: string | number; preferredLanguage?: string | null }

describe('workflow emails follow each recipient’s language', () => {
  it('a Spanish-preferring leader gets Spanish, with the Spanish title; an English editor English, with the English title', async () => {
    const editorAccount = await createAccount(app, 'editor', { preferredLanguage: 'en' })
    const leaderAccount = await createAccount(app, 'contributor', { preferredLanguage: 'es' })
    const [editor, leader] = [await signIn(app, editorAccount), await signIn(app, leaderAccount)]
    const created = await leader.post('/api/resources?locale=es').send({ title: 'Guía de la campaña', category: 'statement', jurisdictions: [await homeJurisdiction(app)] })
    const id = created.body.doc.id
    expect((await leader.patch(`/api/resources/${id}?locale=en`).send({ title: 'Campaign guide' })).status).toBe(200)
    await settle(app)
    app.mail.clear()

    // Spanish-speaking leader submits: the English editor reads English.
    expect((await leader.post(`/api/resources/${id}/workflow?locale=es`).send({ action: 'submit' })).status).toBe(200)
    const submitted = await mailTo(editorAccount.email)
    expect(submitted.subject).toBe('Submitted for review: Campaign guide')
    expect(submitted.text).toContain('Status: draft → in review.')

    // The English editor (asking in English) requests changes: the leader reads Spanish.
    app.mail.clear()
    expect((await editor.post(`/api/resources/${id}/workflow`).set('Accept-Language', 'en').send({ action: 'request_changes', note: 'Add the date, please.' })).status).toBe(200)
    const changes = await mailTo(leaderAccount.email)
    expect(changes.subject).toBe('Cambios solicitados: Guía de la campaña')
    expect(changes.text).toContain('Estado: en revisión → cambios solicitados.')
    expect(changes.text).toContain('Nota:')
    expect(changes.text).toContain('Ábralo en el panel de administración')

    expect((await leader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    await settle(app)
    app.mail.clear()
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)
    const published = await mailTo(leaderAccount.email)
    expect(published.subject).toBe('Publicado: Guía de la campaña')
    expect(published.text).toContain('publicó «Guía de la campaña».')
  })

  it('an English-preferring leader gets English (with the Spanish title when that is the only one)', async () => {
    const editor = await signIn(app, await createAccount(app, 'editor', { preferredLanguage: 'es' }))
    const leaderAccount = await createAccount(app, 'contributor', { preferredLanguage: 'en' })
    const leader = await signIn(app, leaderAccount)
    const id = (await leader.post('/api/resources?locale=es').send({ title: 'Solo en español', category: 'statement', jurisdictions: [await homeJurisdiction(app)] })).body.doc.id
    expect((await leader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    await settle(app)
    app.mail.clear()
    expect((await editor.post(`/api/resources/${id}/workflow?locale=es`).set('Accept-Language', 'es').send({ action: 'request_changes', note: 'Falta la fecha.' })).status).toBe(200)
    const mail = await mailTo(leaderAccount.email)
    expect(mail.subject).toBe('Changes requested: Solo en español')
    expect(mail.text).toContain('Status: in review → changes requested.')
  })

  it('an assignment email is in the assignee’s language', async () => {
    const editor = await signIn(app, await createAccount(app, 'editor', { preferredLanguage: 'en' }))
    const assignee = await createAccount(app, 'editor', { preferredLanguage: 'es' })
    const leader = await signIn(app, await createAccount(app, 'contributor'))
    const id = (await leader.post('/api/resources').send({ title: 'Court rule', category: 'statement', jurisdictions: [await homeJurisdiction(app)] })).body.doc.id
    await settle(app)
    app.mail.clear()
    expect((await editor.patch(`/api/resources/${id}`).send({ assignee: assignee.id })).status).toBe(200)
    const mail = await mailTo(assignee.email)
    expect(mail.subject).toBe('Asignado a usted: Court rule')
    expect(mail.text).toContain('le asignó')
  })
})

describe('account emails follow the account’s language', () => {
  it('sign-up stores the language sent, else the request’s (Accept-Language), else English; a bad one is a 400 naming it', async () => {
    const signUp = (email: string, extra: object = {}, language?: string) => {
      const req = request(app.url).post('/api/contributors')
      if (language) req.set('Accept-Language', language)
      return req.send({ name: 'Ana Pérez', email, password: STRONG, ...extra })
    }
    expect((await signUp('sent.es@example.org', { preferredLanguage: 'es' }, 'en-US')).status).toBe(201)
    expect((await signUp('browser.es@example.org', {}, 'es-MX,es;q=0.9')).status).toBe(201)
    expect((await signUp('nothing@example.org')).status).toBe(201)
    expect((await stored('sent.es@example.org')).preferredLanguage).toBe('es')
    expect((await stored('browser.es@example.org')).preferredLanguage).toBe('es')
    expect((await stored('nothing@example.org')).preferredLanguage).toBe('en')
    const bad = await signUp('bad.language@example.org', { preferredLanguage: 'fr' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('preferredLanguage')
    expect(await stored('bad.language@example.org')).toBeUndefined()
  })

  it('the editors’ sign-up notice is in each editor’s language; activation in the new account’s', async () => {
    const es = await createAccount(app, 'editor', { preferredLanguage: 'es' })
    await createAccount(app, 'editor', { preferredLanguage: 'en' })
    await settle(app)
    app.mail.clear()
    expect((await request(app.url).post('/api/contributors').send({ name: 'Luis Gómez', email: 'luis@example.org', password: STRONG, preferredLanguage: 'es' })).status).toBe(201)
    const notice = await mailTo(es.email)
    expect(notice.subject).toBe('Nueva cuenta de colaborador para revisar')
    await settle(app)
    expect(app.mail.messages.map((m) => m.subject)).toContain('New contributor sign-up to review')

    app.mail.clear()
    const editor = await signIn(app, es)
    expect((await editor.patch(`/api/contributors/${(await stored('luis@example.org')).id}`).send({ status: 'active', jurisdictions: [await homeJurisdiction(app)] })).status).toBe(200)
    const activated = await mailTo('luis@example.org')
    expect(activated.subject).toBe('Su cuenta de colaborador/a está activa')
    expect(activated.text).toContain('Hola, Luis Gómez:')
  })

  it('a sign-up with a taken address tells its owner in the owner’s language', async () => {
    const owner = await createAccount(app, 'contributor', { preferredLanguage: 'es' })
    await settle(app)
    app.mail.clear()
    expect((await request(app.url).post('/api/contributors').set('Accept-Language', 'en').send({ name: 'Someone', email: owner.email, password: STRONG })).status).toBe(201)
    expect((await mailTo(owner.email)).subject).toBe('Alguien intentó registrarse con su dirección')
  })

  it('the password reset email is in the account’s language, whoever asks', async () => {
    const es = await createAccount(app, 'contributor', { preferredLanguage: 'es' })
    const en = await createAccount(app, 'contributor', { preferredLanguage: 'en' })
    app.mail.clear()
    expect((await request(app.url).post('/api/contributors/forgot-password').set('Accept-Language', 'en').send({ email: es.email })).status).toBe(200)
    expect((await request(app.url).post('/api/contributors/forgot-password').set('Accept-Language', 'es').send({ email: en.email })).status).toBe(200)
    const spanish = await mailTo(es.email)
    expect(spanish.subject).toBe('Restablezca su contraseña')
    expect(spanish.html).toMatch(/\/admin\/reset\/[0-9a-f]+/)
    expect(spanish.html).toContain('Para elegir una contraseña nueva')
    expect((await mailTo(en.email)).subject).toBe('Reset your password')
  })

  it('changed on the account page: the email change emails follow the new choice', async () => {
    const me = await createAccount(app, 'contributor', { preferredLanguage: 'en' })
    const agent = await signIn(app, me)
    expect((await agent.patch(`/api/contributors/${me.id}`).send({ preferredLanguage: 'es' })).status).toBe(200)
    expect((await agent.patch(`/api/contributors/${me.id}`).send({ preferredLanguage: 'xx' })).status).toBe(400)
    expect((await stored(me.email)).preferredLanguage).toBe('es')
    await settle(app)
    app.mail.clear()
    expect((await agent.patch(`/api/contributors/${me.id}`).send({ email: 'nueva.direccion@example.org' })).status).toBe(200)
    expect((await mailTo('nueva.direccion@example.org')).subject).toBe('Confirme su nueva dirección de correo')
    expect((await mailTo(me.email)).subject).toBe('La dirección de correo de su cuenta está por cambiar')
  })
})
