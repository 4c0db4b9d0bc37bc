/** Small inline EPCIS XML documents for the unit tests (no file I/O). */
export const EPCIS2 = 'urn:epcglobal:epcis:xsd:2';

export const doc2 = (events: string, rootAttrs = '', header = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<epcis:EPCISDocument xmlns:epcis="${EPCIS2}" xmlns:example="http://ns.example.com/epcis" ${rootAttrs}
  schemaVersion="2.0" creationDate="2024-01-01T00:00:00Z">${header}
  <EPCISBody><EventList>${events}</EventList></EPCISBody>
</epcis:EPCISDocument>`;

export const objectEvent = (inner: string, head = ''): string => `<ObjectEvent>
  <eventTime>2024-01-01T10:00:00.000+01:00</eventTime>${head}
  <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
  <epcList><epc>urn:epc:id:sgtin:4012345.011111.1</epc></epcList>
  <action>OBSERVE</action>${inner}
</ObjectEvent>`;
