/**
 * The site reads through the public REST API, in process: the very path an anonymous API caller
 * takes (Payload's handlers, its access rules and field access, our API guards), with no cookie
 * and no user. So a page can show nothing the public API would not: never a draft, never a
 * private field. The forms post through it too, so they keep the endpoints' answers and rules.
 */
import { handleEndpoints, type Payload } from 'payload'
import { handToPayload } from '../http/requestAuth'
import { readModel } from '../readModel'

export type ApiAnswer<T = unknown> = { status: number; body: T }

export type PublicApi = {
  get: <T = unknown>(path: string, query?: Record<string, string | number | undefined>) => Promise<ApiAnswer<T>>
  post: <T = unknown>(path: string, body: unknown) => Promise<ApiAnswer<T>>
}

export function publicApi(payload: Payload): PublicApi {
  const { config } = payload
  const base = `${config.serverURL || 'http://localhost'}${config.routes.api}`
  const call = async <T>(path: string, init: RequestInit): Promise<ApiAnswer<T>> => {
    const request = new Request(`${base}${path}`, init)
    // Anonymous, decided here: Payload's strategies are not asked, so no header can make it a session.
    handToPayload(request, { user: null })
    const response = await handleEndpoints({ config, request })
    const text = await response.text()
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = null
    }
    return { status: response.status, body: body as T }
  }
  return {
    get: async (path, query = {}) => {
      const search = new URLSearchParams()
      for (const [key, value] of Object.entries(query)) if (value !== undefined) search.append(key, String(value))
      const qs = search.toString()
      const target = qs ? `${path}?${qs}` : path
      // Published resources from the read model when it answers this request exactly as Payload would, as for any anonymous reader (src/http/payloadApi.ts).
      const modelled = await readModel.answer(`${config.routes.api}${target}`)
      if (modelled !== undefined) return { status: 200, body: JSON.parse(modelled) }
      return call(target, { method: 'GET', headers: { accept: 'application/json' } })
    },
    post: (path, body) => call(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }),
  }
}
