/**
 * Instance leases, so that several stateless instances can share one database (DESIGN.md "MongoDB ... several
 * instances can run behind a load balancer"): each instance refreshes a heartbeat document; a capture whose
 * instance stopped refreshing it (crashed, killed, partitioned) is recovered by the others, while the captures of
 * live instances are left alone, even when another instance restarts.
 */
import type { MongoContext } from './mongo-context';
import { retrying } from './mongo-errors';

export async function heartbeat(ctx: MongoContext): Promise<void> {
  await retrying(() =>
    ctx.instances.updateOne({ _id: ctx.instanceId }, { $set: { heartbeatAt: new Date() } }, { upsert: true }),
  );
}

/** Removes this instance's lease on a clean shutdown. */
export async function retire(ctx: MongoContext): Promise<void> {
  await retrying(() => ctx.instances.deleteOne({ _id: ctx.instanceId }));
}

/** The instances whose lease is current (this one included once it has beaten). */
export async function liveInstances(ctx: MongoContext): Promise<Set<string>> {
  const since = new Date(Date.now() - ctx.leaseMs);
  const live = await retrying(() => ctx.instances.find({ heartbeatAt: { $gt: since } }).toArray());
  return new Set(live.map((instance) => instance._id));
}
