/**
 * The EPCIS JSON-LD context documents this server knows, by URL (EPCIS-DIGEST §e "JSON-LD context": the server is
 * offline, so every accepted context URL is served from `schemas/contexts/`). They differ only in two facts:
 * - the `gs1` prefix: `https://gs1.org/voc/` up to 2.0.0, `https://ref.gs1.org/voc/` from 2.0.1 (shared:gs1/SOURCE.md);
 * - the datatype of `quantity`: `xsd:double` in the ratified documents, `xsd:decimal` in the gs1.github.io copy;
 * and the older "simple" context (gs1.github.io), which is built differently (context-builder-simple.ts).
 */
export interface EpcisContextVariant {
  /** File name under `schemas/contexts/`. */
  readonly file: string;
  readonly gs1Namespace: string;
  readonly quantityType: 'xsd:double' | 'xsd:decimal';
  /** `full`: one term per CBV word (the normative context); `simple`: the older `@vocab`-based context. */
  readonly style: 'full' | 'simple';
}

const GS1_VOC_2_0_0 = 'https://gs1.org/voc/';
const GS1_VOC_2_0_1 = 'https://ref.gs1.org/voc/';

export const EPCIS_CONTEXT_2_0_0 = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
export const EPCIS_CONTEXT_2_0_1 = 'https://ref.gs1.org/standards/epcis/2.0.1/epcis-context.jsonld';
export const EPCIS_CONTEXT_CURRENT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';
export const EPCIS_CONTEXT_GITHUB = 'https://gs1.github.io/EPCIS/epcis-context.jsonld';
export const EPCIS_CONTEXT_SIMPLE = 'https://gs1.github.io/EPCIS/epcis-context-simple.jsonld';

export const EPCIS_CONTEXT_VARIANTS: Readonly<Record<string, EpcisContextVariant>> = {
  [EPCIS_CONTEXT_2_0_0]: {
    file: 'epcis-context-2.0.0.jsonld',
    gs1Namespace: GS1_VOC_2_0_0,
    quantityType: 'xsd:double',
    style: 'full',
  },
  [EPCIS_CONTEXT_GITHUB]: {
    file: 'epcis-context-gs1-github.jsonld',
    gs1Namespace: GS1_VOC_2_0_0,
    quantityType: 'xsd:decimal',
    style: 'full',
  },
  [EPCIS_CONTEXT_2_0_1]: {
    file: 'epcis-context-2.0.1.jsonld',
    gs1Namespace: GS1_VOC_2_0_1,
    quantityType: 'xsd:double',
    style: 'full',
  },
  // The unversioned URL serves the current release, 2.0.1.
  [EPCIS_CONTEXT_CURRENT]: {
    file: 'epcis-context-current.jsonld',
    gs1Namespace: GS1_VOC_2_0_1,
    quantityType: 'xsd:double',
    style: 'full',
  },
  [EPCIS_CONTEXT_SIMPLE]: {
    file: 'epcis-context-simple.jsonld',
    gs1Namespace: GS1_VOC_2_0_0,
    quantityType: 'xsd:decimal',
    style: 'simple',
  },
};

/** The context URLs a document may reference. Anything else is refused (SECURITY-AND-PERFORMANCE-NOTES 1.2.7). */
export const KNOWN_CONTEXT_URLS: readonly string[] = Object.keys(EPCIS_CONTEXT_VARIANTS);

export const isKnownContextUrl = (url: string): boolean => Object.hasOwn(EPCIS_CONTEXT_VARIANTS, url);
