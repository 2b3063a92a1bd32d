/**
 * Who is asking, decided once per API request by Payload's own auth strategies, and the same
 * answer used by everything that depends on it: the public cache, the caching headers and
 * Payload's handler itself (`req.user`).
 *
 * Never decide "anonymous" by looking for a cookie or header: Payload trims cookie names, takes
 * the last of duplicated cookies, reads several Authorization schemes and may grow more (API
 * keys, custom strategies). Whatever it accepts is a session; whatever it does not is anonymous.
 */
import { executeAuthStrategies, type AuthStrategyFunctionArgs, type AuthStrategyResult, type Payload } from 'payload'

/** Results the bridge computed, keyed by the Request it hands to Payload (which becomes its `req`). */
const decided = new WeakMap<object, AuthStrategyResult>()
const installed = new WeakSet<Payload>()

/** Runs Payload's auth strategies for these request headers. */
export function authenticate(payload: Payload, headers: Headers, isGraphQL: boolean): Promise<AuthStrategyResult> {
  return executeAuthStrategies({ canSetHeaders: true, headers, isGraphQL, payload })
}

/** Hands a result to Payload for this request, so that its handler does not authenticate again. */
export function handToPayload(request: Request, result: AuthStrategyResult): void {
  decided.set(request, result)
}

/**
 * Makes Payload's auth step take the bridge's answer for requests the bridge authenticated, and
 * run its own strategies, unchanged and in order, for every other request (the admin panel's
 * server rendering, scripts).
 */
export function reuseBridgeAuth(payload: Payload): void {
  if (installed.has(payload)) return
  installed.add(payload)
  const own = Object.create(payload, { authStrategies: { value: payload.authStrategies } }) as Payload
  payload.authStrategies = [
    {
      name: 'bridge',
      authenticate: async (args: AuthStrategyFunctionArgs) => {
        const known = args.req ? decided.get(args.req) : undefined
        return known ?? executeAuthStrategies({ ...args, payload: own })
      },
    },
  ]
}
