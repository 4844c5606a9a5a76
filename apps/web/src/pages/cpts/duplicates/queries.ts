import { graphql } from '../../../gql';

/** How many pairs may be duplicates: the directory page's "Doublons possibles (N)". */
export const DuplicateCountDocument = graphql(`
  query DuplicateCount {
    duplicateCandidates {
      reason
      first {
        id
      }
      second {
        id
      }
    }
  }
`);
