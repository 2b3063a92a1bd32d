/**
 * Separate processes for the scale test: app instances (`src/start.ts`, API only) and Debian's
 * redis-server, each on a free loopback port. A missing redis-server is an error, never a skip.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import { projectRoot } from '../../src/settings/paths'

export type Child = { url: string; port: number; process: ChildProcess; output: () => string; stop: () => Promise<void> }

export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function track(child: ChildProcess): { output: () => string; stop: () => Promise<void> } {
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk))
  return {
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    },
  }
}

async function waitFor(check: () => Promise<boolean>, child: ChildProcess, what: string, output: () => string, ms = 180_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${output()}`)
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill('SIGKILL')
  throw new Error(`${what} was not ready within ${ms / 1000} s:\n${output()}`)
}

/** redis-server on a free port, without persistence. Throws when Debian's redis-server is missing. */
export async function startRedis(): Promise<Child> {
  const port = await freePort()
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const spawned = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined))
    child.once('error', resolve)
  })
  if (spawned) throw new Error(`redis-server could not start (${spawned.message}): apt-get install -y redis-server (.ci/run does)`)
  const tracked = track(child)
  const ping = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('PING\r\n'))
      socket.once('data', (data) => {
        socket.destroy()
        resolve(String(data).startsWith('+PONG'))
      })
      socket.once('error', () => resolve(false))
    })
  await waitFor(ping, child, 'redis-server', tracked.output, 20_000)
  return { url: `redis://127.0.0.1:${port}`, port, process: child, ...tracked }
}

/** Spawns `src/start.ts` with the API alone (ADMIN=off); resolves when /readyz answers. */
export async function startInstance(env: Record<string, string>): Promise<Child> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const { NODE_ENV: _jest, NODE_OPTIONS: _vm, ...inherited } = process.env
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/start.ts'], {
    cwd: projectRoot,
    // Without jest's NODE_ENV=test (Next's types declare NODE_ENV required).
    env: { ...inherited, ADMIN: 'off', PORT: String(port), SERVER_URL: url, LOG_LEVEL: 'warn', DISABLE_PAYLOAD_HMR: 'true', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const tracked = track(child)
  await waitFor(() => fetch(`${url}/readyz`).then((r) => r.ok), child, `instance on ${url}`, tracked.output)
  return { url, port, process: child, ...tracked }
}

/** Runs `src/start.ts` expecting it to refuse to start; resolves with its exit code and output. */
export async function refusedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const port = await freePort()
  const { NODE_ENV: _jest, NODE_OPTIONS: _vm, ...inherited } = process.env
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/start.ts'], {
    cwd: projectRoot,
    env: { ...inherited, ADMIN: 'off', PORT: String(port), LOG_LEVEL: 'warn', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const tracked = track(child)
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearTimeout(timer)
  return { code, output: tracked.output() }
}
