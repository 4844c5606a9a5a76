/**
 * RPPS numbers are 11 digits whose last one is a Luhn check digit: a typo in
 * one digit or a swap of two neighbours is caught before it reaches the base.
 */
export function isValidRpps(value: string): boolean {
  if (!/^[0-9]{11}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    let digit = Number(value[10 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Appends the Luhn check digit to 10 digits (demo and test data). */
export function withRppsCheckDigit(tenDigits: string): string {
  for (let d = 0; d <= 9; d++) {
    if (isValidRpps(tenDigits + d)) return tenDigits + d;
  }
  throw new Error('unreachable');
}

const FRENCH_PHONE = /^(?:(?:\+|00)33[\s.-]*(?:\(0\)[\s.-]*)?|0)([1-9](?:[\s.-]*[0-9]{2}){4})$/;

/** "+33 5.56.12.34.56", "0556123456"... -> "05 56 12 34 56"; null when not a French number. */
export function normalizeFrenchPhone(value: string): string | null {
  const match = FRENCH_PHONE.exec(value.trim());
  if (!match) return null;
  const digits = `0${match[1].replace(/[^0-9]/g, '')}`;
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}
