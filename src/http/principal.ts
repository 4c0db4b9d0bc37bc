/**
 * Who is calling. Every stored event and capture job records it, so that access control (EPCIS 2.0 §8.2.2) can be
 * added without migrating data. Until authentication exists every caller is `anonymous`.
 */
import type { Request } from 'express';

export const ANONYMOUS = 'anonymous';

export const principalOf = (_req: Request): string => ANONYMOUS;
