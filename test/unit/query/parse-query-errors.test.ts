import assert from 'node:assert/strict';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { parseQuery } from '../../../src/query/params/parse-query';
import { NAMESPACES, parseUrl } from './support';

/** [query string or body, why it must be refused] */
const ERRORS: [string | Record<string, unknown>, RegExp][] = [
  ['foo=bar', /Unknown query parameter foo/],
  ['EQ_bizStepp=shipping', /Unknown query parameter/],
  ['EQ_foo=x', /Unknown query parameter EQ_foo/],
  ['HASATTR_nofield=x', /Unknown query parameter/],
  ['EQATTR_bizLocation=x', /Unknown query parameter/],
  ['EQ_value_cel=1', /Unknown query parameter/],
  ['GE_value_TOOLONG=1', /Unknown query parameter/],
  ['EQ_action=ADD&EQ_action=DELETE', /more than once/],
  ['GE_errorDeclarationTime=2024-01-01T00:00:00Z&GE_errorDeclaration_Time=2024-01-01T00:00:00Z', /more than once/],
  ['EQ_bizTransaction_po=a&EQ_bizTransaction_urn:epcglobal:cbv:btt:po=b', /more than once/],
  ['EQ_action=ADD|UPDATE', /bad action "UPDATE"/],
  ['EQ_action=add', /bad action/],
  ['EQ_action=', /empty value/],
  ['EQ_bizStep=a||b', /empty value/],
  ['GE_eventTime=2024-01-01', /date-time/],
  ['GE_eventTime=2024-01-01T00:00:00', /date-time/],
  ['GE_eventTime=2024-13-01T00:00:00Z', /date-time/],
  ['LT_recordTime=yesterday', /date-time/],
  ['GT_quantity=abc', /expected a number/],
  ['GT_quantity=Infinity', /expected a number/],
  ['EQ_quantity=1|x', /"x" is not a number/],
  ['GE_value_CEL=1|2', /expected a number/],
  ['GT_ex:n=abc', /number or a date-time/],
  ['EQ_booleanValue=yes', /true or false/],
  ['EQ_hexBinaryValue=zz', /hex/],
  ['orderDirection=asc', /ASC or DESC/],
  ['orderBy=quantity', /eventTime, recordTime or the name of an extension field/],
  ['eventCountLimit=1', /requires orderBy/],
  ['orderBy=eventTime&eventCountLimit=1&maxEventCount=5', /cannot be combined/],
  ['orderBy=eventTime&eventCountLimit=0', /integer >= 1/],
  ['maxEventCount=-1', /integer >= 0/],
  ['perPage=1.5', /integer >= 1/],
  ['perPage=0', /integer >= 1/],
  ['MATCH_epc=urn:epc:idpat:sgtin:*.107346.2017', /Malformed EPC pattern/],
  ['MATCH_epc=urn:epc:idpat:sgtin:0614141..*', /Malformed EPC pattern/],
  ['MATCH_epc=urn:epc:idpat:sgtin', /Malformed EPC pattern/],
  [{ eventType: { $ne: '' } }, /expected a single value|expected strings/],
  [{ EQ_bizStep: [{ $gt: '' }] }, /expected strings/],
  [{ GE_eventTime: ['2024-01-01T00:00:00Z'] }, /expected a single value/],
  [{ '@context': { ex: 'urn:other:' }, 'EQ_ex:f': ['a'] }, /two different IRIs/],
  [{ orderBy: 5 }, /expected a string/],
  [{ 'EQ_bizStep\u0000': ['x'] }, /Invalid query parameter name/],
];

describe('query parser: QueryParameterException cases', () => {
  for (const [input, reason] of ERRORS) {
    it(typeof input === 'string' ? input : JSON.stringify(input), () => {
      assert.throws(
        () =>
          typeof input === 'string'
            ? parseUrl(input)
            : parseQuery({ body: input as never }, { namespaces: NAMESPACES }),
        (error: unknown) =>
          error instanceof EpcisError && error.exception === 'QueryParameterException' && reason.test(error.message),
      );
    });
  }

  it('refuses more than 1000 values in one list and more than 100 parameters', () => {
    assert.throws(
      () => parseUrl(`EQ_eventID=${Array.from({ length: 1001 }, (_, i) => `urn:e:${i}`).join('|')}`),
      /more than 1000/,
    );
    const many = Array.from({ length: 101 }, (_, i) => `EQ_ex:f${i}=x`).join('&');
    assert.throws(() => parseUrl(many), /More than 100/);
  });
});
