/** Shared test helpers for the query unit tests: a canonicalEpc stand-in and a query-string reader. */
import { parseQuery } from '../../../src/query/params/parse-query';
import type { EpcisQuery } from '../../../src/query/params/query-types';

/** A few fixed URN <-> canonical Digital Link pairs (the real canonicalEpc lives in src/identifiers). */
const PAIRS: [string, string][] = [
  ['urn:epc:id:sgtin:0614141.107346.2017', 'https://id.gs1.org/01/10614141073464/21/2017'],
  ['urn:epc:id:sgtin:0614141.107346.2018', 'https://id.gs1.org/01/10614141073464/21/2018'],
  ['urn:epc:id:sgtin:4012345.011111.1', 'https://id.gs1.org/01/04012345111118/21/1'],
  ['urn:epc:idpat:sgtin:0614141.107346.*', 'https://id.gs1.org/01/10614141073464'],
  ['urn:epc:class:lgtin:0614141.107346.LOT1', 'https://id.gs1.org/01/10614141073464/10/LOT1'],
  ['urn:epc:id:sscc:0614141.1234567890', 'https://id.gs1.org/00/106141412345678908'],
  ['urn:epc:id:sgln:0614141.00000.0', 'https://id.gs1.org/414/0614141000005'],
  ['urn:epc:id:sgln:0614141.00002.0', 'https://id.gs1.org/414/0614141000029'],
  ['urn:epc:id:sgln:0614141.00001.0', 'https://id.gs1.org/414/0614141000012'],
  ['urn:epc:id:sgln:0614141.00001.7', 'https://id.gs1.org/414/0614141000012/254/7'],
  ['urn:epc:id:giai:4000001.111', 'https://id.gs1.org/8004/4000001111'],
];
const TO_DL = new Map(PAIRS);
const DLS = new Set(PAIRS.map(([, dl]) => dl));

export function canonicalEpc(uri: string): string {
  const dl = TO_DL.get(uri);
  if (dl !== undefined) return dl;
  // A Digital Link on another domain has the same canonical form (GS1 DL 1.2 §4).
  const other = /^https:\/\/[^/]+\/(01|00|414|8004)\/(.*)$/.exec(uri);
  if (other !== null && DLS.has(`https://id.gs1.org/${other[1]}/${other[2]}`)) {
    return `https://id.gs1.org/${other[1]}/${other[2]}`;
  }
  return uri;
}

export const NAMESPACES = { ex: 'http://ns.example.com/epcis/', ex2: 'https://example.org/ext#' };

/** Reads a query string as the HTTP layer will: one string per name, an array when a name repeats. */
export function params(queryString: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(queryString)) {
    const previous = out[name];
    out[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return out;
}

export const parseUrl = (queryString: string): EpcisQuery =>
  parseQuery({ params: params(queryString) }, { namespaces: NAMESPACES });
