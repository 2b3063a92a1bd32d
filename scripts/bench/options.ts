/** `npm run bench` options (`npm run bench -- --help`). */
export const HELP = `npm run bench -- [options]

  --sizes 1000,10000        published resources per seeded database (data/bench/resources-<size>.db, made once:
                            bulk insert + read model build, both timed in its .json sidecar; 100000 takes minutes)
  --connections 10,50       connection counts for the read and write cases
  --duration 3 --rounds 3   seconds per round, interleaved rounds (medians) after a 1 s warm-up
  --cases a,b               only the cases whose name contains one of these; prints, writes nothing
  --label name              writes docs/benchmarks/<name>.json and the <!-- bench:<name> --> block of docs/BENCHMARKS.md
  --read-model on|off       READ_MODEL of the server (default on; the "read model" cases serve from it, the rest not)
  --admin on                serve the admin panel too (needs "npm run build"): its RSS beside the API-only one
  --server-heap-mb 160      the server's --max-old-space-size (memory case; default: V8's own limit)
  environment: HEAP_GROWTH_PERCENT, SQLITE_CACHE_MB (the server's settings; default: an API-only instance's),
               SERVER_NODE_FLAGS='--max-semi-space-size=8' (node flags of the server alone, after those of
               package.json's start script, which the server always runs with), MALLOC_ARENA_MAX
  mixed case: --mixed-connections 50 --mixed-duration 5 --registrations 50 --logins 5 --publish-every 5
                            (0 turns that kind of write off)

Each case alone, at a chosen scale (examples):
  scale, ref ratios:  npm run bench -- --sizes 10000,100000 --connections 10 --cases "toolkit,feed,jurisdiction,by id,ref"
  mixed:              npm run bench -- --sizes 10000 --cases mixed --mixed-duration 10 --rounds 3
  mixed, model off:   npm run bench -- --sizes 10000 --cases mixed --read-model off
  memory, API only:   npm run bench -- --sizes 100000 --connections 50 --cases "published list,jurisdiction,by id,toolkit,feed" --rounds 1
  memory, with admin: the same with --admin on
  memory, npm start:  npm run bench:as-started -- --size 100000 [--cache off] (npm start itself under a frontend's reads)
  ref ratios:         npm run bench -- --sizes 10000 --connections 10 --cases "read model,ref"
The mixed case runs with every size unless --cases names none of "mixed" ("mixed: Payload" picks one variant). See docs/BENCHMARKS.md.
`

/** The options of one run, from its command line; `--help` prints HELP and exits. */
export function benchOptions(argv: string[]) {
  if (argv.includes('--help')) {
    process.stdout.write(HELP)
    process.exit(0)
  }
  const args = Object.fromEntries(
    argv.flatMap((arg, i, all) => (arg.startsWith('--') ? [[arg.slice(2), all[i + 1] ?? '']] : [])),
  )
  const SIZES = (args.sizes ?? '1000,10000').split(',').map(Number)
  const DURATION = Number(args.duration ?? 3)
  const ROUNDS = Number(args.rounds ?? 3)
  const CONNECTIONS = (args.connections ?? '10,50').split(',').map(Number)
  const LABEL = args.label ?? 'latest'
  /** `--cases list,ref`: only the cases whose name contains one of these (a quick look, not a report). */
  const ONLY = args.cases ? args.cases.split(',') : undefined
  /** READ_MODEL for the server: on (built at seeding, each case chooses whether it serves) or off (never rendered nor served). */
  const READ_MODEL = args['read-model'] === 'off' ? 'off' : 'on'
  /** --admin on: the server also serves the admin panel (needs its build: `npm run build`), to report its memory beside the API-only one. */
  const ADMIN = args.admin === 'on'
  /** --server-heap-mb 160: the server's --max-old-space-size (V8 lets an uncapped heap grow far past what it holds live). */
  const SERVER_HEAP_MB = args['server-heap-mb'] ? Number(args['server-heap-mb']) : undefined
  const MIXED = {
    connections: Number(args['mixed-connections'] ?? 50),
    duration: Number(args['mixed-duration'] ?? args.duration ?? 5),
    registrations: Number(args.registrations ?? 50),
    logins: Number(args.logins ?? 5),
    publishEvery: Number(args['publish-every'] ?? 5),
  }
  return { SIZES, DURATION, ROUNDS, CONNECTIONS, LABEL, ONLY, READ_MODEL, ADMIN, SERVER_HEAP_MB, MIXED }
}
