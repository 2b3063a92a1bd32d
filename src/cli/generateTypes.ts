// `npm run generate:types`: writes src/payload-types.ts from the config.
// Prints "Types written" only when the file changed. (Payload's own CLI, `payload generate:types`,
// exited early and silently now and then on this machine, writing nothing.)
import { generateTypes } from 'payload/node'
import config from '../payload.config'

await generateTypes(await config)
process.exit(0)
