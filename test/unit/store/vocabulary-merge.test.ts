import assert from 'node:assert/strict';
import {
  decodeVocabularyElement,
  encodeVocabularyElement,
  foldVocabulary,
  mergeVocabularyElement,
} from '../../../src/store/vocabulary-merge';

const element = (attributes: [string, string][], children: string[], id = 'loc') => ({
  type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
  id,
  attributes: attributes.map(([attributeId, attribute]) => ({ id: attributeId, attribute })),
  children,
});

describe('vocabulary merge', () => {
  it('replaces attributes by id, appends new ones, unions children in first-seen order', () => {
    const merged = mergeVocabularyElement(
      element(
        [
          ['name', 'Old'],
          ['city', 'Gent'],
        ],
        ['x', 'y'],
      ),
      element(
        [
          ['zip', '9000'],
          ['name', 'New'],
        ],
        ['z', 'x'],
      ),
    );
    assert.deepEqual(
      merged,
      element(
        [
          ['name', 'New'],
          ['city', 'Gent'],
          ['zip', '9000'],
        ],
        ['x', 'y', 'z'],
      ),
    );
    assert.deepEqual(mergeVocabularyElement(undefined, element([['a', '1']], [])), element([['a', '1']], []));
  });

  it('folds repeated elements of one document', () => {
    const folded = foldVocabulary([
      element([['a', '1']], ['c1']),
      element([], [], 'other'),
      element([['a', '2']], ['c2']),
    ]);
    assert.deepEqual(folded, [element([['a', '2']], ['c1', 'c2']), element([], [], 'other')]);
  });

  it('encodes attribute keys for storage and decodes them back', () => {
    const raw = { type: 't', id: 'i', attributes: [{ id: 'x', attribute: { 'a.b': { $gt: 1 } } }], children: [] };
    const encoded = encodeVocabularyElement(raw);
    assert.deepEqual(encoded.attributes[0]?.attribute, { 'a%2Eb': { '%24gt': 1 } });
    assert.deepEqual(decodeVocabularyElement(encoded), raw);
  });
});
