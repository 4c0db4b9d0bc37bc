/** The validation layer's public API (EPCIS 2.0 JSON documents and events). */
export { createEpcisValidator } from './epcis-validator';
export type { EpcisValidator, EventLocation, EventValidationOptions } from './epcis-validator';
export { MAX_NESTING_DEPTH } from './nesting-depth';
