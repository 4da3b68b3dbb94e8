// How every entry script stops: on SIGINT or SIGTERM, its own steps once, then exit.

/** Runs `stop` once on the first SIGINT or SIGTERM (`saying` is logged with the signal), then exits. */
export function onStopSignals(saying: string, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, ${saying}`);
    stop().then(() => process.exit(0), (err) => {
      console.error(err);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}
