// Loaded with `node --import` by the throughput benchmark: prints the process's peak RSS on exit
// on stderr, so the benchmark measures the real CLI process without external tools.
process.on('exit', () => {
  process.stderr.write(`\nNIGHTSHIFT_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
