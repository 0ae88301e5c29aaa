/** Progress on stderr: percent, rows and rows per second, one line per update (or in place on a terminal). */
export function progress(label: string, totalRows: number) {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(doneRows: number) {
      const now = performance.now();
      if (doneRows < totalRows && now - last < 1000) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = doneRows / Math.max(seconds, 1e-6);
      const pct = totalRows ? Math.min(100, (100 * doneRows) / totalRows) : 100;
      const eta = rate > 0 ? Math.max(0, (totalRows - doneRows) / rate) : 0;
      const line =
        `[bench] ${label} ${pct.toFixed(0).padStart(3)}%  ${doneRows.toLocaleString("en-US")} / ${totalRows.toLocaleString("en-US")} rows` +
        `  ${Math.round(rate).toLocaleString("en-US")} rows/s  ${seconds.toFixed(0)} s elapsed, ~${eta.toFixed(0)} s left`;
      process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    },
    done() {
      if (tty) process.stderr.write("\n");
      return (performance.now() - started) / 1000;
    },
  };
}

export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
