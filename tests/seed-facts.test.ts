/**
 * The map and the seed say what is known: every jurisdiction of the facts file's table
 * "Courthouse protections by jurisdiction" (../shared/reference/toolkit-facts.md, committed as
 * seed/facts/toolkit-facts.md) has a researched protection status, and every row of it has a
 * published resource that carries its identifier and date. Read through the public API.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { jurisdictions as seedJurisdictions } from '../seed/data/jurisdictions'
import { resources as seedResources } from '../seed/data/resources'
import { seed } from '../seed/seed'
import { projectRoot } from '../src/settings/paths'
import { startTestApp, type TestApp } from './helpers/testApp'

const SHARED_FACTS = path.join(projectRoot, '..', 'shared', 'reference', 'toolkit-facts.md')
const COMMITTED_FACTS = path.join(projectRoot, 'seed', 'facts', 'toolkit-facts.md')

type FactRow = { jurisdiction: string; type: string; identifier: string; date: string }

/** The rows of the table under the heading "Courthouse protections by jurisdiction". */
function protectionRows(markdown: string): FactRow[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Courthouse protections by jurisdiction'))
  if (!section) throw new Error('The facts file has no section "Courthouse protections by jurisdiction"')
  return section
    .split('\n')
    .filter((line) => /^\|\s*US/.test(line))
    .map((line) => {
      const [jurisdiction, type, identifier, date] = line.split('|').slice(1).map((cell) => cell.trim())
      return { jurisdiction: jurisdiction!, type: type!, identifier: identifier!, date: date! }
    })
}

/**
 * Which seeded resource stands for each row: `markers` are words of the row's identifier that the
 * resource must carry too. A new row in the facts file has no entry here, and the first test fails.
 */
const ITEMS: { jurisdiction: string; markers: string[]; slug: string }[] = [
  { jurisdiction: 'US-CA', markers: ['AB 668'], slug: 'ca-ab-668-courthouse-privilege-from-civil-arrest' },
  { jurisdiction: 'US-IL', markers: ['Public Act 104-0440', 'HB 1312', '705 ILCS 96/10-15'], slug: 'il-court-access-safety-and-participation-act' },
  { jurisdiction: 'US-IL', markers: ['Cook County'], slug: 'il-cook-county-order-civil-arrests-at-court' },
  { jurisdiction: 'US-OR', markers: ['UTCR 3.190', 'Martha L. Walters'], slug: 'or-supreme-court-rule-judicial-warrant' },
  { jurisdiction: 'US-OR', markers: ['HB 3265', 'Sanctuary Promise Act'], slug: 'or-hb-3265-sanctuary-promise-act' },
  { jurisdiction: 'US-WA', markers: ['SHB 2567', 'RCW 2.28.300–.340'], slug: 'wa-rcw-2-28-300-courthouse-civil-arrest' },
  { jurisdiction: 'US-WA', markers: ['SB 5497', 'RCW 43.10.310'], slug: 'wa-keep-washington-working-act' },
  { jurisdiction: 'US-NJ', markers: ['#07-19', '#11-07', 'Rabner'], slug: 'nj-judiciary-directive-07-19' },
  { jurisdiction: 'US-NJ', markers: ['2018-6', 'Immigrant Trust Directive'], slug: 'nj-ag-immigrant-trust-directive-2018-6' },
  { jurisdiction: 'US-NY', markers: ['Office of Court Administration', 'directive'], slug: 'ny-oca-rule-judicial-warrant-courthouse-arrests' },
  { jurisdiction: 'US-NY', markers: ['Civil Rights Law §28', 'Judiciary Law §4-a'], slug: 'ny-protect-our-courts-act' },
  { jurisdiction: 'US-CO', markers: ['SB 20-083', 'C.R.S. 13-1-401'], slug: 'co-sb-20-083-protection-from-civil-arrest' },
  { jurisdiction: 'US-MA', markers: ['477 Mass. 517', 'SJC-12276'], slug: 'lunn-v-commonwealth-477-mass-517' },
  { jurisdiction: 'US-MA', markers: ['Trial Court'], slug: 'ma-trial-court-policy-dhs-2025' },
  { jurisdiction: 'US-CT', markers: ['Raheem Mullins'], slug: 'ct-chief-justice-courthouse-policy-2025' },
  { jurisdiction: 'US-CT', markers: ['Public Act 19-20', 'Trust Act'], slug: 'ct-trust-act-public-act-19-20' },
  { jurisdiction: 'US-MD', markers: ['HB 1222', 'Maryland Values Act', '§6-111'], slug: 'md-values-act-hb-1222' },
  { jurisdiction: 'US-VT', markers: ['S.140'], slug: 'vt-s-140-civil-arrest-at-courthouses' },
  { jurisdiction: 'US', markers: ['Caleb Vitello'], slug: 'ice-interim-guidance-2025-courthouse-enforcement' },
  { jurisdiction: 'US', markers: ['Todd M. Lyons'], slug: 'ice-memo-2025-05-27-courthouse-enforcement' },
  { jurisdiction: 'US', markers: ['Tae Johnson', 'Troy Miller'], slug: 'ice-cbp-memo-2021-courthouse-enforcement' },
]

/** Citations the facts file lists as not found in any source: the seed must never name them. */
const NOT_FOUND = ['Courthouse Civil Rights Act', 'CCP §1800', 'HB 4126', '22 NYCRR Part 29', 'SB 19-030', 'SB 6522']

const MONTH_YEAR = /(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|\b\d{4}\b/

const rows = protectionRows(fs.readFileSync(fs.existsSync(SHARED_FACTS) ? SHARED_FACTS : COMMITTED_FACTS, 'utf8'))
const itemFor = (row: FactRow) => ITEMS.filter((item) => item.jurisdiction === row.jurisdiction && item.markers.some((m) => row.identifier.includes(m)))

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload)
})
afterAll(async () => app?.stop())

describe('the seed against the facts file', () => {
  it('reads a real table, and the committed copy of the facts file is the shared one', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20)
    if (fs.existsSync(SHARED_FACTS)) expect(fs.readFileSync(COMMITTED_FACTS, 'utf8')).toBe(fs.readFileSync(SHARED_FACTS, 'utf8'))
  })

  it('every row of the table has exactly one seeded item, and every item a row', () => {
    expect(rows.filter((row) => itemFor(row).length !== 1).map((row) => `${row.jurisdiction}: ${row.identifier}`)).toEqual([])
    expect(ITEMS.filter((item) => !rows.some((row) => itemFor(row).includes(item))).map((item) => item.slug)).toEqual([])
  })

  it('every jurisdiction of the table has a researched protection status on the map and in the API', async () => {
    const map = await request(app.server).get('/api/map').expect(200)
    const statuses = new Map<string, string>(map.body.jurisdictions.map((j: { code: string; protectionStatus: string }) => [j.code, j.protectionStatus]))
    for (const code of new Set(rows.map((row) => row.jurisdiction))) {
      const res = await request(app.server).get('/api/jurisdictions').query({ where: { code: { equals: code } }, depth: 0 }).expect(200)
      const status = res.body.docs[0]?.protectionStatus
      expect([code, status]).toEqual([code, expect.stringMatching(/^(?!unknown$).+/)])
      if (statuses.has(code)) expect(statuses.get(code)).toBe(status)
    }
  })

  it('each row\'s item is published in its jurisdiction with the row\'s identifiers and date', async () => {
    for (const row of rows) {
      const [item] = itemFor(row)
      const res = await request(app.server).get('/api/resources').query({ where: { slug: { equals: item!.slug } }, depth: 1, locale: 'en' }).expect(200)
      const doc = res.body.docs[0]
      expect([item!.slug, Boolean(doc)]).toEqual([item!.slug, true])
      const codes: string[] = doc.jurisdictions.map((j: { code: string }) => j.code)
      expect(codes.some((code) => code === row.jurisdiction || code.startsWith(`${row.jurisdiction}-`))).toBe(true)
      const text = [doc.title, doc.summary, doc.billNumber, doc.issuedBy].join(' ')
      for (const marker of item!.markers) expect([item!.slug, text.includes(marker)]).toEqual([item!.slug, true])
      const isoDate = row.date.match(/\d{4}-\d{2}-\d{2}/)?.[0]
      if (isoDate) {
        const dates = [doc.issuedAt, doc.effectiveAt].filter(Boolean).map((d: string) => d.slice(0, 10))
        expect([item!.slug, dates]).toEqual([item!.slug, expect.arrayContaining([isoDate])])
      } else {
        expect([item!.slug, text]).toEqual([item!.slug, expect.stringContaining(row.date.match(MONTH_YEAR)![0])])
      }
    }
  })

  it('no status is left empty: jurisdictions nobody researched say `unknown`, and the map explains every value', async () => {
    const map = await request(app.server).get('/api/map').expect(200)
    const values: string[] = map.body.legend.map((entry: { value: string }) => entry.value)
    expect(values).toEqual(expect.arrayContaining(['unknown', 'none-known', 'statute']))
    for (const j of map.body.jurisdictions) expect(values).toContain(j.protectionStatus)
    expect(map.body.jurisdictions.find((j: { code: string }) => j.code === 'US-AK').protectionStatus).toBe('unknown')
    const es = await request(app.server).get('/api/map?locale=es').expect(200)
    expect(es.body.legend.find((entry: { value: string }) => entry.value === 'unknown').label).toBe('Aún sin investigar')
    // A jurisdiction created or cleared without a status is `unknown`, not null.
    const created = await app.payload.create({ collection: 'jurisdictions', data: { code: 'US-NY-TEST', name: 'Test County', type: 'county' } })
    expect(created.protectionStatus).toBe('unknown')
    const cleared = await app.payload.update({ collection: 'jurisdictions', id: created.id, data: { protectionStatus: null } as never })
    expect(cleared.protectionStatus).toBe('unknown')
  })

  it('names no citation the facts file lists as not found in any source', () => {
    const seeded = JSON.stringify([seedResources, seedJurisdictions])
    expect(NOT_FOUND.filter((citation) => seeded.includes(citation))).toEqual([])
  })
})
