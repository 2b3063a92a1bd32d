// `npm run generate:types`: writes src/payload-types.ts from the config.
// (Payload's own CLI under cross-env exited early and silently now and then: see README.)
import { generateTypes } from 'payload/node'
import config from './payload.config'

await generateTypes(await config)
process.exit(0)
