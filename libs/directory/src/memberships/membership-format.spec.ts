import { euros, isCalendarDate, membershipSummary, parisToday, parisYear } from './membership-format';
import { MembershipStatus, PaymentMeans } from './membership.types';

describe('membership formats', () => {
  it('writes amounts the French way', () => {
    expect(euros(0)).toBe('0,00 €');
    expect(euros(2000)).toBe('20,00 €');
    expect(euros(1505)).toBe('15,05 €');
    expect(euros(123456789)).toBe('1 234 567,89 €');
  });

  it('takes the day and the year in France, not on the server', () => {
    // 31 December 23:30 UTC is already 1 January in Paris (UTC+1 in winter).
    expect(parisToday(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(parisYear(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
    // And 22:30 UTC on 30 June is 00:30 on 1 July in summer (UTC+2).
    expect(parisToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('knows real calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });

  it('sums a membership up for the history', () => {
    const base = { year: 2026, feeCents: 2000, paidOn: null, paymentMeans: null };
    expect(membershipSummary({ ...base, status: MembershipStatus.ACTIVE, paidOn: '2026-01-12', paymentMeans: PaymentMeans.CASH })).toBe(
      'Adhésion 2026 : active, 20,00 € réglés en espèces le 12/01/2026.',
    );
    expect(membershipSummary({ ...base, status: MembershipStatus.PENDING })).toBe('Adhésion 2026 : en attente, 20,00 € non réglés.');
    expect(membershipSummary({ ...base, status: MembershipStatus.RESIGNED, feeCents: 0 })).toBe('Adhésion 2026 : démission, gratuite.');
  });
});
