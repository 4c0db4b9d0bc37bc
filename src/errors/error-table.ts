/**
 * THE table mapping each GS1 exception name to its HTTP status and RFC 7807 title
 * (EPCIS 2.0 REST binding, openapi.yaml components/responses; EPCIS-DIGEST §c "Error model").
 * The RFC 7807 `type` is always `epcisException:<Name>`.
 */
export const EXCEPTIONS = {
  ValidationException: { status: 400, title: 'The request is not a valid EPCIS document or event' },
  QueryParameterException: { status: 400, title: 'Invalid query parameter' },
  QueryValidationException: { status: 400, title: 'Invalid query' },
  SubscriptionControlsException: { status: 400, title: 'Invalid subscription controls' },
  SecurityException: { status: 401, title: 'Unauthorised request' },
  ForbiddenException: { status: 403, title: 'Access to resource forbidden' },
  NoSuchResourceException: { status: 404, title: 'Resource not found' },
  NoSuchNameException: { status: 404, title: 'No such name' },
  NoSuchSubscriptionException: { status: 404, title: 'No such subscription' },
  MethodNotAllowedException: { status: 405, title: 'Method not allowed on this resource' },
  NotAcceptableException: { status: 406, title: 'The requested response format cannot be served' },
  ResourceAlreadyExistsException: { status: 409, title: 'A resource with the provided identifier already exists' },
  DuplicateSubscriptionException: { status: 409, title: 'Duplicate subscription' },
  CaptureLimitExceededException: { status: 413, title: 'Capture payload exceeds the server limits' },
  QueryTooLargeException: { status: 413, title: 'The query result is too large' },
  QueryTooComplexException: { status: 413, title: 'The query is too complex to execute' },
  URITooLongException: { status: 414, title: 'The request URI is too long' },
  UnsupportedMediaTypeException: { status: 415, title: 'Unsupported request media type' },
  ImplementationException: { status: 500, title: 'Internal server error' },
  NotImplementedException: { status: 501, title: 'Functionality not supported by server' },
  ServiceUnavailableException: { status: 503, title: 'The server is shutting down or not ready' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ExceptionName = keyof typeof EXCEPTIONS;

/** The RFC 7807 `type` URI of an exception (EPCIS 2.0 REST binding writes `epcisException:<Name>`). */
export const problemType = (name: ExceptionName): string =>
  // 403 is a SecurityException in the standard; 405/501/503 have no GS1 name, so they reuse the closest one.
  `epcisException:${
    name === 'ForbiddenException'
      ? 'SecurityException'
      : name === 'NotImplementedException' || name === 'ServiceUnavailableException'
        ? 'ImplementationException'
        : name
  }`;
