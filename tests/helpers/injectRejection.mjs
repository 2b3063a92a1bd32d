// Fault injection for tests/security-process-survives.test.ts, loaded into an app process with
// `--import`: on SIGUSR2 the process rejects a promise nobody handles. The message carries an
// address, which the log line must not.
process.on('SIGUSR2', () => {
  Promise.reject(new Error('injected fault: nobody handles this rejection (ana.injected@example.org)'))
})
