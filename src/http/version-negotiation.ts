/**
 * EPCIS/CBV version negotiation (EPCIS 2.0 REST binding; EPCIS-DIGEST §c "Version negotiation"): a client states
 * the range it accepts with GS1-EPCIS-Min/Max and GS1-CBV-Min/Max (or the version it sends with
 * GS1-EPCIS-Version/GS1-CBV-Version); a range the server cannot meet is 406 NotAcceptableException.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { EpcisError } from '../errors/epcis-errors';
import { CBV_VERSION, EPCIS_VERSION } from './gs1-headers';

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

const VERSION = /^\d+(\.\d+)*$/;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function checkRange(headers: IncomingHttpHeaders, family: 'EPCIS' | 'CBV', supported: string): void {
  const min = header(headers, `GS1-${family}-Min`);
  const max = header(headers, `GS1-${family}-Max`);
  const sent = header(headers, `GS1-${family}-Version`);
  for (const [name, value] of [
    [`GS1-${family}-Min`, min],
    [`GS1-${family}-Max`, max],
    [`GS1-${family}-Version`, sent],
  ] as const) {
    if (value !== undefined && !VERSION.test(value.trim()))
      throw new EpcisError('NotAcceptableException', `${name} must be a version such as 2.0.0, not "${value}".`);
  }
  // The server implements the 2.x family; a client asking for at least 2.0 or at most 2.x is served.
  if (min !== undefined && compareVersions(min.trim(), supported) > 0)
    throw new EpcisError('NotAcceptableException', `GS1-${family}-Min ${min} is above the supported ${supported}.`);
  if (max !== undefined && compareVersions(max.trim(), '2') < 0)
    throw new EpcisError('NotAcceptableException', `GS1-${family}-Max ${max} is below the supported ${supported}.`);
  if (sent !== undefined && compareVersions(sent.trim(), '2') < 0)
    throw new EpcisError(
      'NotAcceptableException',
      `GS1-${family}-Version ${sent} is not supported; this is ${supported}.`,
    );
}

export function checkVersionHeaders(headers: IncomingHttpHeaders): void {
  checkRange(headers, 'EPCIS', EPCIS_VERSION);
  checkRange(headers, 'CBV', CBV_VERSION);
}
