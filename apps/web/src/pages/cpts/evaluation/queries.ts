import { graphql } from '../../../gql';

/** An empty list (of fiches, evidence) has no type for urql's document cache to follow: queries and changes name them. */
export const EVALUATION_CONTEXT = { additionalTypenames: ['FicheAction', 'FicheEvidence', 'FicheReviewMeeting', 'EvaluationFile'] };

const FicheFields = graphql(`
  fragment FicheFields on FicheAction {
    id
    year
    title
    objective
    mission
    actions
    status
    startsOn
    endsOn
    updatedAt
    responsible {
      kind
      id
      name
    }
    indicators {
      id
      label
      kind
      unit
      target
      actual
      computedFrom
      met
      assessment
    }
    sources {
      kind
      id
    }
    reviewMeetings {
      id
      title
      startsAt
      endsAt
      status
      ficheIds
    }
  }
`);
void FicheFields;

/** The year's file: the fiches in figures, and the downloads. */
export const EvaluationFileDocument = graphql(`
  query EvaluationFile($year: Int!) {
    evaluationFile(year: $year) {
      year
      cptsName
      fiches
      quantitativeIndicators
      indicatorsMet
      evidence
      pdfUrl
      xlsxUrl
      perFiche {
        id
        title
        mission
        status
        indicators
        indicatorsMet
        evidence
      }
    }
  }
`);

export const FicheDocument = graphql(`
  query Fiche($id: ID!) {
    fiche(id: $id) {
      ...FicheFields
    }
    ficheEvidence(ficheId: $id) {
      id
      kind
      automatic
      title
      from
      to
      figures {
        label
        value
        unit
        key
      }
      details
      url
      gap
    }
  }
`);

export const FicheSourceChoicesDocument = graphql(`
  query FicheSourceChoices($year: Int!) {
    ficheSourceChoices(year: $year) {
      kind
      id
      name
      detail
    }
  }
`);

export const CreateFicheDocument = graphql(`
  mutation CreateFiche($input: FicheInput!) {
    createFiche(input: $input) {
      ...FicheFields
    }
  }
`);

export const UpdateFicheDocument = graphql(`
  mutation UpdateFiche($id: ID!, $input: FicheInput!) {
    updateFiche(id: $id, input: $input) {
      ...FicheFields
    }
  }
`);

export const LinkFicheSourceDocument = graphql(`
  mutation LinkFicheSource($ficheId: ID!, $kind: FicheSourceKind!, $sourceId: ID!) {
    linkFicheSource(ficheId: $ficheId, kind: $kind, sourceId: $sourceId) {
      ...FicheFields
    }
  }
`);

export const UnlinkFicheSourceDocument = graphql(`
  mutation UnlinkFicheSource($ficheId: ID!, $kind: FicheSourceKind!, $sourceId: ID!) {
    unlinkFicheSource(ficheId: $ficheId, kind: $kind, sourceId: $sourceId) {
      ...FicheFields
    }
  }
`);

export const AddFicheEvidenceDocument = graphql(`
  mutation AddFicheEvidence($input: FicheEvidenceTextInput!) {
    addFicheEvidence(input: $input) {
      ...FicheFields
    }
  }
`);

export const RemoveFicheEvidenceDocument = graphql(`
  mutation RemoveFicheEvidence($id: ID!) {
    removeFicheEvidence(id: $id) {
      ...FicheFields
    }
  }
`);

export const PlanFicheReviewDocument = graphql(`
  mutation PlanFicheReview($input: PlanFicheReviewInput!) {
    planFicheReview(input: $input) {
      id
      title
      startsAt
      ficheIds
    }
  }
`);
