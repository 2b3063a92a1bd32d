import { createAccount, signIn, type TestApp } from './testApp'
import type { createJurisdictions } from './publicApi'

type Places = Awaited<ReturnType<typeof createJurisdictions>>
export type SignedInAccount = { id: string | number; email: string; agent: Awaited<ReturnType<typeof signIn>> }

/**
 * The accounts the legal sign-off tests share (tests/verification-*.test.ts), each signed in: an
 * editor who is not a lawyer; legal reviewers for New York (attribution off) and California
 * (attribution on, so her name is public); a national editor who is also a legal reviewer.
 */
export async function createLegalReviewers(app: TestApp, places: Places): Promise<Record<'editor' | 'ny' | 'ca' | 'national', SignedInAccount>> {
  const account = async (role: 'editor' | 'contributor', data: Record<string, unknown>): Promise<SignedInAccount> => {
    const created = await createAccount(app, role, data)
    return { id: created.id, email: created.email, agent: await signIn(app, created) }
  }
  return {
    editor: await account('editor', { name: 'Eddie Editor' }),
    ny: await account('contributor', { name: 'Nadia Private-Counsel', legalReviewer: true, jurisdictions: [places['US-NY']] }),
    ca: await account('contributor', { name: 'Carla Public-Counsel', legalReviewer: true, publicAttribution: true, jurisdictions: [places['US-CA']] }),
    national: await account('editor', { name: 'Erin Editor-Attorney', legalReviewer: true }),
  }
}
