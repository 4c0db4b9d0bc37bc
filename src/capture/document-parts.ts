/**
 * The parts of a captured document: its events and its master data (EPCIS 2.0 REST binding, POST /capture takes an
 * EPCISDocument or an EPCISQueryDocument; master data travels in epcisHeader.epcisMasterData.vocabularyList).
 */
import type { JsonObject, JsonValue, VocabularyElementRecord } from '../model/types';

export interface DocumentParts {
  events: JsonValue[];
  /** JSON pointer of the event list, for error locations. */
  eventListPointer: string;
  vocabulary: VocabularyElementRecord[];
}

const asObject = (value: JsonValue | undefined): JsonObject | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
const asArray = (value: JsonValue | undefined): JsonValue[] => (Array.isArray(value) ? value : []);

export function documentParts(document: JsonObject): DocumentParts {
  const body = asObject(document['epcisBody']);
  const queryResults = asObject(body?.['queryResults']);
  const isQueryDocument = document['type'] === 'EPCISQueryDocument';
  const resultsBody = asObject(queryResults?.['resultsBody']);
  const events = isQueryDocument ? asArray(resultsBody?.['eventList']) : asArray(body?.['eventList']);
  const eventListPointer = isQueryDocument ? '/epcisBody/queryResults/resultsBody/eventList' : '/epcisBody/eventList';

  const header = asObject(document['epcisHeader']);
  const masterData = asObject(header?.['epcisMasterData']);
  const vocabularyLists = [
    ...asArray(masterData?.['vocabularyList']),
    ...(isQueryDocument ? asArray(resultsBody?.['vocabularyList']) : []),
  ];
  const vocabulary: VocabularyElementRecord[] = [];
  for (const list of vocabularyLists.map(asObject)) {
    const type = list?.['type'];
    if (typeof type !== 'string') continue;
    for (const element of asArray(list?.['vocabularyElementList']).map(asObject)) {
      const id = element?.['id'];
      if (typeof id !== 'string') continue;
      vocabulary.push({
        type,
        id,
        attributes: asArray(element?.['attributes'])
          .map(asObject)
          .filter((a): a is JsonObject => typeof a?.['id'] === 'string')
          .map((a) => ({ id: a['id'] as string, attribute: a['attribute'] ?? null })),
        children: asArray(element?.['children']).filter((c): c is string => typeof c === 'string'),
      });
    }
  }
  return { events, eventListPointer, vocabulary };
}
