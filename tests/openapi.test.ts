import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await request(app.url).get('/api/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toMatch(/^3\.1\./)
    const result = await new Validator().validate(res.body)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('describes the public collections and nothing private', async () => {
    const { body } = await request(app.url).get('/api/openapi.json')
    const paths = Object.keys(body.paths)
    expect(paths).toContain('/api/topics')
    expect(paths.some((p) => p.startsWith('/api/contributors'))).toBe(false)
    expect(paths.some((p) => p.includes('openapi-auth'))).toBe(false)
  })

  it('describes the search, toolkit and map endpoints as public operations', async () => {
    const { body } = await request(app.url).get('/api/openapi.json')
    const search = body.paths['/api/search']?.get
    expect(search).toMatchObject({ summary: 'Full-text search of published resources', security: [] })
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'locale', 'category', 'jurisdiction', 'page', 'limit'])
    expect(Object.keys(search.responses)).toEqual(['200', '400'])
    const toolkit = body.paths['/api/jurisdictions/{code}/toolkit']?.get
    expect(toolkit).toMatchObject({ security: [] })
    expect(toolkit.parameters[0]).toMatchObject({ name: 'code', in: 'path', required: true })
    expect(toolkit.parameters.map((p: { name: string }) => p.name)).toEqual(['code', 'locale', 'perSection'])
    expect(Object.keys(toolkit.responses)).toEqual(['200', '400', '404'])
    expect(body.paths['/api/map']?.get).toMatchObject({ security: [], summary: 'Protection status of every state, DC and territory' })
  })
})
