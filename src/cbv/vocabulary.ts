/**
 * CBV 2.0 standard vocabularies: the bare words used in EPCIS 2.0 JSON, with the URN prefix used in XML and the
 * Web URI prefix (EPCIS-DIGEST §e "CBV vocabularies in JSON", §f rule 6; CBV 2.0 §7–§8).
 */
export const BIZ_STEPS = [
  'accepting',
  'arriving',
  'assembling',
  'collecting',
  'commissioning',
  'consigning',
  'creating_class_instance',
  'cycle_counting',
  'decommissioning',
  'departing',
  'destroying',
  'disassembling',
  'dispensing',
  'encoding',
  'entering_exiting',
  'holding',
  'inspecting',
  'installing',
  'killing',
  'loading',
  'other',
  'packing',
  'picking',
  'receiving',
  'removing',
  'repackaging',
  'repairing',
  'replacing',
  'reserving',
  'retail_selling',
  'sampling',
  'sensor_reporting',
  'shipping',
  'staging_outbound',
  'stock_taking',
  'stocking',
  'storing',
  'transporting',
  'unloading',
  'unpacking',
  'void_shipping',
] as const;

export const DISPOSITIONS = [
  'active',
  'available',
  'completeness_inferred',
  'completeness_verified',
  'conformant',
  'container_closed',
  'container_open',
  'damaged',
  'destroyed',
  'dispensed',
  'disposed',
  'encoded',
  'expired',
  'in_progress',
  'in_transit',
  'inactive',
  'mismatch_class',
  'mismatch_instance',
  'mismatch_quantity',
  'needs_replacement',
  'no_pedigree_match',
  'non_conformant',
  'non_sellable_other',
  'partially_dispensed',
  'recalled',
  'reserved',
  'retail_sold',
  'returned',
  'sellable_accessible',
  'sellable_not_accessible',
  'stolen',
  'unavailable',
  'unknown',
] as const;

export const BIZ_TRANSACTION_TYPES = [
  'bol',
  'cert',
  'desadv',
  'inv',
  'pedigree',
  'po',
  'poc',
  'prodorder',
  'recadv',
  'rma',
  'testprd',
  'testres',
  'upevt',
] as const;

export const SOURCE_DESTINATION_TYPES = ['owning_party', 'possessing_party', 'location'] as const;

export const ERROR_REASONS = ['did_not_occur', 'incorrect_data'] as const;

export const COMPONENTS = [
  'x',
  'y',
  'z',
  'axial_distance',
  'azimuth',
  'height',
  'spherical_radius',
  'polar_angle',
  'elevation_angle',
  'easting',
  'northing',
  'latitude',
  'longitude',
  'altitude',
] as const;

export const SENSOR_ALERT_TYPES = ['ALARM_CONDITION', 'ERROR_CONDITION'] as const;

export const EVENT_TYPES = [
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
] as const;

export const ACTIONS = ['ADD', 'OBSERVE', 'DELETE'] as const;

/** For each CBV vocabulary: its bare words, XML URN prefix and Web URI prefix (CBV 2.0, EPCIS-DIGEST §f rule 6). */
export const CBV_VOCABULARIES = {
  bizStep: { words: BIZ_STEPS, urn: 'urn:epcglobal:cbv:bizstep:', web: 'https://ref.gs1.org/cbv/BizStep-' },
  disposition: { words: DISPOSITIONS, urn: 'urn:epcglobal:cbv:disp:', web: 'https://ref.gs1.org/cbv/Disp-' },
  bizTransactionType: {
    words: BIZ_TRANSACTION_TYPES,
    urn: 'urn:epcglobal:cbv:btt:',
    web: 'https://ref.gs1.org/cbv/BTT-',
  },
  sourceDestType: {
    words: SOURCE_DESTINATION_TYPES,
    urn: 'urn:epcglobal:cbv:sdt:',
    web: 'https://ref.gs1.org/cbv/SDT-',
  },
  errorReason: { words: ERROR_REASONS, urn: 'urn:epcglobal:cbv:er:', web: 'https://ref.gs1.org/cbv/ER-' },
  component: { words: COMPONENTS, urn: 'urn:epcglobal:cbv:comp:', web: 'https://ref.gs1.org/cbv/Comp-' },
} as const;

export type CbvVocabularyName = keyof typeof CBV_VOCABULARIES;
