/**
 * The XML response bodies the server produces besides query documents (capture jobs, problem+xml) validate
 * against the official GS1 XSDs and the project's XSDs.
 */
import assert from 'node:assert/strict';
import { serializeCaptureJobXml } from '../../src/formats/xml/capture-job-xml';
import { serializeProblemXml } from '../../src/formats/xml/problem-xml';
import { PROJECT_XSD_LAYOUT, XsdValidator } from '../../src/formats/xml/xsd-validator';
import { problemType } from '../../src/errors/error-table';
import { OFFICIAL_XSD_LAYOUT, skipWithoutSharedGs1 } from '../../test/support/gs1-examples';

describe('Capture job and problem XML bodies validate (conformance)', function () {
  before(function () {
    skipWithoutSharedGs1(this);
  });

  it('validates running, finished, failed and error-file jobs, and a problem', async () => {
    const base = {
      captureID: 'f3755dab-1d90-46a5-b837-01032b232cf0',
      captureErrorBehaviour: 'rollback' as const,
      createdAt: new Date('2024-01-01T00:00:00Z'),
    };
    const docs = [
      serializeCaptureJobXml({ ...base, running: true, success: false, finishedAt: null, errors: [] }),
      serializeCaptureJobXml({ ...base, running: false, success: true, finishedAt: new Date(), errors: [] }),
      serializeCaptureJobXml({
        ...base,
        running: false,
        success: false,
        finishedAt: new Date(),
        errors: [
          { type: problemType('ValidationException'), title: 'Invalid', status: 400, detail: 'd', instance: '/e/1' },
          { type: problemType('ResourceAlreadyExistsException'), title: 'Exists' },
        ],
      }),
      serializeCaptureJobXml({
        ...base,
        running: false,
        success: false,
        finishedAt: new Date(),
        errors: [],
        errorFile: 'https://example.com/errors/1',
      }),
      serializeProblemXml({ type: problemType('NotAcceptableException'), title: 'No <xml> & co', status: 406 }),
    ];
    const [official, ours] = await Promise.all([
      new XsdValidator(OFFICIAL_XSD_LAYOUT).validateMany(docs),
      new XsdValidator(PROJECT_XSD_LAYOUT).validateMany(docs),
    ]);
    docs.forEach((_, i) => {
      assert.deepEqual(official[i], [], `document ${i} (official)`);
      assert.deepEqual(ours[i], [], `document ${i} (project)`);
    });
  });
});
