// Times as the CPTS live them: the platform's dates and hours are Paris wall-clock time, whatever the browser's zone.
const PARIS = 'Europe/Paris';

/** The wall-clock parts of an instant in Paris. */
export function parisParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: PARIS,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday,
  };
}

/** The instant at which Paris clocks show this date and time (summer time included). */
export function fromParisWallClock(year: number, month: number, day: number, hour: number, minute: number): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  // Two passes settle the offset, even next to a change of summer time.
  for (let i = 0; i < 2; i++) {
    const p = parisParts(new Date(guess));
    guess += wanted - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  }
  return new Date(guess);
}

/** "2026-11-27T18:30", the value of a datetime-local input, in Paris time. */
export function toParisInput(date: Date): string {
  const p = parisParts(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The instant of a datetime-local value read as Paris time; null when it is not one. */
export function fromParisInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  return fromParisWallClock(year, month, day, hour, minute);
}

const parisDay = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, hour: '2-digit', minute: '2-digit' });

/** "vendredi 27 novembre 2026 à 18:30" in Paris time. */
export function formatParis(date: Date | string): string {
  const d = new Date(date);
  return `${parisDay.format(d)} à ${parisTime.format(d)}`;
}

/** "jeudi 10 décembre 2026, de 18:30 à 20:00" in Paris time (a meeting's slot; both days when it ends on another). */
export function formatParisSlot(start: Date | string, end: Date | string): string {
  const [s, e] = [new Date(start), new Date(end)];
  return parisDay.format(s) === parisDay.format(e)
    ? `${parisDay.format(s)}, de ${parisTime.format(s)} à ${parisTime.format(e)}`
    : `du ${formatParis(s)} au ${formatParis(e)}`;
}
