// `npm run read-model:rebuild`: renders every published resource into the read model again
// (src/readModel), e.g. after a bulk import that wrote around Payload's hooks. Safe while the
// server runs: the server's own model was built by the same renderer, and any write it makes
// meanwhile is rendered by the server after its commit.
import 'dotenv/config'
import { getPayload } from 'payload'
import config from '../payload.config'
import { readModel } from '../readModel'

const payload = await getPayload({ config })
await readModel.start(payload, true, { rebuild: true })
await readModel.settle()
await payload.destroy()
process.exit(0)
