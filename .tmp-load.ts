import { getTestMongo, uniqueDbName } from './test/support/mongo-server';
import { stopSharedMongoServer } from './test/support/mongo-server-registry';
import { MongoEventStore } from './src/store/mongo/mongo-event-store';
import { job, storedEvent, strictDecide } from './test/integration/store/store-fixtures';
(async () => {
  const m = await getTestMongo();
  const store = new MongoEventStore({ uri: m.uri, dbName: uniqueDbName('load') });
  await store.open();
  const universe = Array.from({ length: 3000 }, (_, n) => storedEvent({ eventID: `L${n}` }));
  const plans = Array.from({ length: 10 }, (_, k) => ({ captureID: `load-${k}`, events: universe.slice(k * 250, k * 250 + 500) }));
  for (const p of plans) await store.createJob(job(p.captureID, new Date(), 500));
  const t0 = Date.now();
  const results = await Promise.all(plans.map((p) => store.commitCapture({ ...p, behaviour: 'rollback', vocabulary: [], decide: strictDecide }).then((r) => { console.log('done', p.captureID, Date.now() - t0); return r; }, (e) => { console.log('err', p.captureID, Date.now() - t0, e.message); throw e; })));
  console.log('ms', Date.now() - t0, results.map((r) => r.statuses.filter(s => s === 'stored').length).join(','), await store.countEvents({}));
  await store.close();
  await stopSharedMongoServer();
})().catch(e => { console.log('FAIL', e.message); process.exit(1); });
