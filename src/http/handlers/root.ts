/** GET / (EPCIS 2.0 REST binding, TopLevelResourceCollection): the top-level resources this server offers. */
import type { Request, Response } from 'express';
import { EPCIS_CONTEXT_URL } from '../../formats/jsonld/query-document';
import { setVersionHeaders } from '../gs1-headers';
import { negotiate } from '../negotiation';
import type { Services } from '../services';

export const rootHandler =
  (members: string[]) =>
  async (req: Request, res: Response, _services: Services): Promise<void> => {
    negotiate(req.headers.accept, ['json']);
    setVersionHeaders(res);
    res.json({ '@context': EPCIS_CONTEXT_URL, type: 'Collection', member: members });
  };
