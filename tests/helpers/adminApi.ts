/** The browser tests' API client: JSON (or form) calls to the admin server that fail with the status and body. */
export type ApiInit = { method?: string; token?: string; body?: unknown; form?: FormData }

export function adminApi(baseUrl: () => string, password: string) {
  async function api(pathname: string, init: ApiInit = {}) {
    const headers: Record<string, string> = {}
    if (init.token) headers.Authorization = `JWT ${init.token}`
    if (init.body) headers['Content-Type'] = 'application/json'
    const res = await fetch(`${baseUrl()}${pathname}`, { method: init.method ?? 'GET', headers, body: init.form ?? (init.body ? JSON.stringify(init.body) : undefined) })
    const body = (await res.json().catch(() => null)) as Record<string, any> | null
    if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${pathname}: ${res.status} ${JSON.stringify(body)}`)
    return body!
  }
  /** A session token for an account (the tests' shared password unless another is given). */
  const login = async (email: string, pw = password) => (await api('/api/contributors/login', { method: 'POST', body: { email, password: pw } })).token as string
  return { api, login }
}
