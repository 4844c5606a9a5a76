import { isValidRpps, normalizeFrenchPhone, withRppsCheckDigit } from './identifiers';

describe('RPPS numbers', () => {
  it('accepts a number with its Luhn key and refuses typos', () => {
    const rpps = withRppsCheckDigit('1000123456');
    expect(isValidRpps(rpps)).toBe(true);
    const typo = rpps.slice(0, 3) + ((Number(rpps[3]) + 1) % 10) + rpps.slice(4);
    expect(isValidRpps(typo)).toBe(false);
    expect(isValidRpps('123')).toBe(false);
    expect(isValidRpps('1000123456a')).toBe(false);
  });
});

describe('normalizeFrenchPhone', () => {
  it.each([
    ['0556123456', '05 56 12 34 56'],
    ['05.56.12.34.56', '05 56 12 34 56'],
    ['+33 5 56 12 34 56', '05 56 12 34 56'],
    ['0033556123456', '05 56 12 34 56'],
    ['+33 (0)5 56 12 34 56', '05 56 12 34 56'],
    ['06-12-34-56-78', '06 12 34 56 78'],
  ])('%s -> %s', (input, expected) => expect(normalizeFrenchPhone(input)).toBe(expected));

  it.each(['12345', '0056123456', '+44 20 7946 0958', ''])('refuses %s', (input) => expect(normalizeFrenchPhone(input)).toBeNull());
});
