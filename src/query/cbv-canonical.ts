/**
 * One canonical form for CBV-typed values, used on both sides of a comparison: the bare word for a standard
 * value written as bare word, URN or Web URI (EPCIS-DIGEST §a "Accept bare word, URN and Web URI", CBV 2.0 §7–§8),
 * the expanded IRI for a custom CURIE, otherwise the value unchanged.
 */
import { CBV_VOCABULARIES, type CbvVocabularyName } from '../cbv/vocabulary';
import { expandCurie } from './namespaces';

const WORD_SETS = Object.fromEntries(
  Object.entries(CBV_VOCABULARIES).map(([name, v]) => [name, new Set<string>(v.words)]),
) as Record<CbvVocabularyName, Set<string>>;

export function canonicalCbv(
  vocabulary: CbvVocabularyName,
  value: string,
  namespaces: Readonly<Record<string, string>>,
): string {
  const words = WORD_SETS[vocabulary];
  if (words.has(value)) return value;
  const { urn, web } = CBV_VOCABULARIES[vocabulary];
  const expanded = expandCurie(value, namespaces);
  for (const prefix of [urn, web]) {
    if (expanded.startsWith(prefix) && words.has(expanded.slice(prefix.length))) return expanded.slice(prefix.length);
  }
  return expanded;
}

const GS1_VOC = 'https://gs1.org/voc/';

/** Sensor measurement types (EPCIS 2.0 §7.3.8.x, gs1:MeasurementType): bare word for gs1 types, else the IRI. */
export function canonicalMeasurementType(value: string, namespaces: Readonly<Record<string, string>>): string {
  const expanded = expandCurie(value, namespaces);
  return expanded.startsWith(GS1_VOC) ? expanded.slice(GS1_VOC.length) : expanded;
}
