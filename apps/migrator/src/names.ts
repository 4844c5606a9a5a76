/** Frequent French names, for demo and benchmark data. */
export const LAST_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefèvre',
  'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent',
  'Muller', 'Lefebvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier',
  'Garcia', 'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson', 'Marchand', 'Duval',
  'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas',
  'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal',
  'Caron', 'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe', 'Bourgeois', 'Pierre',
  'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte', 'Lopez', 'Jean', 'Dupuy', 'Guillot', 'Hubert',
  'Berger', 'Carpentier', 'Sanchez', 'Dupuis', 'Moulin', 'Louis', 'Deschamps', 'Huet', 'Vasseur', 'Perez', 'Boucher', 'Fleury', 'Royer',
  'Klein', 'Jacquet', 'Adam', 'Paris', 'Poirier', 'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier', 'Ménard',
  'Maillard', 'Baron', 'Bertin', 'Bailly', 'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet', 'Léger', 'Bouvier', 'Julien',
  'Prévost', 'Millet', 'Perrot', 'Daniel', 'Le Roux', 'Cousin', 'Germain', 'Breton', 'Besson', 'Langlois', 'Rémy', 'Pelletier', 'Lebrun',
  'Etcheverry', 'Iribarne', 'Laborde', 'Lafargue', 'Castaing', 'Dupouy', 'Lacoste', 'Darrigrand', 'Larrieu', 'Peyrot', 'Delpech', 'Bouyssou',
];

export const FIRST_NAMES = [
  'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Sandrine', 'Christine', 'Valérie', 'Céline', 'Stéphanie', 'Émilie', 'Aurélie',
  'Julie', 'Camille', 'Laure', 'Élodie', 'Claire', 'Anne', 'Sophie', 'Hélène', 'Mélanie', 'Caroline', 'Pauline', 'Léa', 'Manon', 'Chloé',
  'Inès', 'Anaïs', 'Maëlle', 'Océane', 'Jean', 'Philippe', 'Michel', 'Alain', 'Nicolas', 'Christophe', 'Pierre', 'Laurent', 'Stéphane',
  'Frédéric', 'Sébastien', 'Julien', 'Thomas', 'Antoine', 'Mathieu', 'Guillaume', 'Jérôme', 'François', 'Olivier', 'David', 'Vincent',
  'Romain', 'Benoît', 'Damien', 'Maxime', 'Hugo', 'Lucas', 'Théo', 'Mathis', 'Loïc', 'Gaëlle', 'Agnès', 'Bérénice', 'Noémie', 'Joël',
];
