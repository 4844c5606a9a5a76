import { graphql } from '../../gql';

export const CurrentCptsDocument = graphql(`
  query CurrentCpts {
    currentCpts {
      ...CptsOverview
      slug
      contactEmail
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

/** A professional as the directory, the person's page and the duplicates show them: name, profession, commune and contact. */
const ProfessionalSummary = graphql(`
  fragment ProfessionalSummary on Professional {
    id
    firstName
    lastName
    structureName
    email
    phone
    profession {
      code
      label
    }
    commune {
      inseeCode
      name
    }
  }
`);
void ProfessionalSummary;

export const ProfessionsDocument = graphql(`
  query Professions {
    professions {
      code
      label
      labelPlural
    }
  }
`);
