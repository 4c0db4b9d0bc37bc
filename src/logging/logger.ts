import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout (pino). `silent` turns logging off, as the tests do. */
export const createLogger = (level: string): Logger => pino({ level, base: { service: 'epcis' } });
