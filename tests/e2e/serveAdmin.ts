// The e2e tests' server: createApp with the admin panel's production build, no seeding
// (an empty database shows Payload's create-first-user screen). Started by tests/helpers/adminServer.ts.
import http from 'node:http'
import { createApp } from '../../src/server'
import { loadSettings } from '../../src/settings'

const settings = loadSettings()
const { app, upgrade, close } = await createApp({ settings, admin: 'production' })
const server = http.createServer(app)
if (upgrade) server.on('upgrade', upgrade)
server.listen(settings.port, '127.0.0.1', () => console.log(`listening on ${settings.serverUrl}`))
process.on('SIGTERM', () => {
  server.closeAllConnections()
  server.close(async () => {
    await close()
    process.exit(0)
  })
})
