import assert from 'node:assert/strict';
import request from 'supertest';
import { describeEachStore } from '../../support/app-harness';

const GS1_DISCOVERY = [
  'gs1-epcis-version',
  'gs1-epcis-min',
  'gs1-epcis-max',
  'gs1-cbv-version',
  'gs1-cbv-min',
  'gs1-cbv-max',
  'gs1-vendor-version',
];

describeEachStore('discovery, routing and the error model', (t) => {
  const cases: [string, string][] = [
    ['/', 'OPTIONS, GET'],
    ['/capture', 'OPTIONS, GET, POST'],
    ['/capture/some-id', 'OPTIONS, GET'],
    ['/events', 'OPTIONS, GET, POST'],
    ['/events/urn%3Auuid%3Ax', 'OPTIONS, GET'],
    ['/queries', 'OPTIONS, GET, POST'],
    ['/queries/some-name', 'OPTIONS, GET, DELETE'],
    ['/queries/some-name/events', 'OPTIONS, GET'],
    ['/nextPageToken/abc', 'OPTIONS, DELETE'],
    ['/eventTypes', 'OPTIONS, GET'],
    ['/eventTypes/ObjectEvent', 'OPTIONS, GET'],
    ['/eventTypes/ObjectEvent/events', 'OPTIONS, GET'],
    ['/epcs', 'OPTIONS, GET'],
    ['/epcs/urn%3Aepc%3Aid%3Asgtin%3A0614141.107346.1', 'OPTIONS, GET'],
    ['/epcs/https:%2f%2fid.gs1.org%2f01%2f10614141073464%2f21%2f1/events', 'OPTIONS, GET'],
    ['/bizSteps', 'OPTIONS, GET'],
    ['/bizSteps/shipping/events', 'OPTIONS, GET'],
    ['/bizLocations', 'OPTIONS, GET'],
    ['/bizLocations/x/events', 'OPTIONS, GET'],
    ['/readPoints', 'OPTIONS, GET'],
    ['/readPoints/x', 'OPTIONS, GET'],
    ['/dispositions', 'OPTIONS, GET'],
    ['/dispositions/in_transit/events', 'OPTIONS, GET'],
  ];
  for (const [path, allow] of cases) {
    it(`OPTIONS ${path}: 204, Allow "${allow}" and the GS1 headers`, async () => {
      const response = await request(t().app).options(path).expect(204);
      assert.equal(response.headers['allow'], allow);
      for (const name of GS1_DISCOVERY) assert.ok(response.headers[name], `missing ${name}`);
      assert.equal(response.text, '');
    });
  }

  it('OPTIONS /capture advertises the capture limits and both error behaviours', async () => {
    const response = await request(t().app).options('/capture').expect(204);
    assert.equal(response.headers['gs1-epcis-capture-limit'], String(t().config.capture.maxEvents));
    assert.equal(response.headers['gs1-epcis-capture-file-size-limit'], String(t().config.capture.maxBytes));
    assert.equal(response.headers['gs1-capture-error-behaviour'], 'all');
  });

  it('GET / lists the top-level resources', async () => {
    const response = await request(t().app).get('/').expect(200);
    assert.equal(response.body.type, 'Collection');
    assert.deepEqual([...response.body.member].sort(), [
      'bizLocations',
      'bizSteps',
      'capture',
      'dispositions',
      'epcs',
      'eventTypes',
      'events',
      'queries',
      'readPoints',
    ]);
    assert.equal(response.headers['gs1-epcis-version'], '2.0.0');
  });

  it('an unknown route is a 404 problem+json', async () => {
    const response = await request(t().app).get('/no/such/thing').expect(404);
    assert.match(response.headers['content-type'] ?? '', /application\/problem\+json/);
    assert.equal(response.body.type, 'epcisException:NoSuchResourceException');
    assert.equal(response.body.status, 404);
  });

  it('a wrong method is a 405 with Allow', async () => {
    const response = await request(t().app).delete('/events').expect(405);
    assert.equal(response.headers['allow'], 'OPTIONS, GET, POST');
    assert.equal(response.body.type, 'epcisException:MethodNotAllowedException');
  });

  it('an Accept header the server cannot serve is a 406', async () => {
    const response = await request(t().app).get('/events').set('Accept', 'text/csv').expect(406);
    assert.equal(response.body.type, 'epcisException:NotAcceptableException');
  });

  it('Accept with q-values picks JSON among acceptable types', async () => {
    await request(t().app).get('/events').set('Accept', 'text/csv;q=1, application/ld+json;q=0.5').expect(200);
  });

  it('a version range the server cannot meet is a 406', async () => {
    const response = await request(t().app).get('/events').set('GS1-EPCIS-Min', '3.0.0').expect(406);
    assert.equal(response.body.type, 'epcisException:NotAcceptableException');
    await request(t().app).get('/events').set('GS1-EPCIS-Min', '2.0').set('GS1-EPCIS-Max', '2.0').expect(200);
  });

  it('an over-long URI is a 414', async () => {
    const response = await request(t().app)
      .get(`/events?perPage=1&x=${'a'.repeat(9000)}`)
      .expect(414);
    assert.equal(response.body.type, 'epcisException:URITooLongException');
  });

  it('an unknown capture job is a 404', async () => {
    const response = await request(t().app).get('/capture/nope').expect(404);
    assert.equal(response.body.type, 'epcisException:NoSuchResourceException');
  });

  it('an unknown query parameter is a 400 QueryParameterException, never silently ignored', async () => {
    const response = await request(t().app).get('/events?MATCH_epcs=urn:epc:id:sgtin:1.2.3').expect(400);
    assert.equal(response.body.type, 'epcisException:QueryParameterException');
    assert.match(response.body.detail, /MATCH_epcs/);
  });

  it('a standard query parameter (MATCH_epc) is supported', async () => {
    await request(t().app).get('/events?MATCH_epc=urn:epc:id:sgtin:0614141.107346.1').expect(200);
  });

  it('DELETE /nextPageToken/{token} is a 501: tokens are self-contained', async () => {
    const response = await request(t().app).delete('/nextPageToken/abc').expect(501);
    assert.match(response.headers['content-type'] ?? '', /application\/problem\+json/);
  });

  it('no error body carries a stack trace', async () => {
    const response = await request(t().app).post('/events').set('Content-Type', 'application/json').send('{"a":');
    assert.equal(response.status, 400);
    assert.doesNotMatch(JSON.stringify(response.body), /at .*\.ts:\d+/);
  });
});
