import { graphql } from '../../../gql';

/**
 * Calls for projects: an empty list (of projects, raises, comments) has no
 * type for urql's document cache to follow, so queries and changes name them.
 */
export const CALL_CONTEXT = {
  additionalTypenames: [
    'Call',
    'CallProject',
    'EnvelopeRaise',
    'ProjectComment',
    'ProjectScores',
    'ProjectWorkshop',
    'PaymentLine',
    'CallSummary',
  ],
};

const CallEnvelopeFields = graphql(`
  fragment CallEnvelopeFields on CallEnvelope {
    envelopeCents
    committedCents
    pendingCents
    paidCents
    remainingCents
    availableCents
  }
`);
void CallEnvelopeFields;

const CallFields = graphql(`
  fragment CallFields on Call {
    id
    year
    slug
    title
    rules
    opensOn
    closesOn
    envelopeCents
    missions
    membersOnly
    flatFeeCents
    hourlyRateCents
    requiredCriteria
    rubric {
      label
      weight
    }
    publishedAt
    state
    projectCount
  }
`);
void CallFields;

/** The list: newest year first, with each call's envelope. */
export const CallsDocument = graphql(`
  query Calls {
    calls {
      id
      year
      title
      state
      opensOn
      closesOn
      projectCount
      envelope {
        ...CallEnvelopeFields
      }
    }
  }
`);

/** One call, as its page and its form show it. */
export const CallDocument = graphql(`
  query Call($id: ID!) {
    call(id: $id) {
      ...CallFields
      publicUrl
      envelope {
        ...CallEnvelopeFields
      }
      envelopeRaises {
        id
        fromCents
        toCents
        reason
        decisionId
        requestedAt
        appliedAt
      }
    }
  }
`);

/** The projects of a call (the team: all; the board: those put to it), with what the table shows. */
export const CallProjectsDocument = graphql(`
  query CallProjects($callId: ID!, $status: ProjectStatus) {
    callProjects(callId: $callId, status: $status) {
      id
      number
      title
      status
      proposer {
        id
        name
      }
      budgetCents
      approvedCents
      scores {
        weighted
      }
      decision {
        id
        status
        outcome
        registerNumber
      }
    }
  }
`);

/** Where a raise of the envelope stands: its decision, as governance holds it. */
export const RaiseDecisionDocument = graphql(`
  query RaiseDecision($id: ID!) {
    decision(id: $id) {
      id
      status
      outcome
      deadline
      registerNumber
    }
  }
`);

/** One project, as its page shows it to the team and to the board. */
export const CallProjectDocument = graphql(`
  query CallProject($id: ID!) {
    callProject(id: $id) {
      id
      callId
      number
      status
      title
      summary
      missions
      targetPublic
      proposer {
        id
        name
        professionCode
        email
        created
      }
      coCarriers {
        id
        name
        professionCode
      }
      workshopCount
      workshopMinutes
      speakers
      budgetLines {
        kind
        label
        amountCents
      }
      criteria {
        criterion
        indicator
        target
        actual
      }
      speakerFeesCents
      budgetCents
      approvedCents
      decision {
        id
        status
        outcome
        deadline
        registerNumber
      }
      debriefWorked
      debriefNotWorked
      debriefedAt
      evaluatedAt
      submittedAt
      createdAt
      updatedAt
      events {
        at
        fromStatus
        toStatus
        actorName
        note
      }
      comments {
        id
        author
        authorName
        body
        createdAt
      }
      workshops {
        id
        heldOn
        startTime
        minutes
        place
        participants
        knownParticipants
        speakers {
          id
          name
        }
        recordedAt
      }
      paymentLines {
        id
        professionalName
        kind
        workDate
        minutes
        amountCents
        label
        source
        sourceRef
        status
        paidOn
      }
      documents {
        id
        fileName
        contentType
        bytes
        uploadedAt
        byProposer
        url
      }
      scores {
        lines {
          label
          weight
          average
          scorers
          mine
        }
        weighted
      }
    }
  }
`);

/** The call a project belongs to: its title for the crumbs, its fee schedule and its envelope where the bureau decides. */
export const ProjectCallDocument = graphql(`
  query ProjectCall($id: ID!) {
    call(id: $id) {
      id
      title
      year
      flatFeeCents
      hourlyRateCents
      envelope {
        ...CallEnvelopeFields
      }
    }
  }
`);

/** The CPTS's address, for the preview of a new call's public page. */
export const CallCptsSlugDocument = graphql(`
  query CallCptsSlug {
    currentCpts {
      id
      slug
    }
  }
`);

export const CreateCallDocument = graphql(`
  mutation CreateCall($input: CallInput!) {
    createCall(input: $input) {
      ...CallFields
    }
  }
`);

export const UpdateCallDocument = graphql(`
  mutation UpdateCall($id: ID!, $input: CallInput!) {
    updateCall(id: $id, input: $input) {
      ...CallFields
    }
  }
`);

export const PublishCallDocument = graphql(`
  mutation PublishCall($id: ID!) {
    publishCall(id: $id) {
      id
      publishedAt
      state
    }
  }
`);

export const StartProjectReviewDocument = graphql(`
  mutation StartProjectReview($id: ID!) {
    startProjectReview(id: $id) {
      id
      status
    }
  }
`);

export const RequestProjectChangesDocument = graphql(`
  mutation RequestProjectChanges($id: ID!, $note: String!) {
    requestProjectChanges(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const MarkProjectReadyDocument = graphql(`
  mutation MarkProjectReady($id: ID!, $note: String) {
    markProjectReady(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const ReturnProjectToReviewDocument = graphql(`
  mutation ReturnProjectToReview($id: ID!, $note: String) {
    returnProjectToReview(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const CommentOnProjectDocument = graphql(`
  mutation CommentOnProject($id: ID!, $body: String!) {
    commentOnProject(id: $id, body: $body) {
      id
      author
      authorName
      body
      createdAt
    }
  }
`);

export const ScoreProjectDocument = graphql(`
  mutation ScoreProject($id: ID!, $scores: [Int]!) {
    scoreProject(id: $id, scores: $scores) {
      lines {
        label
        weight
        average
        scorers
        mine
      }
      weighted
    }
  }
`);

export const PutProjectsToBureauDocument = graphql(`
  mutation PutProjectsToBureau($input: PutToBureauInput!) {
    putProjectsToBureau(input: $input) {
      id
      status
      decision {
        id
        status
        outcome
        registerNumber
      }
    }
  }
`);

export const RaiseCallEnvelopeDocument = graphql(`
  mutation RaiseCallEnvelope($input: EnvelopeRaiseInput!) {
    raiseCallEnvelope(input: $input) {
      id
      fromCents
      toCents
      reason
      decisionId
      requestedAt
      appliedAt
    }
  }
`);

export const RecordProjectWorkshopDocument = graphql(`
  mutation RecordProjectWorkshop($input: RecordWorkshopInput!) {
    recordProjectWorkshop(input: $input) {
      workshop {
        id
        projectId
      }
      warnings
    }
  }
`);

export const RemoveProjectWorkshopDocument = graphql(`
  mutation RemoveProjectWorkshop($id: ID!) {
    removeProjectWorkshop(id: $id) {
      id
      status
    }
  }
`);

export const FileProjectDebriefDocument = graphql(`
  mutation FileProjectDebrief($projectId: ID!, $worked: String!, $notWorked: String!) {
    fileProjectDebrief(projectId: $projectId, worked: $worked, notWorked: $notWorked) {
      project {
        id
        status
      }
      warnings
    }
  }
`);

export const FileProjectEvaluationDocument = graphql(`
  mutation FileProjectEvaluation($projectId: ID!, $actuals: [String!]!) {
    fileProjectEvaluation(projectId: $projectId, actuals: $actuals) {
      id
      status
    }
  }
`);

/** A call's year at a glance (the team: every project; the board: those put to it). */
export const CallSummaryDocument = graphql(`
  query CallSummary($callId: ID!) {
    callSummary(callId: $callId) {
      callId
      title
      year
      envelope {
        ...CallEnvelopeFields
      }
      projectCount
      byStatus {
        status
        projects
        budgetCents
      }
      byMission {
        mission
        projects
        budgetCents
        approvedCents
      }
      professionalCount
      professionals {
        id
        name
        professionLabel
        carrier
        coCarrier
        projects
      }
      workshopCount
      participants
      knownParticipants
      projects {
        id
        number
        title
        status
        carrier
        missions
        budgetCents
        approvedCents
        paidCents
        workshops
        participants
      }
      workshops {
        id
        projectId
        projectNumber
        projectTitle
        heldOn
        minutes
        place
        participants
        knownParticipants
        speakers
        feesCents
      }
    }
  }
`);
