// Timing for the benchmark scripts: run a function, warm up first, return sorted milliseconds.

export async function time(fn: () => Promise<unknown>, options: { runs: number; warmup?: number }): Promise<number[]> {
  for (let i = 0; i < (options.warmup ?? 0); i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

/** The p-th percentile of sorted timings. */
export const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
