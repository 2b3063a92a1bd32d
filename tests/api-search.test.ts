import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { seed } from '../seed/seed'
import { paragraphs } from '../seed/lexical'
import { backgroundIdle } from '../src/jobs/background'
import { searchBackend } from '../src/search/backends'
import { mongoWordsBackend } from '../src/search/mongoWords'
import { siftModel } from './helpers/mongoFake'
import { parseSearchParams, searchResources } from '../src/search/search'
import { pdfBytes } from './helpers/content'
import { resourcesInEveryState } from './helpers/reviewStates'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let ny: string | number

beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload)
  editor = await signIn(app, await createAccount(app, 'editor'))
  ny = (await app.payload.find({ collection: 'jurisdictions', where: { code: { equals: 'US-NY' } }, depth: 0 })).docs[0]!.id
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const search = (query: string) => request(app.url).get(`/api/search?${query}`)
const slugsOf = (res: { body: { docs: { slug: string }[] } }) => res.body.docs.map((d) => d.slug)

describe('GET /api/search on the seeded library', () => {
  it('finds resources where every word occurs, title matches first', async () => {
    const res = await search('q=judicial+warrant')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    // Both words in the title: the NY and Oregon court rules, then the rest.
    expect(slugsOf(res).slice(0, 2).sort()).toEqual(['ny-oca-rule-judicial-warrant-courthouse-arrests', 'or-supreme-court-rule-judicial-warrant'])
    for (const doc of res.body.docs) expect(JSON.stringify(doc).toLowerCase()).toMatch(/judicial/)
    expect(res.body.totalDocs).toBe(res.body.docs.length)
  })

  it('matches word prefixes, ignoring case and accents, and requires all words', async () => {
    // Both titles hold all three words (bm25 puts the shorter title first).
    expect(slugsOf(await search('q=PROTECT+our+COURT')).slice(0, 2).sort()).toEqual(['ny-protect-our-courts-act', 'united-states-v-new-york-protect-our-courts-act'])
    expect(slugsOf(await search('q=protect+courts+oregon'))).toEqual([])
  })

  it('searches the Spanish text with ?locale=es, falling back to English', async () => {
    const es = await search('q=tribunales&locale=es')
    expect(slugsOf(es)).toContain('ice-directive-11072-1-courthouse-enforcement')
    expect(es.body.docs.find((d: { slug: string }) => d.slug === 'ice-directive-11072-1-courthouse-enforcement').title).toMatch(/^Directiva 11072\.1/)
    // No Spanish translation: the English text is searched and shown.
    expect(slugsOf(await search('q=Lunn+Commonwealth&locale=es'))).toEqual(['lunn-v-commonwealth-477-mass-517'])
    expect(slugsOf(await search('q=tribunales'))).toEqual([])
  })

  it('filters by category and by jurisdiction (with the places under it)', async () => {
    const legislation = await search('q=courthouse&category=legislation')
    expect(slugsOf(legislation).sort()).toEqual(
      [
        'ca-ab-668-courthouse-privilege-from-civil-arrest', 'ca-sb-349-courthouse-civil-arrest-privilege', 'co-sb-20-083-protection-from-civil-arrest',
        'ct-trust-act-public-act-19-20', 'md-values-act-hb-1222', 'vt-s-140-civil-arrest-at-courthouses', 'wa-keep-washington-working-act',
        'wa-rcw-2-28-300-courthouse-civil-arrest',
      ].sort(),
    )
    const nyId = ny
    const nyHits = await search('q=courthouse&jurisdiction=US-NY')
    expect(slugsOf(nyHits).sort()).toEqual(
      ['demo-courthouse-arrest-incident-form', 'demo-model-statement-prosecutor', 'demo-social-media-kit', 'ny-coalition-letter-to-chief-judge-2017', 'ny-oca-rule-judicial-warrant-courthouse-arrests'].sort(),
    )
    for (const doc of nyHits.body.docs) expect(doc.jurisdictions).toContain('US-NY')
    // A county under New York counts as New York.
    const kings = await app.payload.create({ collection: 'jurisdictions', data: { code: 'US-NY-KINGS', name: 'Kings County', type: 'county', parent: nyId } as never, overrideAccess: true })
    await app.payload.create({
      collection: 'resources',
      data: { slug: 'kings-courthouse-policy', title: 'Kings County courthouse policy', category: 'policy', jurisdictions: [kings.id], _status: 'published' } as never,
      overrideAccess: true,
    })
    expect(slugsOf(await search('q=courthouse&jurisdiction=US-NY&limit=50'))).toContain('kings-courthouse-policy')
    expect(slugsOf(await search('q=courthouse&jurisdiction=US-NY-KINGS'))).toEqual(['kings-courthouse-policy'])
    expect(slugsOf(await search('q=courthouse&jurisdiction=US-NJ&limit=50'))).not.toContain('kings-courthouse-policy')
    // A jurisdiction's new code reaches the index.
    await app.payload.update({ collection: 'jurisdictions', id: kings.id, data: { code: 'US-NY-BROOKLYN' } as never, overrideAccess: true })
    await backgroundIdle() // the re-indexing job runs after the rename's commit
    expect(slugsOf(await search('q=courthouse&jurisdiction=US-NY-BROOKLYN'))).toEqual(['kings-courthouse-policy'])
    expect(slugsOf(await search('q=courthouse&jurisdiction=US-NY-KINGS'))).toEqual([])
  })

  it('pages the results', async () => {
    const all = await search('q=courthouse&limit=50')
    const first = await search('q=courthouse&limit=3&page=1')
    const second = await search('q=courthouse&limit=3&page=2')
    expect(first.body).toMatchObject({ page: 1, limit: 3, totalDocs: all.body.totalDocs, hasNextPage: true, hasPrevPage: false })
    expect([...slugsOf(first), ...slugsOf(second)]).toEqual(slugsOf(all).slice(0, 6))
  })

  it('highlights the matching words in an HTML-safe excerpt', async () => {
    const res = await search('q=warrant')
    const excerpt: string = res.body.docs[0].excerpt
    expect(excerpt).toMatch(/<mark>warrant<\/mark>/i)
    expect(excerpt.length).toBeLessThan(260)
    expect(excerpt.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  it('refuses an empty, over-long or wordless query and bad parameters with 400', async () => {
    for (const query of ['', 'q=', 'q=%20%20', `q=${'a'.repeat(201)}`, 'q=%3F%21', 'q=x&locale=fr', 'q=x&category=nope', 'q=x&jurisdiction=ny', 'q=x&page=0', 'q=x&page=abc', 'q=x&limit=51']) {
      const res = await search(query)
      expect([query, res.status]).toEqual([query, 400])
      expect(res.body.errors[0].message).toMatch(/\b(q|locale|category|jurisdiction|page|limit)\b/)
    }
  })
})

/** A published New York resource (category media unless `fields` say otherwise). */
const publish = (slug: string, fields: Record<string, unknown>) =>
  app.payload.create({
    collection: 'resources',
    data: { slug, title: `Ranking ${slug}`, category: 'media', jurisdictions: [ny], _status: 'published', reviewStatus: 'published', ...fields } as never,
    overrideAccess: true,
  })

describe('ranking on a fixed corpus', () => {
  const word = 'zephyrine'
  beforeAll(async () => {
    const doc = await app.payload.create({
      collection: 'documents',
      data: { title: `The ${word} report` } as never,
      file: { data: pdfBytes(), mimetype: 'application/pdf', name: 'report.pdf', size: pdfBytes().length },
      overrideAccess: true,
    })
    await publish('rank-body', { body: paragraphs([`Somewhere deep in the text: ${word}.`, `And ${word} again, and ${word} a third time.`]) })
    await publish('rank-documents', { documents: [doc.id] })
    await publish('rank-summary', { summary: `About ${word} in brief.` })
    await publish('rank-title', { title: `On ${word}` })
    await app.payload.create({ collection: 'resources', data: { slug: 'rank-draft', title: `Draft ${word}`, category: 'media', _status: 'draft' } as never, overrideAccess: true, draft: true })
  })

  it('orders title over summary over document titles over body, and leaves drafts out', async () => {
    const res = await search(`q=${word}`)
    expect(slugsOf(res)).toEqual(['rank-title', 'rank-summary', 'rank-documents', 'rank-body'])
  })

  it('gives the same order through the MongoDB backend (its filter run by sift on these entries) as through FTS5', async () => {
    const params = parseSearchParams(new URLSearchParams(`q=${word}`), ['en', 'es'])
    if ('error' in params) throw new Error(params.error)
    const viaIndex = await searchResources(app.payload, params)
    const { docs: entries } = await app.payload.find({ collection: 'search-entries', pagination: false, sort: 'id', depth: 0, overrideAccess: true })
    const model = siftModel(entries.map((e, i) => ({ ...e, _id: String(i).padStart(8, '0') })))
    const viaQuery = await mongoWordsBackend(app.payload, model as never).search(params.terms, params, { offset: 0, limit: 10 })
    expect(searchBackend(app.payload).name).toBe(app.payload.db.name === 'sqlite' ? 'sqlite-fts5' : 'mongodb-words')
    expect(viaQuery.entries.map((e) => e.slug)).toEqual(viaIndex.docs.map((d) => d.slug))
    expect(viaQuery.totalDocs).toBe(viaIndex.totalDocs)
  })

  it('finds a word prefix of a word published after the prefix was searched (the expansion cache follows the index)', async () => {
    expect((await search('q=vexillo')).body.totalDocs).toBe(0)
    await publish('rank-vexillology', { title: 'Vexillology of the courts' })
    expect(slugsOf(await search('q=vexillo'))).toEqual(['rank-vexillology'])
    expect(slugsOf(await search('q=VEXILLOLOGY+court'))).toEqual(['rank-vexillology'])
    // The category filter is the whole value: "media" is not "social-media".
    await publish('rank-vexillology-posts', { title: 'Vexillology posts', category: 'social-media' })
    expect(slugsOf(await search('q=vexillo&category=media'))).toEqual(['rank-vexillology'])
    expect(slugsOf(await search('q=vexillo&category=social-media'))).toEqual(['rank-vexillology-posts'])
  })

  it('follows a renamed attached document', async () => {
    const { docs } = await app.payload.find({ collection: 'documents', where: { title: { equals: `The ${word} report` } }, depth: 0 })
    await app.payload.update({ collection: 'documents', id: docs[0]!.id, data: { title: 'The quillwort report' } as never, overrideAccess: true })
    expect(slugsOf(await search('q=quillwort'))).toEqual(['rank-documents'])
    expect(slugsOf(await search(`q=${word}`))).not.toContain('rank-documents')
  })
})

describe('review states', () => {
  it('shows only published resources, and the published text of one whose revision is in review', async () => {
    const { ids } = await resourcesInEveryState(editor, { word: 'quorble', revisionWord: 'snargle', jurisdiction: ny })
    const res = await search('q=quorble&limit=50')
    expect(slugsOf(res).sort()).toEqual(['quorble-published-item', 'quorble-revised-item'])
    expect(res.body.docs.map((d: { id: unknown }) => d.id).sort()).toEqual([ids.published, ids.revisedInReview].sort())
    expect((await search('q=snargle')).body.totalDocs).toBe(0)
    // Signed in as the editor: still only what the public sees.
    expect(slugsOf(await editor.get('/api/search?q=quorble&limit=50')).sort()).toEqual(['quorble-published-item', 'quorble-revised-item'])
    // Publishing the revision brings its text to search.
    await editor.post(`/api/resources/${ids.revisedInReview}/workflow`).send({ action: 'publish', checklist: { personalDataCleared: true, sourcesChecked: true } })
    expect(slugsOf(await search('q=snargle'))).toEqual(['quorble-revised-item'])
    // Unpublishing takes it out.
    await editor.post(`/api/resources/${ids.published}/workflow`).send({ action: 'unpublish' })
    expect(slugsOf(await search('q=quorble&limit=50'))).toEqual(['quorble-revised-item'])
  })
})
