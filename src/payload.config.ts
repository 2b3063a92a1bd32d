// The config Payload's CLI and the Next admin load (through the `@payload-config` alias).
import { createConfig } from './config'
import { loadSettings } from './settings'

export default createConfig(loadSettings(process.env, { strict: false }))
