/**
 * CBV value forms (EPCIS-DIGEST §f rule 6; CBV 2.0 §7-§8): every standard value has three spellings, the bare
 * word of EPCIS 2.0 JSON (`shipping`), the URN of XML (`urn:epcglobal:cbv:bizstep:shipping`) and the Web URI
 * (`https://ref.gs1.org/cbv/BizStep-shipping`). Measurement types and sensor alert types have no URN: their XML
 * form is the CURIE `gs1:Temperature` and their Web URI `https://gs1.org/voc/Temperature`. Values that are not
 * standard words (custom URIs, unknown words) pass through every conversion unchanged.
 */
import { CBV_VOCABULARIES, SENSOR_ALERT_TYPES } from './vocabulary';
import { MEASUREMENT_TYPES } from './measurement-types';

interface ValueForms {
  readonly words: ReadonlySet<string>;
  /** Prefix of the XML form (URN, or `gs1:` CURIE for GS1 Web Vocabulary terms). */
  readonly urn: string;
  readonly web: string;
  /** Other prefixes accepted on input (CURIEs, the 2.0.1 `ref.gs1.org/voc` base). */
  readonly alt: readonly string[];
}

const GS1_VOC = 'https://gs1.org/voc/';
const GS1_VOC_ALT = ['gs1:', 'https://ref.gs1.org/voc/', 'http://gs1.org/voc/'];

const fromCbv = (name: keyof typeof CBV_VOCABULARIES, alt: readonly string[] = []): ValueForms => {
  const v = CBV_VOCABULARIES[name];
  return { words: new Set<string>(v.words), urn: v.urn, web: v.web, alt };
};

export const CBV_VALUE_FORMS = {
  bizStep: fromCbv('bizStep', ['cbv:BizStep-']),
  disposition: fromCbv('disposition', ['cbv:Disp-']),
  bizTransactionType: fromCbv('bizTransactionType', ['cbv:BTT-']),
  sourceDestType: fromCbv('sourceDestType', ['cbv:SDT-']),
  errorReason: fromCbv('errorReason', ['cbv:ER-']),
  component: fromCbv('component', ['cbv:Comp-']),
  measurementType: { words: new Set<string>(MEASUREMENT_TYPES), urn: 'gs1:', web: GS1_VOC, alt: GS1_VOC_ALT },
  sensorAlertType: { words: new Set<string>(SENSOR_ALERT_TYPES), urn: 'gs1:', web: GS1_VOC, alt: GS1_VOC_ALT },
} as const satisfies Record<string, ValueForms>;

export type CbvValueVocabulary = keyof typeof CBV_VALUE_FORMS;

/** The bare word of a standard value in any of its forms, or undefined when it is not a standard value. */
export function cbvWord(vocabulary: CbvValueVocabulary, value: string): string | undefined {
  const forms: ValueForms = CBV_VALUE_FORMS[vocabulary];
  if (forms.words.has(value)) return value;
  for (const prefix of [forms.urn, forms.web, ...forms.alt]) {
    if (value.startsWith(prefix)) return wordStrings(forms).get(value.slice(prefix.length));
  }
  return undefined;
}

const WORD_STRINGS = new WeakMap<ValueForms, Map<string, string>>();

/**
 * The vocabulary's words by themselves: a word cut from a URN is a new string each time, while the table's own
 * string is shared by every event that uses the word.
 */
function wordStrings(forms: ValueForms): Map<string, string> {
  let words = WORD_STRINGS.get(forms);
  if (!words) WORD_STRINGS.set(forms, (words = new Map([...forms.words].map((word) => [word, word]))));
  return words;
}

/** Bare word (EPCIS 2.0 JSON form); non-standard values unchanged. */
export function toBareWord(vocabulary: CbvValueVocabulary, value: string): string {
  return cbvWord(vocabulary, value) ?? value;
}

/** URN (XML form; `gs1:` CURIE for measurement and alert types); non-standard values unchanged. */
export function toCbvUrn(vocabulary: CbvValueVocabulary, value: string): string {
  const word = cbvWord(vocabulary, value);
  return word === undefined ? value : CBV_VALUE_FORMS[vocabulary].urn + word;
}

/** Web URI (`https://ref.gs1.org/cbv/...`, `https://gs1.org/voc/...`); non-standard values unchanged. */
export function toCbvWebUri(vocabulary: CbvValueVocabulary, value: string): string {
  const word = cbvWord(vocabulary, value);
  return word === undefined ? value : CBV_VALUE_FORMS[vocabulary].web + word;
}

export type CbvForm = 'bare' | 'urn' | 'web';

/** Converts to the requested form (`GS1-CBV-XML-Format`: Always_URN -> 'urn', Always_Web_URI -> 'web'). */
export function convertCbvValue(vocabulary: CbvValueVocabulary, value: string, form: CbvForm): string {
  if (form === 'bare') return toBareWord(vocabulary, value);
  return form === 'urn' ? toCbvUrn(vocabulary, value) : toCbvWebUri(vocabulary, value);
}
