import { hostname } from 'node:os';

/**
 * Server configuration, read from the environment by the entry point only (DESIGN.md "Configuration").
 * Every setting has a default; the README lists them all.
 */
export interface AppConfig {
  port: number;
  host: string;
  /** MongoDB connection string; unset means the embedded store. */
  mongodbUri: string | undefined;
  /** Database name used in MongoDB. */
  mongodbDatabase: string;
  /** Embedded store directory. */
  dataDir: string;
  capture: {
    /** GS1-EPCIS-Capture-Limit: maximum events per capture call (EPCIS 2.0 REST binding, OPTIONS /capture). */
    maxEvents: number;
    /** GS1-EPCIS-Capture-File-Size-Limit: maximum capture document length in octets. */
    maxBytes: number;
    /** Maximum nesting depth of a JSON document (MongoDB stores at most 100 levels; jsonld overflows near 870). */
    maxDepth: number;
    /** Validate XML captures against the project's XSDs (schemas/xsd) before accepting them. */
    xmlSchemaValidation: boolean;
    /**
     * JSON capture bodies from this many octets up have their events validated in a worker thread, in parallel with
     * the rest of the capture (capture/event-check-pool.ts); null: never.
     */
    validationWorkerMinBytes: number | null;
  };
  query: {
    /** Default and maximum `perPage` (EPCIS 2.0 REST binding: default 30; a server cap is allowed). */
    defaultPerPage: number;
    maxPerPage: number;
    /** Time budget of one read (MongoDB maxTimeMS). */
    maxTimeMS: number;
    /** Lifetime of a nextPageToken, advertised in GS1-Next-Page-Token-Expires. */
    pageTokenTtlSeconds: number;
  };
  /** Secret that signs nextPageTokens; set it to the same value on every instance behind a load balancer. */
  pageTokenSecret: string;
  /** Longest request URI accepted before 414 URITooLongException. */
  maxUriLength: number;
  /** GS1 Company Prefixes known to this server (their length is what matters), for Digital Link -> EPC URN. */
  companyPrefixes: string[];
  /**
   * Least time between two reloads of the learned company prefix lengths that lookup misses start (instances
   * sharing one MongoDB learn from each other this way); 0 reloads on every miss.
   */
  companyPrefixRefreshMs: number;
  logLevel: string;
  /**
   * Identity of this server instance among those sharing one MongoDB: a restarted instance with the same id
   * recovers its own interrupted captures at once; others' are recovered when their lease expires.
   */
  instanceId: string;
}

const int = (env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: int(env, 'PORT', 8080, 0),
    host: env['HOST'] || '0.0.0.0',
    mongodbUri: env['MONGODB_URI'] || undefined,
    mongodbDatabase: env['MONGODB_DATABASE'] || 'epcis',
    dataDir: env['EPCIS_DATA_DIR'] || './data',
    capture: {
      maxEvents: int(env, 'EPCIS_CAPTURE_MAX_EVENTS', 10_000),
      maxBytes: int(env, 'EPCIS_CAPTURE_MAX_BYTES', 20 * 1024 * 1024),
      maxDepth: int(env, 'EPCIS_MAX_DEPTH', 64),
      xmlSchemaValidation: (env['EPCIS_XML_SCHEMA_VALIDATION'] ?? 'true').toLowerCase() !== 'false',
      validationWorkerMinBytes:
        (env['EPCIS_VALIDATION_WORKER_MIN_BYTES'] ?? '').toLowerCase() === 'off'
          ? null
          : int(env, 'EPCIS_VALIDATION_WORKER_MIN_BYTES', 256 * 1024, 0),
    },
    query: {
      defaultPerPage: int(env, 'EPCIS_DEFAULT_PER_PAGE', 30),
      maxPerPage: int(env, 'EPCIS_MAX_PER_PAGE', 1000),
      maxTimeMS: int(env, 'EPCIS_QUERY_MAX_TIME_MS', 10_000),
      pageTokenTtlSeconds: int(env, 'EPCIS_PAGE_TOKEN_TTL_SECONDS', 3600),
    },
    pageTokenSecret: env['EPCIS_PAGE_TOKEN_SECRET'] || 'change-me: EPCIS_PAGE_TOKEN_SECRET is not set',
    maxUriLength: int(env, 'EPCIS_MAX_URI_LENGTH', 8192),
    companyPrefixes: (env['EPCIS_COMPANY_PREFIXES'] ?? '')
      .split(',')
      .map((prefix) => prefix.trim())
      .filter((prefix) => {
        if (prefix === '') return false;
        if (!/^\d{6,12}$/.test(prefix))
          throw new Error(`EPCIS_COMPANY_PREFIXES: "${prefix}" is not a GS1 Company Prefix`);
        return true;
      }),
    companyPrefixRefreshMs: int(env, 'EPCIS_PREFIX_REFRESH_MS', 5000, 0),
    logLevel: env['LOG_LEVEL'] || 'info',
    instanceId: env['EPCIS_INSTANCE_ID'] || `${hostname()}:${env['PORT'] || '8080'}`,
  };
}

/** A configuration for tests and embedding: defaults, with overrides. */
export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...readConfig({}), ...overrides };
}
