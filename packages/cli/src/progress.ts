/** A progress bar on stderr for long jobs; silent when stderr is not a terminal, except at the end. */
export function progressBar(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let last = -1;
  return (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (pct === last) return;
    last = pct;
    if (tty) {
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% (${done}/${total})`,
      );
      if (done >= total) process.stderr.write('\n');
    } else if (done >= total) {
      process.stderr.write(`${label}: ${done}/${total}\n`);
    }
  };
}
