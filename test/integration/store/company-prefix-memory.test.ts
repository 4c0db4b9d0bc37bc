/**
 * CompanyPrefixMemory over a real embedded store (src/capture/company-prefix-memory.ts; issue 5): loading with
 * configured entries winning, writing only new entries, retrying a failed write, and reloads after lookup misses
 * at most once per interval.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CompanyPrefixMemory } from '../../../src/capture/company-prefix-memory';
import { EmbeddedEventStore } from '../../../src/store/embedded/embedded-event-store';

/** The real store, counting calls and failing the next `failSaves` writes. */
class CountingStore {
  saves: Array<Array<readonly [string, number]>> = [];
  loads = 0;
  failSaves = 0;
  constructor(readonly store: EmbeddedEventStore) {}
  saveCompanyPrefixes(entries: ReadonlyArray<readonly [string, number]>): Promise<void> {
    this.saves.push([...entries]);
    if (this.failSaves > 0) {
      this.failSaves -= 1;
      return Promise.reject(new Error('injected write failure'));
    }
    return this.store.saveCompanyPrefixes(entries);
  }
  loadCompanyPrefixes(): Promise<Array<[string, number]>> {
    this.loads += 1;
    return this.store.loadCompanyPrefixes();
  }
}

describe('CompanyPrefixMemory', () => {
  let dir: string;
  let store: EmbeddedEventStore;
  let counting: CountingStore;
  const warnings: string[] = [];
  const logger = { warn: (_details: object, message?: string) => void warnings.push(message ?? '') };
  let clock = 0;
  const memory = (refreshAfterMissMs = 1000, configured: [string, number][] = []) =>
    new CompanyPrefixMemory({ store: counting, logger, configured, refreshAfterMissMs, now: () => clock });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'epcis-prefix-memory-'));
    store = new EmbeddedEventStore({ dataDir: dir });
    await store.open();
    counting = new CountingStore(store);
    warnings.length = 0;
    clock = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads stored entries; configured ones still win; a known entry is not written again', async () => {
    await store.saveCompanyPrefixes([
      ['06141412', 8],
      ['4012345', 7],
    ]);
    const m = memory(1000, [['0614141', 7]]);
    await m.load();
    assert.equal(m.table.lookup('061414123456'), 7);
    assert.equal(m.table.lookup('401234500000'), 7);
    m.table.learnFromUrn('urn:epc:id:sgtin:4012345.011111.1');
    await m.flush();
    assert.deepEqual(counting.saves, []);
  });

  it('writes each new entry once, batching what was learned before a flush', async () => {
    const m = memory();
    await m.load();
    m.table.learnFromUrn('urn:epc:id:sgtin:0614141.107346.1');
    m.table.learnFromUrn('urn:epc:id:sgtin:0614141.107346.2');
    m.table.learnFromUrn('urn:epc:id:sscc:95012345.123456789');
    await m.flush();
    m.table.learnFromUrn('urn:epc:id:sgtin:0614141.107346.3');
    await m.settled();
    assert.deepEqual(counting.saves, [
      [
        ['0614141', 7],
        ['95012345', 8],
      ],
    ]);
    assert.deepEqual(await store.loadCompanyPrefixes(), [
      ['0614141', 7],
      ['95012345', 8],
    ]);
  });

  it('flushes entries learned without an explicit flush (e.g. while rendering) on its own', async () => {
    const m = memory();
    await m.load();
    m.table.learnFromUrn('urn:epc:id:sgtin:0614141.107346.1');
    await new Promise((resolve) => setImmediate(resolve));
    await m.flush(); // nothing queued any more: waits for the write already started
    assert.deepEqual(await store.loadCompanyPrefixes(), [['0614141', 7]]);
  });

  it('logs a failed write and retries its entries with the next flush', async () => {
    const m = memory();
    await m.load();
    counting.failSaves = 1;
    m.table.learnFromUrn('urn:epc:id:sgtin:0614141.107346.1');
    await m.flush();
    assert.equal(warnings.length, 1);
    assert.deepEqual(await store.loadCompanyPrefixes(), []);
    assert.equal(m.table.lookup('061414100000'), 7);
    await m.flush();
    assert.deepEqual(await store.loadCompanyPrefixes(), [['0614141', 7]]);
  });

  it('a lookup miss reloads at most once per interval, and the reload brings in new entries', async () => {
    const m = memory(1000);
    await m.load();
    assert.equal(counting.loads, 1);
    await store.saveCompanyPrefixes([['9506000', 7]]); // as another instance would
    clock = 500;
    assert.equal(m.table.lookup('950600013435'), undefined);
    await m.settled();
    assert.equal(counting.loads, 1);
    clock = 1000;
    assert.equal(m.table.lookup('950600013435'), undefined);
    assert.equal(m.table.lookup('950600013435'), undefined); // a reload in flight is not started twice
    await m.settled();
    assert.equal(counting.loads, 2);
    assert.equal(m.table.lookup('950600013435'), 7);
  });

  it('a failed load is logged, not thrown', async () => {
    await store.close();
    const m = memory();
    await m.load();
    assert.equal(warnings.length, 1);
    await store.open();
  });
});
