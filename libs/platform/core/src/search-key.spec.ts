import { searchKey } from './search-key';

describe('searchKey', () => {
  it.each([
    ['Élodie DUPONT-Lefèvre', 'elodie dupont lefevre'],
    ['Lœuilly', 'loeuilly'],
    ["L'Abergement-Clémenciat", 'l abergement clemenciat'],
    ['  Çà   et   là ', 'ca et la'],
    ['Saint-Étienne-de-Baïgorry', 'saint etienne de baigorry'],
  ])('%s -> %s', (input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });
});
