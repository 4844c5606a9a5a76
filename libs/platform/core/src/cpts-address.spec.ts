import { cptsPagePath, proposeSlug, slugProblem } from './cpts-address';

describe('CPTS addresses (slugs)', () => {
  it('proposes a readable address from the name: lower case, no accents, hyphens, "CPTS du/de la…" left out', () => {
    expect(proposeSlug('CPTS du Grand Périgueux')).toBe('grand-perigueux');
    expect(proposeSlug('CPTS de la Vallée de la Dordogne')).toBe('vallee-de-la-dordogne');
    expect(proposeSlug("CPTS de l'Agenais")).toBe('agenais');
    expect(proposeSlug('CPTS d’Arcachon')).toBe('arcachon');
    expect(proposeSlug('CPTS des Landes Océanes')).toBe('landes-oceanes');
    expect(proposeSlug('CPTS de Lacanau')).toBe('lacanau');
    expect(proposeSlug('CPTS Delta')).toBe('delta');
    expect(proposeSlug('CPTS Les Portes du Médoc')).toBe('les-portes-du-medoc');
    expect(proposeSlug('Communauté Professionnelle Territoriale de Santé du Pays Basque')).toBe('pays-basque');
    expect(proposeSlug('CPTS Brive-la-Gaillarde & Cœur de Corrèze')).toBe('brive-la-gaillarde-coeur-de-correze');
    expect(proposeSlug('Grand Périgueux')).toBe('grand-perigueux');
  });

  it('proposes only valid addresses: cut between words, never reserved, never too short', () => {
    const long = proposeSlug('CPTS du Pays de Saint-Jean-de-Luz, Hendaye, Ciboure, Urrugne et Ascain, de la Nivelle à la Bidassoa');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe('pays-de-saint-jean-de-luz-hendaye-ciboure-urrugne-et-ascain');
    expect(proposeSlug('CPTS Ré')).toBe('cpts-re');
    expect(proposeSlug('CPTS Annuaire')).toBe('cpts-annuaire');
    expect(proposeSlug('CPTS !!!')).toBe('cpts-territoire');
    expect(proposeSlug('CPTS de')).toBe('cpts-territoire');
    for (const name of ['CPTS du Grand Périgueux', 'CPTS Ré', 'CPTS Annuaire', 'x'.repeat(120)])
      expect(slugProblem(proposeSlug(name))).toBeNull();
  });

  it('says in French what is wrong with a typed address', () => {
    expect(slugProblem('grand-perigueux')).toBeNull();
    expect(slugProblem('gp')).toBe('L’adresse doit compter de 3 à 60 caractères.');
    expect(slugProblem('a'.repeat(61))).toBe('L’adresse doit compter de 3 à 60 caractères.');
    for (const bad of [
      'Grand-Perigueux',
      'périgueux',
      'grand perigueux',
      'grand--perigueux',
      '-perigueux',
      'perigueux-',
      'grand_perigueux',
    ]) {
      expect(slugProblem(bad)).toMatch(/^L’adresse ne peut contenir que des lettres sans accents/);
    }
    expect(slugProblem('api')).toBe('« api » est réservé : choisissez une autre adresse.');
    expect(slugProblem('preferences')).toMatch(/réservé/);
    // An id-shaped address would be read as the id of the addresses of before.
    expect(slugProblem('0b9d2f3e-5c4a-4e1b-9f7a-2d6c8e1a3b5f')).toMatch(/réservé/);
  });

  it('writes the address of a public page, its parts encoded', () => {
    expect(cptsPagePath('grand-perigueux', 'annuaire')).toBe('/cpts/grand-perigueux/annuaire');
    expect(cptsPagePath('grand-perigueux', 'preferences', 'abc_-09')).toBe('/cpts/grand-perigueux/preferences/abc_-09');
    expect(cptsPagePath('grand-perigueux', 'a b/c')).toBe('/cpts/grand-perigueux/a%20b%2Fc');
  });
});
