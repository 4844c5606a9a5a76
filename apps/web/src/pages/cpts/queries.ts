import { graphql } from '../../gql';

export const CurrentCptsDocument = graphql(`
  query CurrentCpts {
    currentCpts {
      id
      name
      slug
      size
      inhabitants
      professionalCount
      contactEmail
      communeCodes
      departements {
        code
        name
      }
      communes {
        inseeCode
        name
        population
      }
      region {
        id
        networkName
      }
    }
  }
`);

export const ProfessionsDocument = graphql(`
  query Professions {
    professions {
      code
      label
      labelPlural
    }
  }
`);
