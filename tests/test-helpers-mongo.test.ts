/**
 * The test helpers on MongoDB (`DATABASE_URI=mongodb://…?replicaSet=rs0 npm test`): each file's
 * own database named in the operator's URI, whatever its form (tests/helpers/mongoUri.ts).
 */
import { describe, expect, it } from '@jest/globals'
import { withDatabaseName } from './helpers/mongoUri'

describe('withDatabaseName', () => {
  it('keeps every host, option and credential of a replica-set URI', () => {
    expect(withDatabaseName('mongodb://mongo1:27017,mongo2:27017,mongo3:27017/cms?replicaSet=rs0', 'cms_test_1')).toBe(
      'mongodb://mongo1:27017,mongo2:27017,mongo3:27017/cms_test_1?replicaSet=rs0',
    )
    expect(withDatabaseName('mongodb://127.0.0.1:27017/?replicaSet=rs0&directConnection=true', 't')).toBe('mongodb://127.0.0.1:27017/t?replicaSet=rs0&directConnection=true')
    expect(withDatabaseName('mongodb://localhost', 't')).toBe('mongodb://localhost/t')
    expect(withDatabaseName('mongodb+srv://cluster0.example.net/?retryWrites=true', 't')).toBe('mongodb+srv://cluster0.example.net/t?retryWrites=true')
  })

  it('keeps the database a user authenticates against', () => {
    expect(withDatabaseName('mongodb://app:s%40cret@h1,h2/cms?replicaSet=rs0', 't')).toBe('mongodb://app:s%40cret@h1,h2/t?replicaSet=rs0&authSource=cms')
    expect(withDatabaseName('mongodb://app:pw@h1/?replicaSet=rs0', 't')).toBe('mongodb://app:pw@h1/t?replicaSet=rs0&authSource=admin')
    expect(withDatabaseName('mongodb://app:pw@h1/cms?authSource=admin', 't')).toBe('mongodb://app:pw@h1/t?authSource=admin')
  })
})
