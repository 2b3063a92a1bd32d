/**
 * What publishing makes public is what the reviewer is shown: GET /api/resources/:id/publication-preview
 * lists every field the public can read, in every locale, beside the last published version, including
 * fields the edit form hides (socialPosts on a non-social-media item: shown as what publishing stores, empty) and the other locale's title and
 * summary. Checked against what the public API really returns once the resource is published.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import crypto from 'node:crypto'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

type Row = { field: string; label: string; locale: string | null; published: unknown; proposed: unknown; publishedText: string; proposedText: string; changed: boolean }
type Preview = { live: boolean; publishedVersion: { id: unknown } | null; locales: { code: string }[]; rows: Row[] }

let app: TestApp
let owner: Awaited<ReturnType<typeof createAccount>>
let asOwner: Awaited<ReturnType<typeof signIn>>
let asEditor: Awaited<ReturnType<typeof signIn>>
let asOther: Awaited<ReturnType<typeof signIn>>
let asPending: Awaited<ReturnType<typeof signIn>>
let id: string | number
const POST = 'Hidden post: the editor never saw this text in the form.'
const ES = { title: 'Memorando de ICE sobre los juzgados', summary: 'Resumen en español que el formulario en inglés no muestra.' }

const emptyAsNull = (v: unknown) => (v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? null : v)
const row = (preview: Preview, field: string, locale: string | null) => preview.rows.find((r) => r.field === field && r.locale === locale)

/**
 * socialPosts only shows in the form of a social-media item; saves of other categories may clear
 * it, so the fixture writes it straight into the stored working copy (as older data would be),
 * through the database adapter, below every hook.
 */
async function storeHiddenSocialPost(resource: string | number) {
  const { docs } = await app.payload.findVersions({
    collection: 'resources',
    where: { parent: { equals: resource } },
    sort: '-updatedAt',
    limit: 1,
    locale: 'all',
    depth: 0,
    overrideAccess: true,
  })
  const latest = docs[0]!
  await app.payload.db.updateVersion({
    collection: 'resources',
    id: latest.id,
    versionData: { ...latest, version: { ...(latest.version as object), socialPosts: [{ id: crypto.randomBytes(12).toString('hex'), platform: 'x', text: { en: POST } }] } } as never,
  } as never)
}

beforeAll(async () => {
  app = await startTestApp()
  owner = await createAccount(app, 'contributor', { name: 'Olga Owner' })
  asOwner = await signIn(app, owner)
  asEditor = await signIn(app, await createAccount(app, 'editor'))
  asOther = await signIn(app, await createAccount(app, 'contributor'))
  asPending = await signIn(app, await createAccount(app, 'contributor', { status: 'pending' }))

  const ny = await app.payload.create({ collection: 'jurisdictions', data: { code: 'US-NY', name: 'New York', type: 'state' } as never, overrideAccess: true })
  // The owner leads in New York: a leader's resources name jurisdictions within theirs.
  await app.payload.update({ collection: 'contributors', id: owner.id, data: { jurisdictions: [ny.id] } as never, overrideAccess: true })
  const created = await asOwner.post('/api/resources').send({ title: 'ICE courthouse memo', summary: 'English summary.', category: 'policy', jurisdictions: [ny.id] })
  expect(created.status).toBe(201)
  id = created.body.doc.id
  // The other locale: written with ?locale=es, never shown in an English form.
  expect((await asOwner.patch(`/api/resources/${id}?locale=es`).send(ES)).status).toBe(200)
  expect((await asOwner.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
  // After the last save, as older data could hold it: publishing (a save) will store it empty.
  await storeHiddenSocialPost(id)
}, 120_000)

afterAll(async () => {
  await app?.stop()
})

describe('publication preview', () => {
  it('shows fields hidden in the form and the other locale, as nothing published yet', async () => {
    const res = await asEditor.get(`/api/resources/${id}/publication-preview`)
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('private, no-store')
    const preview = res.body as Preview
    expect(preview).toMatchObject({ live: false, publishedVersion: null })
    expect(preview.locales.map((l) => l.code)).toEqual(['en', 'es'])

    // A field its category hides is stored empty by the publish (fields/shownWhen.ts): the stored
    // hidden post will not become public, and the preview says so.
    expect(row(preview, 'socialPosts', 'en')).toMatchObject({ proposed: [], published: null, changed: false })
    expect(JSON.stringify(preview)).not.toContain(POST)
    // The other locale's title and summary.
    expect(row(preview, 'title', 'es')).toMatchObject({ proposedText: ES.title, changed: true })
    expect(row(preview, 'summary', 'es')).toMatchObject({ proposedText: ES.summary, changed: true })
    expect(row(preview, 'title', 'en')).toMatchObject({ proposedText: 'ICE courthouse memo' })
    // A field that is the same in every locale has one row.
    expect(row(preview, 'category', null)).toMatchObject({ proposed: 'policy', proposedText: 'Policy' })
    // Related documents by their titles.
    expect(row(preview, 'jurisdictions', null)).toMatchObject({ proposedText: 'New York', changed: true })
    // What the public cannot read is not in it (field access), and the owner reads the same preview.
    for (const hidden of ['owner', 'assignee', 'reviewStatus', 'publishAt']) expect(preview.rows.some((r) => r.field === hidden)).toBe(false)
    const asTheOwner = await asOwner.get(`/api/resources/${id}/publication-preview`)
    expect(asTheOwner.status).toBe(200)
    expect(asTheOwner.body.rows).toEqual(preview.rows)
  })

  it('lists exactly what the public API returns once published, field by field and locale by locale', async () => {
    const before = (await asEditor.get(`/api/resources/${id}/publication-preview`)).body as Preview
    expect((await asEditor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)

    // Payload's bookkeeping, the workflow's own fields (the legal sign-off is decided by the publish
    // itself, and its status by the clock) and values computed from other documents.
    const notContent = new Set(['id', 'createdAt', 'updatedAt', '_status', 'publishedAt', 'verification', 'superseded', 'supersededBy'])
    const compared: string[] = []
    for (const locale of ['en', 'es']) {
      const res = await request(app.url).get(`/api/resources/${id}?locale=${locale}&fallback-locale=none&depth=0`)
      expect(res.status).toBe(200)
      const publicDoc = res.body as Record<string, unknown>
      for (const [field, value] of Object.entries(publicDoc)) {
        if (notContent.has(field)) continue
        const entry = row(before, field, locale) ?? row(before, field, null)
        expect({ field, locale, inPreview: Boolean(entry) }).toEqual({ field, locale, inPreview: true })
        expect({ field, locale, value: emptyAsNull(entry!.proposed) }).toEqual({ field, locale, value: emptyAsNull(value) })
        compared.push(`${field}/${locale}`)
      }
      // And nothing in the preview that the public does not get.
      for (const entry of before.rows.filter((r) => r.locale === locale || r.locale === null)) {
        expect({ field: entry.field, public: entry.field in publicDoc }).toEqual({ field: entry.field, public: true })
      }
    }
    expect(compared).toEqual(expect.arrayContaining(['socialPosts/en', 'title/es', 'summary/es', 'slug/en', 'documents/es']))
  })

  it('diffs a revision against the last published version, per locale', async () => {
    expect((await asEditor.patch(`/api/resources/${id}?locale=es`).send({ title: 'Memorando revisado' })).status).toBe(200)
    const preview = (await asEditor.get(`/api/resources/${id}/publication-preview`)).body as Preview
    expect(preview.live).toBe(true)
    expect(preview.publishedVersion).not.toBeNull()
    expect(row(preview, 'title', 'es')).toMatchObject({ publishedText: ES.title, proposedText: 'Memorando revisado', changed: true })
    expect(row(preview, 'title', 'en')).toMatchObject({ publishedText: 'ICE courthouse memo', proposedText: 'ICE courthouse memo', changed: false })
    expect(row(preview, 'socialPosts', 'en')).toMatchObject({ changed: false, publishedText: '' })
    expect(preview.rows.filter((r) => r.changed).map((r) => `${r.field}/${r.locale}`)).toEqual(['title/es'])
    // The public still reads the published title.
    expect((await request(app.url).get(`/api/resources/${id}?locale=es`)).body.title).toBe(ES.title)
  })

  it('once taken down (archived), diffs against the last published version', async () => {
    expect((await asEditor.post(`/api/resources/${id}/workflow`).send({ action: 'archive' })).status).toBe(200)
    expect((await request(app.url).get(`/api/resources/${id}`)).status).toBe(404)
    const preview = (await asEditor.get(`/api/resources/${id}/publication-preview`)).body as Preview
    expect(preview).toMatchObject({ live: false, publishedVersion: expect.anything() })
    expect(row(preview, 'title', 'es')).toMatchObject({ publishedText: ES.title, proposedText: 'Memorando revisado', changed: true })
  })

  it('is for editors and the owner only, through every way of calling it', async () => {
    const url = `/api/resources/${id}/publication-preview`
    expect((await request(app.url).get(url)).status).toBe(401)
    expect((await asPending.get(url)).status).toBe(403)
    const other = await asOther.get(url)
    expect(other.status).toBe(404)
    expect(JSON.stringify(other.body)).not.toContain('Memorando')
    // The method override reaches the same handler and the same rule.
    const overridden = await request(app.url).post(url).set('X-Payload-HTTP-Method-Override', 'GET').send({})
    expect(overridden.status).toBe(401)
    expect(JSON.stringify(overridden.body)).not.toContain('Memorando')
    const otherOverride = await asOther.post(url).set('X-Payload-HTTP-Method-Override', 'GET').send({})
    expect(otherOverride.status).toBe(404)
    expect(JSON.stringify(otherOverride.body)).not.toContain('Memorando')
    for (const missing of ['999999', 'not-an-id', '%00']) {
      const res = await asEditor.get(`/api/resources/${missing}/publication-preview`)
      expect(res.status).toBe(404)
    }
  })
})
