import { mergeFields } from '../src/import/import-fields';

// Person and site fields alike: mergeFields works on any list of fields.
const FIELDS = ['lastName', 'firstName', 'professionCode', 'communeCode', 'structureName', 'phone', 'email', 'practiceMode'] as const;
const base: Record<(typeof FIELDS)[number], string | null> = {
  lastName: 'MARTIN',
  firstName: 'Claire',
  professionCode: '10',
  communeCode: '79191',
  structureName: 'MSP du Marais',
  phone: '05 49 12 34 56',
  email: 'claire@exemple.fr',
  practiceMode: 'L',
};

describe('merging a newer extraction into a professional', () => {
  it('takes the new value of a field nobody edited since the last import', () => {
    expect(mergeFields(FIELDS, base, base, { ...base, phone: '05 49 00 00 00' })).toEqual({ next: { ...base, phone: '05 49 00 00 00' }, conflicts: [] });
  });

  it('keeps a hand edit silently while the extraction still says what it said', () => {
    const edited = { ...base, email: 'c.martin@msp.fr' };
    expect(mergeFields(FIELDS, edited, base, base)).toEqual({ next: edited, conflicts: [] });
  });

  it('keeps a hand edit and reports a conflict when the extraction changed that field too', () => {
    const edited = { ...base, email: 'c.martin@msp.fr' };
    expect(mergeFields(FIELDS, edited, base, { ...base, email: 'claire@nouveau.fr' })).toEqual({ next: edited, conflicts: ['email'] });
  });

  it('agrees silently when the extraction now says what the staff typed', () => {
    const edited = { ...base, email: 'c.martin@msp.fr' };
    expect(mergeFields(FIELDS, edited, base, edited)).toEqual({ next: edited, conflicts: [] });
  });

  it('never overwrites a record entered by hand: fills its blanks, reports each difference', () => {
    const manual = { ...base, structureName: null, email: 'perso@exemple.fr' };
    expect(mergeFields(FIELDS, manual, null, base)).toEqual({ next: { ...manual, structureName: 'MSP du Marais' }, conflicts: ['email'] });
  });
});
