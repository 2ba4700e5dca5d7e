// Loaded with `node --import` by the throughput benchmark: prints the process's peak RSS and the
// CPU time it used (user + system) on exit, on stderr, so the benchmark measures the real CLI
// process without external tools. CPU time is the fairer figure on a machine shared with other
// work: wall time also counts the time other processes held the cores.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `\nNIGHTSHIFT_BENCH_MAXRSS_KB=${usage.maxRSS}\nNIGHTSHIFT_BENCH_CPU_US=${usage.userCPUTime + usage.systemCPUTime}\n`,
  );
});
