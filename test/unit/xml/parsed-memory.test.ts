import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Parsed XML events must not hold views into the document's text: V8 makes a substring of 13 characters or more a
 * view of its parent, and an element name such as "AggregationEvent" became the event's `type`, keeping the whole
 * decoded document alive as long as the event (in the embedded store, for good). Measured in a child process with
 * --expose-gc (test/support/parsed-heap-child.ts): the parsed document holds about 0.7x the document's size; with
 * the views, about 1.8x.
 */
describe('XML parsing: memory held by the parsed events', function () {
  this.timeout(120_000);

  it('holds less heap than the document is long (no views into the decoded text)', () => {
    const child = path.join(__dirname, '..', '..', 'support', 'parsed-heap-child.ts');
    const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, '5000'], {
      encoding: 'utf8',
    });
    const { documentBytes, events, parsedHeap } = JSON.parse(output.trim().split('\n').at(-1)!) as {
      documentBytes: number;
      events: number;
      parsedHeap: number;
    };
    assert.equal(events, 5000);
    assert.ok(
      parsedHeap < 1.2 * documentBytes,
      `the parsed document holds ${parsedHeap} bytes of heap for ${documentBytes} bytes of XML`,
    );
  });
});
