import { extractionDate } from '../src/import/directory-imports.service';

describe('the date of an extraction, from its file name (Paris time)', () => {
  it('reads winter and summer times, and refuses what is no date', () => {
    expect(extractionDate('PS_LibreAcces_Personne_activite_202611010930.txt')?.toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(extractionDate('PS_LibreAcces_Personne_activite_202607152345.zip')?.toISOString()).toBe('2026-07-15T21:45:00.000Z');
    expect(extractionDate('PS_LibreAcces_Personne_activite_202613010930.txt')).toBeNull();
    expect(extractionDate('PS_LibreAcces_Personne_activite_202602300930.txt')).toBeNull();
    expect(extractionDate('extraction.txt')).toBeNull();
  });
});
