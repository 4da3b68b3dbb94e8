// Embedded servers are stopped when this process ends. They run in their own process
// group, so a Ctrl-C in the terminal reaches only this process. A program with its own
// signal handler decides the order (engine first, database last); one without gets a fast
// shutdown of the database and exit code 128 + signal.
export interface OwnedServer {
  /** Requests a fast shutdown without waiting: all an 'exit' handler can do. */
  signalStop(): void;
  stop(): Promise<void>;
}

const owned = new Set<OwnedServer>();
let installed = false;

export function ownServer(server: OwnedServer): () => void {
  install();
  owned.add(server);
  return () => owned.delete(server);
}

function install(): void {
  if (installed) return;
  installed = true;
  // Also covers process.exit() from a program's own signal handler that forgot the database.
  process.on('exit', () => {
    for (const server of owned) server.signalStop();
  });
  for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]] as const) {
    process.on(signal, () => {
      // A program with its own handler stops the database itself, after the engine.
      if (process.listenerCount(signal) > 1) return;
      void Promise.allSettled([...owned].map((server) => server.stop())).then(() => process.exit(128 + number));
    });
  }
}
