import { graphql } from '../../../gql';

/**
 * Decisions: an empty list (of decisions, documents, comments) has no type
 * for urql's document cache to follow, so queries and changes name them.
 */
export const DECISION_CONTEXT = { additionalTypenames: ['Decision', 'DecisionDocument', 'DecisionComment'] };

const DecisionTallyFields = graphql(`
  fragment DecisionTallyFields on DecisionTally {
    for
    against
    abstain
    eligible
    participating
    byProxy
    cast
    quorumNeeded
    quorumMet
  }
`);
void DecisionTallyFields;

const DecisionSummaryFields = graphql(`
  fragment DecisionSummaryFields on Decision {
    id
    instanceId
    instanceName
    instanceKind
    source
    title
    question
    deadline
    status
    openedAt
    closedAt
    closedBecause
    outcome
    registerNumber
    voterCount
    votedCount
    publishedAt
    createdAt
    myVoterId
    tally {
      ...DecisionTallyFields
    }
  }
`);
void DecisionSummaryFields;

/** The list: open first, then drafts, then closed (members: the AG's published ones). */
export const DecisionsDocument = graphql(`
  query Decisions($status: DecisionStatus) {
    decisions(status: $status) {
      ...DecisionSummaryFields
    }
  }
`);

/** The open decisions with the voters' rows, to find those still waiting for the caller's vote (the board's home). */
export const PendingDecisionsDocument = graphql(`
  query PendingDecisions {
    decisions(status: OPEN) {
      id
      title
      instanceName
      deadline
      myVoterId
      voterCount
      votedCount
      voters {
        id
        voted
        conflict
        proxyToId
      }
    }
  }
`);

/** One decision, as its page shows it (the audit trail apart: the team and the board only). */
export const DecisionDocument = graphql(`
  query Decision($id: ID!) {
    decision(id: $id) {
      ...DecisionSummaryFields
      canEditDraft
      context
      options
      amountCents
      missions
      reopensId
      reopenedById
      meetingId
      statutes {
        quorumShare
        majority
        abstentionsCountAsCast
        proxiesPerHolder
        perCollege
      }
      colleges {
        college
        outcome
        tally {
          ...DecisionTallyFields
        }
      }
      voters {
        id
        name
        college
        voted
        choice
        votedAt
        channel
        changes
        conflict
        conflictNote
        proxyToId
        proxyToName
        holdsProxiesOf
      }
      comments {
        id
        authorName
        body
        createdAt
      }
      documents {
        id
        fileName
        contentType
        bytes
        uploadedAt
        url
      }
    }
  }
`);

export const DecisionAuditDocument = graphql(`
  query DecisionAudit($id: ID!) {
    decision(id: $id) {
      id
      audit {
        seq
        at
        event
        actor
        channel
        data
        hash
      }
    }
  }
`);

export const VerifyDecisionAuditDocument = graphql(`
  query VerifyDecisionAudit($id: ID!) {
    verifyDecisionAudit(id: $id) {
      ok
      entries
      brokenAt
      problem
    }
  }
`);

/** The instances a decision may be put to, for the draft's form. */
export const DecisionInstancesDocument = graphql(`
  query DecisionInstances {
    governanceInstances {
      id
      kind
      name
      currentCount
    }
  }
`);

/** Who sits on the instance today: who will receive the vote's email. */
export const DecisionRecipientsDocument = graphql(`
  query DecisionRecipients($id: ID!) {
    governanceInstance(id: $id) {
      id
      kind
      name
      currentCount
      mandates {
        id
        name
      }
    }
  }
`);

export const CreateDecisionDocument = graphql(`
  mutation CreateDecision($input: DecisionInput!) {
    createDecision(input: $input) {
      id
      title
    }
  }
`);

export const UpdateDecisionDocument = graphql(`
  mutation UpdateDecision($id: ID!, $input: DecisionInput!) {
    updateDecision(id: $id, input: $input) {
      id
      title
    }
  }
`);

export const DeleteDecisionDraftDocument = graphql(`
  mutation DeleteDecisionDraft($id: ID!) {
    deleteDecisionDraft(id: $id)
  }
`);

export const OpenDecisionDocument = graphql(`
  mutation OpenDecision($id: ID!) {
    openDecision(id: $id) {
      id
      status
      voterCount
    }
  }
`);

export const ReopenDecisionDocument = graphql(`
  mutation ReopenDecision($id: ID!, $deadline: DateTime!) {
    reopenDecision(id: $id, deadline: $deadline) {
      id
      status
    }
  }
`);

export const PublishDecisionDocument = graphql(`
  mutation PublishDecision($id: ID!) {
    publishDecision(id: $id) {
      id
      publishedAt
    }
  }
`);

export const VoteOnDecisionDocument = graphql(`
  mutation VoteOnDecision($id: ID!, $choice: VoteChoice!) {
    voteOnDecision(id: $id, choice: $choice) {
      id
      status
    }
  }
`);

export const DeclareDecisionConflictDocument = graphql(`
  mutation DeclareDecisionConflict($id: ID!, $note: String) {
    declareDecisionConflict(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const GiveDecisionProxyDocument = graphql(`
  mutation GiveDecisionProxy($id: ID!, $holderId: ID) {
    giveDecisionProxy(id: $id, holderId: $holderId) {
      id
      status
    }
  }
`);

export const CommentOnDecisionDocument = graphql(`
  mutation CommentOnDecision($id: ID!, $body: String!) {
    commentOnDecision(id: $id, body: $body) {
      id
    }
  }
`);

export const RemoveDecisionDocumentDocument = graphql(`
  mutation RemoveDecisionDocument($id: ID!) {
    removeDecisionDocument(id: $id)
  }
`);

/** The register: closed decisions by number, newest first, a page at a time. */
export const DecisionRegisterDocument = graphql(`
  query DecisionRegister($year: Int, $first: Int!, $after: String) {
    decisionRegister(year: $year, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...CursorPageInfo
      }
      edges {
        node {
          id
          registerNumber
          closedAt
          instanceName
          source
          title
          outcome
          tally {
            for
            against
            abstain
            participating
            byProxy
            eligible
          }
        }
      }
    }
  }
`);
