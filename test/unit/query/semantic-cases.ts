/**
 * The semantic query cases (issue 4, Acceptance: the bugs other EPCIS servers shipped) over the corpus of
 * corpus.ts, in stored form. Shared by the mingo test here and, later, by the store-level tests, which must
 * return the same events in the same order from MongoDB and the embedded store.
 */
import { computeQueryFields } from '../../../src/query/query-fields';
import { EVENTS } from './corpus';
import { canonicalEpc, NAMESPACES } from './support';

export const RECORD_TIMES = ['2024-04-01', '2024-04-02', '2024-04-03', '2024-04-04', '2024-04-05', '2024-04-06'];

/** The corpus in stored form (StoredEvent fields used by queries). */
export const STORED = Object.entries(EVENTS).map(([name, event], i) => ({
  _id: `${event['errorDeclaration'] ? 'ed' : 'ev'}|${String(event['eventID'])}`,
  name,
  eventID: event['eventID'],
  eventTime: new Date(String(event['eventTime'])),
  recordTime: new Date(`${RECORD_TIMES[i] ?? '2024-05-01'}T00:00:00Z`),
  type: event['type'],
  q: computeQueryFields(event, NAMESPACES, { canonicalEpc }),
}));

/** [query, the events it must return, in the translator's order] */
export const SEMANTIC_CASES: [string, string[]][] = [
  // Same-entry matching of type and value (bug: type and value matched in different entries).
  ['EQ_bizTransaction_po=urn:x:po:100', ['shipUrn']],
  ['EQ_bizTransaction_desadv=urn:x:po:100', ['receiveDl']],
  ['EQ_bizTransaction_urn:epcglobal:cbv:btt:po=urn:x:doc:200', ['receiveDl']],
  ['EQ_bizTransaction_po=urn:x:po:100|urn:x:doc:200', ['shipUrn', 'receiveDl']],
  ['EQ_source_owning_party=urn:x:party:A', ['shipUrn']],
  ['EQ_source_possessing_party=urn:x:party:A', ['receiveDl']],
  ['EQ_destination_owning_party=urn:x:party:B', ['receiveDl']],
  ['EQ_destination_possessing_party=urn:x:party:B', ['shipUrn']],
  // EQ_eventID finds the event and its error declaration (EPCIS 2.0 §7.4.1.2), nothing else.
  ['EQ_eventID=urn:uuid:ship-urn', ['shipUrn', 'shipUrnError']],
  ['EQ_eventID=urn:uuid:pack|urn:uuid:custom', ['pack', 'custom']],
  ['EQ_eventID=urn:uuid:nope', []],
  // WD_bizLocation over a three-level hierarchy (SITE > BUILDING > ROOM), ids in URN or DL form.
  ['WD_bizLocation=urn:epc:id:sgln:0614141.00000.0', ['shipUrn', 'custom']],
  ['WD_bizLocation=https://id.gs1.org/414/0614141000005', ['shipUrn', 'custom']],
  ['WD_bizLocation=urn:epc:id:sgln:0614141.00002.0', ['shipUrn', 'custom']],
  ['WD_bizLocation=urn:epc:id:sgln:0614141.00001.0', ['shipUrn']],
  ['EQ_bizLocation=urn:epc:id:sgln:0614141.00000.0', []],
  ['HASATTR_bizLocation=cbvmda:sst', ['custom']],
  ['EQATTR_bizLocation_urn:epcglobal:cbv:mda:sst=202', ['custom']],
  ['EQATTR_bizLocation_urn:epcglobal:cbv:mda:sst=201', []],
  ['HASATTR_bizLocation=urn:x:flag', []],
  // MATCH_anyEPC over parentID and the transformation lists.
  ['MATCH_anyEPC=urn:epc:id:sscc:0614141.1234567890', ['pack']],
  ['MATCH_anyEPC=urn:epc:idpat:sscc:0614141.*', ['pack']],
  ['MATCH_anyEPC=urn:epc:id:sgtin:4012345.011111.1', ['transform']],
  ['MATCH_anyEPC=urn:example:private:out-9', ['transform']],
  ['MATCH_anyEPC=urn:epc:idpat:sgtin:4012345.*.*', ['transform']],
  ['MATCH_epc=urn:epc:idpat:sgtin:4012345.*.*', []],
  ['MATCH_inputEPC=urn:epc:idpat:sgtin:4012345.011111.*', ['transform']],
  ['MATCH_parentID=urn:epc:idpat:sscc:0614141.*', ['pack']],
  ['MATCH_parentID=urn:epc:idpat:sscc:0614142.*', []],
  // A URN query finds a Digital Link capture, and the reverse; patterns find both.
  ['MATCH_epc=urn:epc:id:sgtin:0614141.107346.2018', ['receiveDl']],
  ['MATCH_epc=https://id.gs1.org/01/10614141073464/21/2017', ['shipUrn', 'pack', 'shipUrnError']],
  ['MATCH_epc=https://example.com/01/10614141073464/21/2017', ['shipUrn', 'pack', 'shipUrnError']],
  ['MATCH_epc=urn:epc:idpat:sgtin:0614141.107346.*', ['shipUrn', 'receiveDl', 'pack', 'shipUrnError']],
  ['MATCH_epc=urn:epc:idpat:sgtin:0614141.*.*', ['shipUrn', 'receiveDl', 'pack', 'shipUrnError']],
  ['MATCH_epcClass=urn:epc:idpat:sgtin:0614141.107346.*', ['pack']],
  ['MATCH_anyEPCClass=urn:epc:idpat:sgtin:0614141.107346.*', ['pack', 'transform']],
  ['MATCH_outputEPCClass=urn:example:class:x', ['transform']],
  // Private and custom URNs are accepted as they are.
  ['MATCH_epc=urn:acme:asset:7', ['pack', 'custom']],
  ['MATCH_epc=urn:x:my-item.1', ['custom']],
  ['eventType=ex:InspectionEvent', ['custom']],
  ['eventType=http://ns.example.com/epcis/InspectionEvent|AggregationEvent', ['pack', 'custom']],
  ['EQ_bizStep=ex:inspecting-ext', ['custom']],
  // CBV forms, persistent disposition, actions, times.
  ['EQ_bizStep=receiving|https://ref.gs1.org/cbv/BizStep-packing', ['receiveDl', 'pack']],
  ['EQ_disposition=in_progress', ['receiveDl']],
  ['EQ_persistentDisposition_set=damaged', ['receiveDl']],
  ['EQ_persistentDisposition_unset=urn:epcglobal:cbv:disp:active', ['receiveDl']],
  ['EQ_action=ADD', ['pack']],
  ['GE_eventTime=2024-03-02T10:00:00Z&LT_eventTime=2024-03-04T10:00:00Z', ['receiveDl', 'pack']],
  ['GE_recordTime=2024-04-05T00:00:00Z', ['shipUrnError', 'custom']],
  ['EQ_readPoint=https://id.gs1.org/414/0614141000012/254/7', ['shipUrn']],
  ['EQ_transformationID=urn:x:transformation:1', ['transform']],
  // Error declarations (both time spellings).
  ['EXISTS_errorDeclaration=true', ['shipUrnError']],
  ['EQ_errorReason=incorrect_data', ['shipUrnError']],
  ['EQ_correctiveEventID=urn:uuid:fix-1', ['shipUrnError']],
  ['GE_errorDeclarationTime=2024-03-05T00:00:00Z', ['shipUrnError']],
  ['LT_errorDeclaration_Time=2024-03-05T00:00:00Z', []],
  ['EQ_ERROR_DECLARATION_ex:by=auditor', ['shipUrnError']],
  // Quantities with and without units.
  ['EQ_quantity=500', ['pack']],
  ['GE_quantity=3', ['pack', 'transform']],
  ['EQ_quantity_KGM=0.5', ['pack']],
  ['GE_quantity_GRM=1000', ['transform']],
  ['LT_quantity_LBR=2', ['pack']],
  // Sensors, with unit conversion and type correlation.
  ['EXISTS_sensorElementList', ['shipUrn', 'receiveDl']],
  ['GE_value_CEL=8', ['shipUrn', 'receiveDl']],
  ['EQ_type=Temperature&GE_value_CEL=8', ['shipUrn']],
  ['EQ_type=Temperature&GE_value_FAH=40', ['shipUrn', 'receiveDl']],
  ['EQ_type=Temperature&EQ_value_FAH=40', ['receiveDl']],
  ['EQ_value_CEL=9.5', ['shipUrn']],
  ['EQ_type=ex:Pressure&GE_value_KPA=100', ['shipUrn']],
  ['EQ_type=Humidity&GE_value_P1=60', ['shipUrn']],
  ['LT_sDev_FAH=1', ['shipUrn']],
  ['EQ_deviceID=https://id.gs1.org/8004/4000001111', ['shipUrn']],
  ['EQ_booleanValue=true', ['receiveDl']],
  ['EQ_stringValue=ok&EQ_hexBinaryValue=FF', ['receiveDl']],
  ['GE_percRank=50', ['receiveDl']],
  ['GE_time=2024-03-01T09:30:00Z', ['shipUrn']],
  ['GE_startTime=2024-03-02T08:00:00Z&LT_endTime=2024-03-02T10:00:00Z', ['receiveDl']],
  ['EQ_SENSORMETADATA_ex:fw=1.2', ['shipUrn']],
  ['EQ_SENSORREPORT_ex:calibrated=true', ['shipUrn']],
  // Extension fields and scopes.
  ['EQ_ex:temp=12.5', ['shipUrn']],
  ['EQ_ex:temp=3|30', ['receiveDl', 'custom']],
  ['EQ_ex:temp=12.50', ['shipUrn']],
  ['EQ_ex:temp=3.0', ['receiveDl']],
  ['EQ_ex:shipped=2024-03-01T10:00:00%2B01:00', ['shipUrn']],
  ['GT_ex:temp=5', ['shipUrn', 'custom']],
  ['LE_ex:temp=12.5', ['shipUrn', 'receiveDl']],
  ['LT_ex:shipped=2024-03-01T09:00:01Z', ['shipUrn']],
  ['EXISTS_ex:note', ['shipUrn']],
  ['EQ_INNER_ex:inner=deep', ['shipUrn']],
  ['EQ_ex:inner=deep', []],
  ['GE_INNER_ex2:level=5', ['shipUrn']],
  ['EQ_ILMD_ex:lot=L1', ['transform']],
  ['GE_ILMD_ex:best=2024-12-31T00:00:00Z', ['transform']],
  ['EQ_INNER_ILMD_ex:grade=A', ['transform']],
  ['EXISTS_ILMD_ex:grade', []],
  ['EQ_readPoint_ex:dock=D1', ['shipUrn']],
  // Order, limits.
  // Equal eventTimes: the _id tie-breaker puts the error declaration (ed|...) before the event (ev|...).
  ['orderBy=eventTime&orderDirection=ASC&eventCountLimit=2', ['shipUrnError', 'shipUrn']],
  ['MATCH_epc=urn:epc:id:sgtin:0614141.107346.2017&orderBy=eventTime&eventCountLimit=1', ['pack']],
  ['EXISTS_ex:temp&orderBy=ex:temp&orderDirection=ASC', ['receiveDl', 'shipUrn', 'custom']],
  ['EXISTS_ex:temp&orderBy=ex:temp', ['custom', 'shipUrn', 'receiveDl']],
];
