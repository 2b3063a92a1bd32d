// The package's types exist (lib/index.d.ts) but its "exports" hide them from TypeScript's
// resolution; the part the test helpers use.
declare module 'mongodb-connection-string-url' {
  export class ConnectionString {
    constructor(uri: string)
    pathname: string
    username: string
    hosts: string[]
    searchParams: URLSearchParams
    toString(): string
  }
}
