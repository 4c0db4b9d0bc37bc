/**
 * The `GS1-Extensions` request header: namespace prefix declarations for CURIEs in query parameter names and
 * values. Both syntaxes are accepted (EPCIS-DIGEST §a "GS1 headers"): the OpenAPI `style: simple, explode: true`
 * form `p=uri,p2=uri2` and the spec §12.3 form `"p":"uri"` (optionally wrapped in braces).
 */
import { queryParameterError } from '../../errors/epcis-errors';
import { setOwn } from '../namespaces';

const PREFIX = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const QUOTED = /^"([^"]*)"\s*:\s*"([^"]*)"$/;
const PLAIN = /^([^=\s]+)\s*=\s*(\S+)$/;

export function parseGs1ExtensionsHeader(value: string): Record<string, string> {
  let text = value.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
  const out: Record<string, string> = {};
  if (text === '') return out;
  for (const item of text.split(',')) {
    const entry = item.trim();
    const match = QUOTED.exec(entry) ?? PLAIN.exec(entry);
    const prefix = match?.[1];
    const iri = match?.[2];
    if (
      prefix === undefined ||
      iri === undefined ||
      !PREFIX.test(prefix) ||
      !/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(iri)
    ) {
      throw queryParameterError(`GS1-Extensions: cannot read "${entry}" (expected prefix=IRI or "prefix":"IRI")`);
    }
    if (Object.hasOwn(out, prefix) && out[prefix] !== iri) {
      throw queryParameterError(`GS1-Extensions: prefix ${prefix} is declared twice`);
    }
    setOwn(out, prefix, iri);
  }
  return out;
}
