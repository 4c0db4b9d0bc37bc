/** Document-level mutations of the schema differential test (EPCISDocument / EPCISQueryDocument envelopes). */
import type { JsonObject } from '../../src/model/types';
import type { MutationKind, Verdict } from './mutation-kind';
import { pick } from './mutation-kind';

const doc = (
  kind: string,
  expect: Verdict,
  applies: MutationKind['applies'],
  mutate: MutationKind['mutate'],
): MutationKind => ({ kind, target: 'document', expect, applies, mutate });

const anyDocument = (_: JsonObject, standalone: boolean) => !standalone;
const epcisDocument = (d: JsonObject, standalone: boolean) => !standalone && d['type'] === 'EPCISDocument';
const queryDocument = (d: JsonObject, standalone: boolean) => !standalone && d['type'] === 'EPCISQueryDocument';
const body = (d: JsonObject) => d['epcisBody'] as JsonObject;

const masterData = (
  element: JsonObject,
  vocabularyType: string | null = 'urn:epcglobal:epcis:vtype:BusinessLocation',
) => ({
  epcisMasterData: {
    vocabularyList: [
      {
        ...(vocabularyType ? { type: vocabularyType } : {}),
        vocabularyElementList: [element],
      },
    ],
  },
});
const location = {
  id: 'urn:epc:id:sgln:0614141.00888.0',
  attributes: [
    { id: 'urn:epcglobal:cbv:mda#name', attribute: 'Warehouse 8' },
    { id: 'urn:epcglobal:cbv:mda#latitude', attribute: 50.12 },
    { id: 'example:address', attribute: { 'example:street': 'Main St 1' } },
  ],
  children: ['urn:epc:id:sgln:0614141.00888.1'],
};

export const DOCUMENT_KINDS: MutationKind[] = [
  doc('document-remove-context', 'invalid', anyDocument, (d) => delete d['@context']),
  doc('document-remove-schemaVersion', 'invalid', epcisDocument, (d) => delete d['schemaVersion']),
  doc('document-schemaVersion-number', 'invalid', anyDocument, (d) => (d['schemaVersion'] = 2.0)),
  doc('document-schemaVersion-text', 'invalid', anyDocument, (d) => (d['schemaVersion'] = 'v2')),
  doc('document-remove-creationDate', 'invalid', epcisDocument, (d) => delete d['creationDate']),
  doc('document-bad-creationDate', 'invalid', anyDocument, (d, rng) => {
    d['creationDate'] = pick(['2021-02-29T00:00:00Z', '2021-01-01', 'now'], rng);
  }),
  doc('document-eventList-not-array', 'invalid', epcisDocument, (d) => (body(d)['eventList'] = {})),
  doc('document-remove-eventList', 'invalid', epcisDocument, (d) => delete body(d)['eventList']),
  doc('document-wrong-type', 'invalid', anyDocument, (d) => (d['type'] = 'EPCISDoc')),
  doc('document-bare-key', 'invalid', anyDocument, (d) => (d['comment'] = 'hello')),
  doc('document-curie-key', 'valid', anyDocument, (d) => (d['example:note'] = { 'a.b': 1, $x: [1, 2] })),
  doc('document-sender-number', 'invalid', epcisDocument, (d) => (d['sender'] = 42)),
  doc('document-bare-key-in-epcisBody', 'invalid', epcisDocument, (d) => (body(d)['note'] = 'x')),
  doc('document-bare-key-in-epcisHeader', 'invalid', anyDocument, (d) => (d['epcisHeader'] = { foo: 1 })),
  doc('document-master-data', 'valid', epcisDocument, (d) => (d['epcisHeader'] = masterData(location))),
  doc('document-master-data-without-vocabulary-type', 'invalid', epcisDocument, (d) => {
    d['epcisHeader'] = masterData(location, null);
  }),
  doc('document-master-data-boolean-attribute', 'invalid', epcisDocument, (d) => {
    d['epcisHeader'] = masterData({
      id: 'urn:epc:id:sgln:0614141.00888.0',
      attributes: [{ id: 'example:open', attribute: true }],
    });
  }),
  doc('document-master-data-bare-key', 'invalid', epcisDocument, (d) => {
    d['epcisHeader'] = masterData({ ...location, name: 'Warehouse 8' });
  }),
  doc('query-document-remove-queryName', 'invalid', queryDocument, (d) => {
    delete (body(d)['queryResults'] as JsonObject)['queryName'];
  }),
  doc('query-document-bare-key-in-queryResults', 'invalid', queryDocument, (d) => {
    (body(d)['queryResults'] as JsonObject)['count'] = 2;
  }),
];

/** Mutations of standalone events (POST /events bodies). */
export const STANDALONE_KINDS: MutationKind[] = [
  {
    kind: 'standalone-event-without-context',
    target: 'document',
    expect: 'invalid',
    applies: (_, standalone) => standalone,
    mutate: (e) => delete e['@context'],
  },
];
