/**
 * The read model (src/readModel) answers exactly what Payload answers: for every query shape it
 * serves, its answer equals Payload's own answer to the same anonymous request (JSON key order
 * aside), on a corpus with both locales, every category, supersession chains, a county, files,
 * drafts, items in review, archived and unpublished ones — and again after each kind of change.
 * Drafts never appear in it, and a read right after a change is never a stale one.
 */
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals'
import request from 'supertest'
import { normalised } from './helpers/normalisedJson'
import { CATEGORIES, SECTIONS } from '../collections/Resources/options'
import { readModel } from '../src/readModel'
import { loadSettings } from '../src/settings'
import { pdfBytes } from './helpers/content'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { createWebinar } from './helpers/webinars'
import { resourcesInEveryState } from './helpers/reviewStates'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { publishThroughWorkflow } from './helpers/workflow'
import { writeTitleElsewhere } from './helpers/readModelElsewhere'

jest.setTimeout(600_000)

type Id = string | number
let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let places: Record<'US' | 'US-NY' | 'US-NY-KINGS' | 'US-CA', Id>
const published: Id[] = []
const hidden: Id[] = []
let everyState: Awaited<ReturnType<typeof resourcesInEveryState>>['ids']
let files: Id[] = []
let provisionId: Id
let topicId: Id
let chain: { a: Id; b: Id; c: Id }
const DRAFT_WORD = 'Hushdraftmark'
const REVISION_WORD = 'Hushrevisionmark'

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const richText = (...children: object[]) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [text('See:')] }, ...children] },
})
const relationship = (relationTo: string, value: Id) => ({ type: 'relationship', relationTo, value, format: '', version: 2 })
const upload = (relationTo: string, value: Id) => ({ type: 'upload', relationTo, value, fields: null, format: '', version: 3 })
const internalLink = (relationTo: string, value: Id) => ({
  type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0,
  children: [{ type: 'link', format: '', indent: 0, version: 3, direction: 'ltr', fields: { linkType: 'internal', newTab: false, doc: { relationTo, value } }, children: [text('here')] }],
})
/** In the title of the item whose text names a webinar: its depth-1 rendering (with seats left) is Payload's to answer. */
const WEBINAR_REF = 'Rmwebinarref'


/** Payload's own answer: the read model switched off, the public cache emptied. */
async function payloadAnswer(url: string) {
  readModel.serving = false
  app.publicCache.clear()
  try {
    const res = await request(app.url).get(url)
    return { status: res.status, text: res.text }
  } finally {
    readModel.serving = true
  }
}

/** Every query shape the model serves, on the current corpus. */
function shapes(): string[] {
  const urls: string[] = []
  const slugs = ['rm-legislation-0', 'rm-media-8', 'rm-chain-b', 'rm-missing-slug']
  for (const [depth, locale] of ['0', '1'].flatMap((d) => ['', '&locale=en', '&locale=es', '&locale=all'].map((l) => [d, l] as const))) {
    const base = `/api/resources?depth=${depth}${locale}`
    urls.push(base, `${base}&limit=100`)
    for (const sort of ['updatedAt', '-updatedAt', 'publishedAt', '-publishedAt', 'title', '-title']) {
      if (sort.endsWith('title') && locale === '&locale=all') continue
      urls.push(`${base}&sort=${sort}&limit=4`, `${base}&sort=${sort}&limit=4&page=2`, `${base}&sort=${sort}&limit=100`)
    }
    for (const category of CATEGORIES.slice(0, locale ? 3 : 10)) urls.push(`${base}&where[category][equals]=${category.value}`)
    for (const section of SECTIONS.slice(0, 3)) urls.push(`${base}&where[section][equals]=${section.value}&sort=-publishedAt`)
    for (const code of [...Object.keys(places), 'US-NY-BROOKLYN']) urls.push(`${base}&where[jurisdictions.code][equals]=${code}&limit=3&page=1`)
    for (const id of Object.values(places)) urls.push(`${base}&where[jurisdictions][equals]=${id}&sort=${locale === '&locale=all' ? '-publishedAt' : 'title'}`)
    for (const language of ['en', 'es', 'fr']) urls.push(`${base}&where[language][equals]=${language}`)
    urls.push(`${base}&where[updatedAt][greater_than]=${encodeURIComponent(midpoint)}&sort=updatedAt&limit=100`)
    for (const slug of slugs) urls.push(`${base}&where[slug][equals]=${slug}`)
    urls.push(`${base}&where[category][equals]=legislation&where[jurisdictions.code][equals]=US-NY&sort=-publishedAt&limit=2&page=2`)
    for (const id of [...published, ...hidden]) urls.push(`/api/resources/${id}?depth=${depth}${locale}`)
  }
  return urls
}

let midpoint = ''
/** Titles of what is not public now: drafts, items in review, archived and unpublished ones, a revision. */
const neverPublic = [`${DRAFT_WORD} successor`, REVISION_WORD, ...['draft', 'in_review', 'changes_requested', 'archived', 'unpublished'].map((state) => `${DRAFT_WORD} ${state} item`)]
const served = { count: 0 }

/** Compares the model with Payload on every shape; the model must serve every one it can (a page with documents, a published id). */
async function expectEquivalent(): Promise<void> {
  await readModel.settle()
  const problems: string[] = []
  for (const url of shapes()) {
    const model = await readModel.answer(url)
    const truth = await payloadAnswer(url)
    const volatile = url.includes('depth=1') && truth.text.includes(WEBINAR_REF)
    const servable = truth.status === 200 && !volatile && (url.includes('/api/resources/') || (JSON.parse(truth.text) as { docs: unknown[] }).docs.length > 0)
    if (servable && model === undefined) problems.push(`not served: ${url}`)
    if (model !== undefined && normalised(model) !== normalised(truth.text)) problems.push(`differs: ${url}\n model:   ${model.slice(0, 600)}\n payload: ${truth.text.slice(0, 600)}`)
    const leaked = neverPublic.find((title) => model?.includes(title))
    if (leaked) problems.push(`"${leaked}" in: ${url}`)
    if (model !== undefined) served.count++
  }
  expect(problems).toEqual([])
}

/** Right after a change has answered (the model possibly still rendering), what anonymous clients get equals Payload's answer. */
async function expectFreshRightAway(urls: string[]): Promise<void> {
  for (const url of urls) {
    app.publicCache.clear()
    const got = await request(app.url).get(url)
    const truth = await payloadAnswer(url)
    expect({ url, status: got.status, body: normalised(got.text) }).toEqual({ url, status: truth.status, body: normalised(truth.text) })
  }
}

const act = async (id: Id, action: string, extra: object = {}) => {
  const res = await editor.post(`/api/resources/${id}/workflow`).send({ action, ...extra })
  if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`)
}

async function uploadFile(title: string): Promise<Id> {
  const res = await editor.post('/api/documents').field('_payload', JSON.stringify({ title })).attach('file', pdfBytes(), { filename: `${title}.pdf`, contentType: 'application/pdf' })
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text}`)
  return res.body.doc.id as Id
}

beforeAll(async () => {
  app = await startTestApp({ READ_MODEL: 'on' })
  const account = await createAccount(app, 'editor')
  editor = await signIn(app, account)
  places = await createJurisdictions(app)
  const provision = await app.payload.create({ collection: 'provisions', data: { key: 'rm-warrant', name: 'A judicial warrant', order: 900 } as never, overrideAccess: true })
  provisionId = provision.id
  topicId = (await app.payload.create({ collection: 'topics', data: { name: 'rm warrants' } as never, overrideAccess: true })).id
  files = [await uploadFile('rm-file-a'), await uploadFile('rm-file-b')]
  const codes = Object.values(places)
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString()
  // Every category; Spanish text on some; shared publishedAt dates (Payload's tie-break: newest createdAt first).
  for (let i = 0; i < 20; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]!.value
    const id = await createPublished(app, {
      title: `${i % 3 === 0 ? 'a' : 'Z'}rm ${category} ${i}`,
      slug: `rm-${category}-${i}`,
      summary: `Summary ${i}`,
      category,
      section: SECTIONS[i % SECTIONS.length]!.value,
      jurisdictions: [codes[i % codes.length], ...(i % 4 === 0 ? [places['US-NY-KINGS']] : [])],
      language: i % 2 ? ['en', 'es'] : ['en'],
      publishedAt: day(i % 7),
      documents: i % 5 === 0 ? [files[0]] : [],
      provisions: i % 6 === 1 ? [{ provision: provisionId, extent: 'full', section: `§${i}` }] : [],
      topics: i % 4 === 2 ? [topicId] : [],
    })
    if (i % 3 === 1) {
      await app.payload.update({ collection: 'resources', id, locale: 'es', data: { title: `Título ${i}`, summary: `Resumen ${i}` } as never, overrideAccess: true })
    }
    published.push(id)
  }
  // Rich text naming a resource, a jurisdiction, a topic and a file, with an internal link; and one naming a webinar.
  const webinar = await createWebinar(app)
  published.push(
    await createPublished(app, {
      title: 'Rm rich text',
      category: 'training',
      jurisdictions: [places['US-CA']],
      documents: [files[0]],
      // Later: files[1] made public by another item's edit, [3] archived, the county renamed, the topic deleted.
      body: richText(relationship('resources', published[2]!), relationship('jurisdictions', places['US-NY-KINGS']), relationship('topics', topicId), upload('documents', files[1]!), internalLink('resources', published[3]!)),
    }),
    await createPublished(app, { title: `${WEBINAR_REF} item`, category: 'training', jurisdictions: [places['US-CA']], body: richText(relationship('webinars', webinar.id)) }),
  )
  // A supersession chain: C supersedes B supersedes A.
  const a = await createPublished(app, { title: 'Chain A', slug: 'rm-chain-a', category: 'policy', jurisdictions: [places.US], publishedAt: day(1) })
  const b = await createPublished(app, { title: 'Chain B', slug: 'rm-chain-b', category: 'policy', jurisdictions: [places.US], supersedes: [a], publishedAt: day(2) })
  const c = await createPublished(app, { title: 'Chain C', slug: 'rm-chain-c', category: 'policy', jurisdictions: [places.US], supersedes: [b], publishedAt: day(3) })
  published.push(a, b, c)
  chain = { a, b, c }
  // A draft that names a published item in `supersedes`: it must not mark it superseded.
  const draft = await app.payload.create({
    collection: 'resources',
    data: { title: `${DRAFT_WORD} successor`, category: 'policy', supersedes: [a], _status: 'draft' } as never,
    overrideAccess: true,
  })
  hidden.push(draft.id)
  everyState = (await resourcesInEveryState(editor, { word: DRAFT_WORD, revisionWord: REVISION_WORD, jurisdiction: places['US-NY'] })).ids
  published.push(everyState.published, everyState.revisedInReview)
  hidden.push(everyState.draft, everyState.in_review, everyState.changes_requested, everyState.archived, everyState.unpublished)
  const all = await app.payload.find({ collection: 'resources', sort: 'updatedAt', limit: 1, page: 12, depth: 0, overrideAccess: true })
  midpoint = String(all.docs[0]?.updatedAt)
})

afterAll(async () => {
  await app?.stop()
})

test('the corpus: every served shape equals Payload; drafts never appear', async () => {
  await expectEquivalent()
  // The revised item's public version is the published one, not its revision in review.
  expect(await readModel.answer(`/api/resources/${everyState.revisedInReview}?depth=0`)).toContain(DRAFT_WORD)
  expect(served.count).toBeGreaterThan(200)
})

test('served through the request path: an anonymous GET gets the model, a signed-in one and other shapes get Payload', async () => {
  const url = `/api/resources?depth=0&where[category][equals]=policy&sort=-publishedAt`
  const model = await readModel.answer(url)
  expect(model).toBeDefined()
  app.publicCache.clear()
  const anonymous = await request(app.url).get(url)
  expect(anonymous.status).toBe(200)
  expect(anonymous.headers['content-type']).toMatch(/^application\/json/)
  expect(anonymous.text).toBe(model)
  // The same headers as Payload's own answer (CORS for an allowed origin, caching, type), the validator aside.
  const origin = app.url
  const headersOf = (res: request.Response) => Object.fromEntries(Object.entries(res.headers).filter(([name]) => !['date', 'etag', 'content-length', 'x-request-id'].includes(name)))
  app.publicCache.clear()
  const fromModel = await request(app.url).get(url).set('Origin', origin)
  readModel.serving = false
  app.publicCache.clear()
  const fromPayload = await request(app.url).get(url).set('Origin', origin)
  readModel.serving = true
  expect(headersOf(fromModel)).toEqual(headersOf(fromPayload))
  // Not served: another parameter, another depth, an operator it does not know.
  for (const other of [`${url}&draft=true`, '/api/resources?depth=2', '/api/resources', '/api/resources?depth=0&where[category][in]=policy', '/api/resources?depth=0&limit=0']) {
    expect(await readModel.answer(other)).toBeUndefined()
  }
  // A signed-in editor sees drafts through Payload, never the model's public list.
  app.publicCache.clear()
  const signedIn = await editor.get('/api/resources?depth=0&limit=100&draft=true')
  expect(signedIn.text).toContain(DRAFT_WORD)
})

test('publish, unpublish, archive, a published edit: equal right away and once rendered', async () => {
  const list = '/api/resources?depth=0&limit=100'
  const ofState = (id: Id) => [`/api/resources/${id}?depth=0`, `/api/resources/${id}?depth=0&locale=all`, list]
  await publishThroughWorkflow(editor, everyState.draft)
  await expectFreshRightAway(ofState(everyState.draft))
  hidden.splice(hidden.indexOf(everyState.draft), 1)
  neverPublic.splice(neverPublic.indexOf(`${DRAFT_WORD} draft item`), 1)
  published.push(everyState.draft)

  await act(everyState.published, 'unpublish')
  neverPublic.push(`${DRAFT_WORD} published item`)
  await expectFreshRightAway(ofState(everyState.published))
  await act(published[3]!, 'archive')
  await expectFreshRightAway(ofState(published[3]!))
  hidden.push(everyState.published, published[3]!)

  // An edit of a published item (a revision, then published): new text, new updatedAt, another file.
  const edited = published[5]!
  const edit = await editor.patch(`/api/resources/${edited}`).send({ title: 'rm edited title', documents: [files[1]] })
  expect(edit.status).toBe(200)
  await expectFreshRightAway(ofState(edited)) // the revision is a draft: nothing public changed
  await publishThroughWorkflow(editor, edited)
  await expectFreshRightAway(ofState(edited))
  await expectEquivalent()
})

test('a supersession, a jurisdiction renamed, a file replaced, a delete', async () => {
  // A new item superseding A (already superseded by B) and item 7: at depth 1, B shows A populated with its successors.
  const res = await editor.post('/api/resources?draft=true').send({
    title: 'Chain D',
    category: 'policy',
    jurisdictions: [places['US-CA']],
    supersedes: [chain.a, published[7]],
    _status: 'draft',
  })
  expect(res.status).toBe(201)
  const d = res.body.doc.id as Id
  await publishThroughWorkflow(editor, d)
  await expectFreshRightAway([`/api/resources/${published[7]}?depth=1`, `/api/resources/${chain.a}?depth=1`, `/api/resources/${chain.b}?depth=1`, `/api/resources?depth=0&sort=-publishedAt`])
  published.push(d)
  await expectEquivalent()

  // The county renamed and recoded: the code filter follows.
  const rename = await editor.patch(`/api/jurisdictions/${places['US-NY-KINGS']}`).send({ name: 'Brooklyn', code: 'US-NY-BROOKLYN' })
  expect(rename.status).toBe(200)
  await expectFreshRightAway(['/api/resources?depth=0&where[jurisdictions.code][equals]=US-NY-BROOKLYN', '/api/resources?depth=0&where[jurisdictions.code][equals]=US-NY-KINGS'])
  // The file of an item replaced by an editor (its document changed and published).
  const replaced = published[10]!
  expect((await editor.patch(`/api/resources/${replaced}`).send({ documents: [files[1]] })).status).toBe(200)
  await publishThroughWorkflow(editor, replaced)
  // A delete of the middle of the chain (B): C no longer names it; A's successors change.
  const b = chain.b
  const removed = await editor.delete(`/api/resources/${b}`)
  expect(removed.status).toBe(200)
  await expectFreshRightAway([`/api/resources/${chain.c}?depth=1`, `/api/resources/${b}?depth=0`, '/api/resources?depth=0&where[category][equals]=policy'])
  published.splice(published.indexOf(b), 1)
  // A provision deleted: the items that named it no longer do.
  const gone = await editor.delete(`/api/provisions/${provisionId}`)
  expect(gone.status).toBe(200)
  // A topic deleted: the same for the items in it.
  expect((await editor.delete(`/api/topics/${topicId}`)).status).toBe(200)
  await expectFreshRightAway([`/api/resources/${published[1]}?depth=0`, '/api/resources?depth=0&limit=100'])
  await expectEquivalent()
})

test('a write by another process (marked, not rendered here) stops the model until it is rendered', async () => {
  // What another process's write looks like from here: the row changed and a pending mark, in one transaction, no hook run in this process.
  const target = published[0]!
  const url = `/api/resources/${target}?depth=0`
  expect(await readModel.answer(url)).toBeDefined()
  await writeTitleElsewhere(app, target, 'rm written elsewhere')
  expect(await readModel.answer(url)).toBeUndefined()
  expect(await readModel.answer('/api/resources?depth=0')).toBeUndefined()
  await expectFreshRightAway([url, '/api/resources?depth=0&sort=title'])
  expect((await request(app.url).get(url)).body.title).toBe('rm written elsewhere')
  // What this process does with a mark nobody renders (after ORPHAN_AFTER_MS): a rebuild, which settles it.
  await readModel.rebuild()
  await readModel.settle()
  expect(await readModel.answer(url)).toContain('rm written elsewhere')
})

test('npm run read-model:rebuild: built again from Payload, the same answers', async () => {
  await readModel.rebuild()
  await readModel.settle()
  await expectEquivalent()
})

test('READ_MODEL: on unless off; anything else is refused at start, naming the setting', () => {
  const settings = (value?: string) => loadSettings({ NODE_ENV: 'test', DATA_DIR: '/tmp/read-model-settings', PAYLOAD_SECRET: 'x'.repeat(40), ...(value === undefined ? {} : { READ_MODEL: value }) })
  expect(settings().readModel).toBe(true)
  expect(settings('off').readModel).toBe(false)
  expect(settings('on').readModel).toBe(true)
  expect(() => settings('sometimes')).toThrow('READ_MODEL must be on or off; got "sometimes".')
})
