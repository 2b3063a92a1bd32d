// autocannon ships no types (and @types/autocannon is not installed): the part run.ts uses.
declare module 'autocannon' {
  namespace autocannon {
    type Options = { url: string; connections: number; duration: number; requests?: unknown[] }
    type Result = {
      requests: { average: number }
      latency: { p50: number; p99: number }
      non2xx: number
      errors: number
      '2xx'?: number
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>
  export default autocannon
}
