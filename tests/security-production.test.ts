import { describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, startTestApp } from './helpers/testApp'

/** A production configuration (strict settings) in its own file: one app per file at a time. */
describe('cookies in production', () => {
  it('are Secure', async () => {
    const production = await startTestApp({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9' })
    try {
      const account = await createAccount(production, 'contributor')
      const res = await request(production.url)
        .post('/api/contributors/login')
        .send({ email: account.email, password: account.password })
      expect(res.status).toBe(200)
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('payload-token='))
      expect(cookie).toMatch(/;\s*Secure/i)
      expect(cookie).toMatch(/HttpOnly/i)
    } finally {
      await production.stop()
    }
  })
})
