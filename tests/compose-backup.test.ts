/**
 * docker-compose.yml ships the MongoDB backup (no Docker engine here: checked by reading it):
 * a service with the database tools dumps the whole replica set with the oplog (one point in
 * time), reads each archive back, and keeps them in a volume (docs/DEPLOYMENT.md "Backups").
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { projectRoot } from '../src/settings/paths'

const compose = parse(fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string; command?: string[]; volumes?: string[]; depends_on?: Record<string, unknown> }>
  volumes: Record<string, unknown>
}

describe('the backup service', () => {
  const backup = compose.services.backup!
  const script = (backup?.command ?? []).join('\n')

  it('runs mongodump from the MongoDB image (the app image has no database tools)', () => {
    expect(backup.image).toBe(compose.services.mongo1!.image)
    expect(script).toMatch(/mongodump\b/)
  })

  it('dumps the whole replica set (every member named, no single database) with the oplog, gzipped to one archive', () => {
    const uri = /uri='([^']+)'/.exec(script)?.[1] ?? ''
    expect(uri).toMatch(/^mongodb:\/\/mongo1:27017,mongo2:27017,mongo3:27017\/\?replicaSet=rs0/)
    expect(script).toMatch(/mongodump [^\n]*--oplog[^\n]*--archive=[^\n]*--gzip/)
  })

  it('reads every archive back before keeping it, and keeps them in a volume', () => {
    expect(script).toMatch(/mongorestore [^\n]*--dryRun[^\n]*--archive=/)
    expect(script.indexOf('mongorestore')).toBeGreaterThan(script.indexOf('mongodump'))
    expect(backup.volumes).toContain('backups:/backups')
    expect(compose.volumes).toHaveProperty('backups')
  })
})

describe('npm run backup on MongoDB', () => {
  it('dumps the whole instance (what --oplog needs), keeping hosts, options and the auth database', async () => {
    const { wholeInstance } = await import('../src/db/backup')
    expect(wholeInstance('mongodb://mongo1:27017,mongo2:27017,mongo3:27017/cms?replicaSet=rs0')).toBe('mongodb://mongo1:27017,mongo2:27017,mongo3:27017/?replicaSet=rs0')
    expect(wholeInstance('mongodb://u:p@h1,h2/cms?replicaSet=rs0')).toBe('mongodb://u:p@h1,h2/?replicaSet=rs0&authSource=cms')
  })
})
