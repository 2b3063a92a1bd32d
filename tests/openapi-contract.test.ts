/**
 * The API description passes Redocly CLI's recommended rules (redocly.yaml) with no error and
 * no warning, linted as a frontend team would: `redocly lint <url>` against the running app; and
 * it states what the API does where payload-oapi's document did not (src/plugins/openApiContract.ts).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { parse } from 'yaml'
import { projectRoot } from '../src/settings/paths'
import { startTestApp, type TestApp } from './helpers/testApp'

type Problem = { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

describe('redocly lint', () => {
  it('uses the recommended rules, none turned off', () => {
    const config = parse(fs.readFileSync(path.join(projectRoot, 'redocly.yaml'), 'utf8')) as { extends?: string[]; rules?: Record<string, unknown> }
    expect(config.extends).toEqual(['recommended'])
    expect(Object.entries(config.rules ?? {}).filter(([, setting]) => setting === 'off')).toEqual([])
  })

  it('finds no problem in GET /api/openapi.json', async () => {
    const cli = path.join(projectRoot, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js')
    const args = [cli, 'lint', `${app.url}/api/openapi.json`, '--config', 'redocly.yaml', '--format', 'json']
    // Async: the app answering the linter runs in this process.
    const { stdout } = await promisify(execFile)(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, NODE_OPTIONS: '', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`redocly lint did not run: ${error.stderr}`)
      return { stdout: error.stdout } // it exits 1 when it finds errors
    })
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number; ignored: number }; problems: Problem[] }
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`)
    expect(problems).toEqual([])
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 })
  })
})

describe('what the document states', () => {
  const signedIn = [{ bearer: [] }, { cookie: [] }]

  it('asks for credentials as the access matrix decides, with schemes Payload accepts', async () => {
    const { body } = await request(app.url).get('/api/openapi.json')
    expect(Object.keys(body.components.securitySchemes).sort()).toEqual(['bearer', 'cookie'])
    expect(body.components.securitySchemes.cookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'payload-token' })
    expect(body.paths['/api/resources'].get.security).toEqual([{}, ...signedIn]) // anyone: the published ones
    expect(body.paths['/api/resources/{id}'].get.security).toEqual([{}, ...signedIn])
    expect(body.paths['/api/resources'].post.security).toEqual(signedIn)
    expect(body.paths['/api/topics'].get.security).toEqual([])
    expect(body.paths['/api/topics/{id}'].patch.security).toEqual(signedIn)
    expect(JSON.stringify(body)).not.toMatch(/ApiKey|openapi-auth|payload-jobs/)
  })

  it('answers a document for GET /{id}, { message, doc } for PATCH and DELETE, and a 4xx for every operation', async () => {
    const { body } = await request(app.url).get('/api/openapi.json')
    const item = body.paths['/api/resources/{id}']
    expect(item.get.responses['200']).toEqual({ $ref: '#/components/responses/ResourceResponse' })
    expect(item.patch.responses['200']).toEqual({ $ref: '#/components/responses/MutateResourceResponse' })
    expect(item.delete.responses['200']).toEqual({ $ref: '#/components/responses/MutateResourceResponse' })
    expect(item.get.responses['404']).toEqual({ $ref: '#/components/responses/ResourceNotFoundResponse' })
    for (const [path, operations] of Object.entries(body.paths as Record<string, Record<string, { responses: object }>>)) {
      for (const [method, operation] of Object.entries(operations).filter(([key]) => key !== 'parameters')) {
        expect({ path, method, clientErrors: Object.keys(operation.responses).some((status) => status.startsWith('4')) }).toEqual({ path, method, clientErrors: true })
      }
    }
  })

  it('really answers a GET by id with the document, and a draft or unknown id with 404 in the error shape', async () => {
    const topic = await app.payload.create({ collection: 'topics', data: { name: 'Courthouse arrests' } as never, overrideAccess: true })
    const found = await request(app.url).get(`/api/topics/${topic.id}`)
    expect(found.body).toMatchObject({ id: topic.id, name: 'Courthouse arrests' })
    expect(found.body.doc).toBeUndefined()
    const missing = await request(app.url).get('/api/topics/999999')
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ errors: [{ message: expect.any(String) }] })
  })
})
