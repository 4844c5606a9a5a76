import { budgetOf, speakerFees } from '../src/budget';

describe("a project's budget, in integer cents", () => {
  it('pays each speaker the flat fee once and each workshop rounded half-up to the cent, then adds the other lines', () => {
    // 50 minutes at 33.33 EUR an hour is 2,777.5 cents: 2,778 per workshop and speaker, never 3 × 2,777.5.
    const schedule = { flatFeeCents: 10_000, hourlyRateCents: 3_333 };
    const work = { workshopCount: 3, workshopMinutes: 50, speakers: 2 };
    expect(speakerFees(schedule, work)).toBe(2 * (10_000 + 3 * 2_778));
    expect(
      budgetOf(schedule, work, [
        { kind: 'materials', label: 'Plateau', amountCents: 1_999 },
        { kind: 'other', label: 'Salle', amountCents: 1 },
      ]),
    ).toBe(2 * (10_000 + 3 * 2_778) + 2_000);
  });

  it('has no speaker fee before any workshop is planned, and stays an integer for every length and rate', () => {
    expect(speakerFees({ flatFeeCents: 10_000, hourlyRateCents: 6_000 }, { workshopCount: 0, workshopMinutes: 90, speakers: 1 })).toBe(0);
    for (const rate of [1, 3_333, 4_999, 6_000, 12_345])
      for (let minutes = 1; minutes <= 600; minutes += 7) {
        const fees = speakerFees({ flatFeeCents: 0, hourlyRateCents: rate }, { workshopCount: 1, workshopMinutes: minutes, speakers: 1 });
        // Exact: minutes × rate / 60 half-up, computed with BigInt.
        const exact = (BigInt(minutes) * BigInt(rate) * 2n + 60n) / 120n;
        expect([minutes, rate, fees]).toEqual([minutes, rate, Number(exact)]);
      }
  });
});
