// `npm run seed`: upsert the reference and demo content into the configured database (idempotent).
// Demo accounts are added only in development, and only when no account exists yet.
import 'dotenv/config'
import { getPayload } from 'payload'
import config from '../src/payload.config'
import { seed, seedDemoAccounts } from './seed'

const payload = await getPayload({ config })
await seed(payload)
await seedDemoAccounts(payload, { production: process.env.NODE_ENV === 'production' })
payload.logger.info('Seed complete')
await payload.destroy()
process.exit(0)
