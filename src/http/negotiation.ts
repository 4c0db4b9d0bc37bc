/**
 * Content negotiation (EPCIS 2.0 REST binding; EPCIS-DIGEST §c "Content negotiation"): the response format follows
 * the `Accept` header's media ranges and q-values; a format the server cannot serve is 406 NotAcceptableException.
 */
import { EpcisError } from '../errors/epcis-errors';

export type ResponseFormat = 'json' | 'xml';

interface MediaRange {
  type: string;
  q: number;
  order: number;
}

const FORMAT_OF: Record<string, ResponseFormat> = {
  'application/json': 'json',
  'application/ld+json': 'json',
  'application/problem+json': 'json',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/problem+xml': 'xml',
};

export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header || !header.trim()) return [{ type: '*/*', q: 1, order: 0 }];
  return header
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const qParam = params.find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { type, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0, order };
    })
    .filter((range) => range.type !== '' && range.q > 0);
}

const matches = (range: string, type: string): boolean =>
  range === '*/*' || range === type || (range.endsWith('/*') && type.startsWith(range.slice(0, -1)));

/**
 * The best of `offered` formats for the Accept header, or a 406. Ties go to the client's order, then to the
 * server's order of `offered` (JSON first).
 */
export function negotiate(acceptHeader: string | undefined, offered: readonly ResponseFormat[]): ResponseFormat {
  const ranges = parseAccept(acceptHeader);
  let best: { format: ResponseFormat; q: number; specific: number; order: number; rank: number } | undefined;
  offered.forEach((format, rank) => {
    for (const [type, f] of Object.entries(FORMAT_OF)) {
      if (f !== format) continue;
      for (const range of ranges) {
        if (!matches(range.type, type)) continue;
        const specific = range.type === '*/*' ? 0 : range.type.endsWith('/*') ? 1 : 2;
        const candidate = { format, q: range.q, specific, order: range.order, rank };
        if (
          !best ||
          candidate.q > best.q ||
          (candidate.q === best.q && candidate.specific > best.specific) ||
          (candidate.q === best.q && candidate.specific === best.specific && candidate.order < best.order) ||
          (candidate.q === best.q &&
            candidate.specific === best.specific &&
            candidate.order === best.order &&
            candidate.rank < best.rank)
        )
          best = candidate;
      }
    }
  });
  if (!best)
    throw new EpcisError(
      'NotAcceptableException',
      `None of the media types in Accept (${acceptHeader}) can be served here; offered: ${offered
        .map((f) => (f === 'json' ? 'application/json, application/ld+json' : 'application/xml'))
        .join(', ')}.`,
    );
  return best.format;
}
