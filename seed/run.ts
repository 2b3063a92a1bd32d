// `npm run seed`: upsert the demo and reference content into the configured database.
import 'dotenv/config'
import { getPayload } from 'payload'
import config from '../src/payload.config'
import { seed } from './seed'

const payload = await getPayload({ config })
await seed(payload)
payload.logger.info('Seed complete')
await payload.destroy()
process.exit(0)
