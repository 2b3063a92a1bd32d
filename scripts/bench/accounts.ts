/** The bench's accounts (no imports: the write load's own process loads this alone). */
export const EDITOR = { email: 'bench-editor@example.org', password: 'velvet-orbit-lantern-92x-bench' }
/** Accounts the mixed case logs in with, in turn (one account would pile up sessions on one row). */
export const LOGIN_ACCOUNTS = 20
export const loginAccount = (n: number) => ({ email: `bench-login-${n % LOGIN_ACCOUNTS}@example.org`, password: EDITOR.password })
