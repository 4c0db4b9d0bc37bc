/**
 * CBV value forms in XML (EPCIS-DIGEST §f rule 6): XML carries CBV URNs (or Web URIs), JSON bare words.
 *
 * Known overlap: src/cbv/cbv-values.ts converts the same forms for the hash and the query modules (the two were
 * written in parallel); they are to be merged into that one module.
 */
import { MEASUREMENT_TYPES } from '../../cbv/measurement-types';
import {
  CBV_VOCABULARIES,
  type CbvVocabularyName,
  SENSOR_ALERT_TYPES as SENSOR_ALERT_TERMS,
} from '../../cbv/vocabulary';

/** `GS1-CBV-XML-Format` header values (EPCIS 2.0 REST binding). */
export const CBV_XML_FORMATS = ['Always_URN', 'Always_Web_URI', 'No_Preference', 'Never_Translates'] as const;
export type CbvXmlFormat = (typeof CBV_XML_FORMATS)[number];

/** The short CURIE prefix of the CBV Web URIs (`cbv:Comp-x`, used by GS1 examples in XML attribute values). */
const CBV_CURIE = 'cbv:';
const CBV_WEB_BASE = 'https://ref.gs1.org/cbv/';

/** GS1 vocabulary (measurement types, sensor alert types): `gs1:X` in examples; 2.0.0 and 2.0.1 base URIs. */
const GS1_VOC_BASES = ['https://gs1.org/voc/', 'https://ref.gs1.org/voc/', 'gs1:'] as const;
const GS1_VOC_WEB = 'https://gs1.org/voc/';
const GS1_TERMS = new Set<string>([...MEASUREMENT_TYPES, ...SENSOR_ALERT_TERMS]);

const wordSets = new Map<CbvVocabularyName, Set<string>>(
  (Object.keys(CBV_VOCABULARIES) as CbvVocabularyName[]).map((k) => [k, new Set<string>(CBV_VOCABULARIES[k].words)]),
);

/** XML value -> JSON form: a CBV URN, Web URI or `cbv:` CURIE of a known word becomes the bare word. */
export function cbvToBare(vocab: CbvVocabularyName, value: string): string {
  const v = CBV_VOCABULARIES[vocab];
  const words = wordSets.get(vocab)!;
  const webCurie = CBV_CURIE + v.web.slice(CBV_WEB_BASE.length);
  for (const prefix of [v.urn, v.web, webCurie]) {
    if (value.startsWith(prefix)) {
      const word = value.slice(prefix.length);
      if (words.has(word)) return word;
    }
  }
  return value;
}

/** JSON value -> XML form for the requested `GS1-CBV-XML-Format` (No_Preference and Never_Translates use URNs). */
export function cbvFromBare(vocab: CbvVocabularyName, value: string, format: CbvXmlFormat): string {
  const v = CBV_VOCABULARIES[vocab];
  const bare = cbvToBare(vocab, value);
  if (!wordSets.get(vocab)!.has(bare)) return value;
  if (format === 'Never_Translates' && bare !== value) return value;
  return (format === 'Always_Web_URI' ? v.web : v.urn) + bare;
}

/**
 * Measurement type / sensor alert type: `gs1:Temperature` or its Web URI -> `Temperature`. A term that is not
 * in the GS1 lists (e.g. `gs1:EffectiveDoseRate` in a GS1 example) stays as written: a bare unknown word would
 * not be a valid JSON value.
 */
export function gs1VocToBare(value: string): string {
  for (const base of GS1_VOC_BASES) {
    if (value.startsWith(base)) {
      const term = value.slice(base.length);
      if (GS1_TERMS.has(term)) return term;
    }
  }
  return value;
}

/** Bare measurement type -> `gs1:Temperature` (as in the GS1 XML examples) or the Web URI. */
export function gs1VocFromBare(value: string, format: CbvXmlFormat): string {
  const bare = gs1VocToBare(value);
  if (!GS1_TERMS.has(bare) || (format === 'Never_Translates' && bare !== value)) return value;
  return (format === 'Always_Web_URI' ? GS1_VOC_WEB : 'gs1:') + bare;
}
