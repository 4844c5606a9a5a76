import { amountForMinutes, divideHalfUp, durationLabel, passPermille, percentLabel, reachesWarning } from '../src/money';

describe('payments money arithmetic (integer cents, half-up)', () => {
  it('rounds half-up to the cent with integer arithmetic', () => {
    // 3,333 cents an hour × 50 minutes = 166,650 / 60 = 2,777.5: paid 2,778 cents.
    expect(amountForMinutes(50, 3_333)).toBe(2_778);
    // 3,333 × 49 / 60 = 2,721.95 → 2,722; 3,333 × 1 / 60 = 55.55 → 56; 1 cent × 29 minutes / 60 = 0.48 → 0.
    expect(amountForMinutes(49, 3_333)).toBe(2_722);
    expect(amountForMinutes(1, 3_333)).toBe(56);
    expect(amountForMinutes(29, 1)).toBe(0);
    expect(amountForMinutes(30, 1)).toBe(1);
    expect(amountForMinutes(90, 5_000)).toBe(7_500);
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(4, 2)).toBe(2);
    expect(() => divideHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divideHalfUp(-1, 2)).toThrow(RangeError);
  });

  it('says lengths and shares of the PASS in French', () => {
    expect([durationLabel(90), durationLabel(120), durationLabel(45), durationLabel(65)]).toEqual(['1 h 30', '2 h', '45 min', '1 h 05']);
    expect(passPermille(3_768_000, 4_710_000)).toBe(800);
    expect(percentLabel(passPermille(3_767_999, 4_710_000))).toBe('79,9 %');
    expect(reachesWarning(3_768_000, 4_710_000)).toBe(true);
    expect(reachesWarning(3_767_999, 4_710_000)).toBe(false);
  });
});
