/** Keeps the one shared MongoDB test server of this test process, so that it is started once and stopped once. */
type Stopper = () => Promise<void>;
let stopper: Stopper | null = null;

export function registerSharedMongoServer(stop: Stopper): void {
  stopper = stop;
}

export async function stopSharedMongoServer(): Promise<void> {
  const stop = stopper;
  stopper = null;
  if (stop) await stop();
}
