import assert from 'node:assert/strict';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { parseQuery } from '../../../src/query/params/parse-query';
import type { EpcisQuery } from '../../../src/query/params/query-types';
import { masterDataNeeds, type ResolvedMasterData } from '../../../src/query/translate/master-data';
import { computeQueryFields } from '../../../src/query/query-fields';
import { translateQuery } from '../../../src/query/translate/translate-query';
import { canonicalEpc, NAMESPACES, params } from './support';

const EX = 'http://ns.example.com/epcis/';
const EXP = 'http://ns%2Eexample%2Ecom/epcis/';
const ROOM = 'https://id.gs1.org/414/0614141000012';
const parse = (input: string): EpcisQuery => parseQuery({ params: params(input) }, { namespaces: NAMESPACES });

describe('query translator: master-data families', () => {
  const SITE = 'urn:epc:id:sgln:0614141.00000.0';
  const translate = (input: string, resolve: (needs: ReturnType<typeof masterDataNeeds>) => ResolvedMasterData) => {
    const query = parse(input);
    return translateQuery(query, { canonicalEpc, masterData: resolve(masterDataNeeds(query)) }).filter;
  };

  it('WD_bizLocation: the resolved descendants, canonical', () => {
    const filter = translate(`WD_bizLocation=${SITE}`, ([need]) => ({
      [need?.key ?? '']: [SITE, 'urn:epc:id:sgln:0614141.00001.0', 'urn:x:custom'],
    }));
    assert.deepEqual(filter, {
      'q.bizLocation': { $in: ['https://id.gs1.org/414/0614141000005', ROOM, 'urn:x:custom'] },
    });
  });

  it('HASATTR_ and EQATTR_ on standard and extension fields', () => {
    assert.deepEqual(
      translate('HASATTR_readPoint=cbvmda:sst', ([need]) => ({
        [need?.key ?? '']: ['urn:epc:id:sgln:0614141.00001.0'],
      })),
      { 'q.readPoint': { $in: [ROOM] } },
    );
    assert.deepEqual(
      translate('EQATTR_bizStep_urn:x:a=1', ([need]) => ({
        [need?.key ?? '']: ['urn:epcglobal:cbv:bizstep:shipping', 'urn:x:step'],
      })),
      { 'q.bizStep': { $in: ['shipping', 'urn:x:step'] } },
    );
    assert.deepEqual(
      translate('EQ_ATTR_ex:site_urn:x:a=1', ([need]) => ({ [need?.key ?? '']: ['urn:x:s1'] })),
      { 'q.x.eq.event': { $in: [`${EX}site|urn:x:s1`] } },
    );
  });

  it('refuses to translate without the resolved master data', () => {
    assert.throws(
      () => translateQuery(parse('WD_readPoint=urn:x'), { canonicalEpc }),
      (error: unknown) => error instanceof EpcisError && error.exception === 'ImplementationException',
    );
  });
});

describe('query translator: sort, limit, maxEventCount', () => {
  const CASES: [string, unknown][] = [
    [
      '',
      {
        sort: [
          ['recordTime', 1],
          ['_id', 1],
        ],
      },
    ],
    [
      'orderBy=eventTime',
      {
        sort: [
          ['eventTime', -1],
          ['_id', -1],
        ],
      },
    ],
    [
      'orderBy=recordTime&orderDirection=ASC',
      {
        sort: [
          ['recordTime', 1],
          ['_id', 1],
        ],
      },
    ],
    [
      'orderBy=ex:n&orderDirection=ASC',
      {
        sort: [
          [`q.x.sort.${EXP}n`, 1],
          ['_id', 1],
        ],
      },
    ],
    [
      'orderBy=eventTime&eventCountLimit=1',
      {
        sort: [
          ['eventTime', -1],
          ['_id', -1],
        ],
        limit: 1,
      },
    ],
    [
      'maxEventCount=10',
      {
        sort: [
          ['recordTime', 1],
          ['_id', 1],
        ],
        maxEventCount: 10,
      },
    ],
  ];
  for (const [input, expected] of CASES) {
    it(input || '(no parameter)', () => {
      const { filter: _filter, ...rest } = translateQuery(parse(input), { canonicalEpc });
      assert.deepEqual(rest, expected);
    });
  }
});

describe('an identifier the injected canonicalEpc cannot read', () => {
  const strict = (uri: string): string => {
    if (uri.includes('bad')) throw new Error(`cannot read ${uri}`);
    return canonicalEpc(uri);
  };

  it('is compared as given on both sides', () => {
    const query = parse('MATCH_epc=urn:epc:id:sgtin:bad|urn:epc:id:sgtin:0614141.107346.2017');
    assert.deepEqual(translateQuery(query, { canonicalEpc: strict }).filter, {
      'q.epc': {
        $in: [
          'urn:epc:id:sgtin:bad',
          'https://id.gs1.org/01/10614141073464/21/2017',
          'urn:epc:id:sgtin:0614141.107346.2017',
        ],
      },
    });
    const q = computeQueryFields(
      { type: 'ObjectEvent', epcList: ['urn:epc:id:sgtin:bad'] },
      {},
      { canonicalEpc: strict },
    );
    assert.deepEqual(q['epc'], ['urn:epc:id:sgtin:bad']);
  });
});
