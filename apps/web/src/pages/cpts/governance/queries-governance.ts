import { graphql } from '../../../gql';

/**
 * Instances and mandates: an empty list (of instances, mandates, colleges)
 * has no type for urql's document cache to follow, so queries and changes
 * name them; a decision recorded in session or opened by a spending is
 * followed the same way.
 */
export const INSTANCE_CONTEXT = { additionalTypenames: ['GovernanceInstance', 'Mandate', 'GovernanceCollege'] };
/** A meeting of an instance: attendance (a Meeting), proxies, votes in session (Decisions) and the minutes' approval change it. */
export const INSTANCE_MEETING_CONTEXT = {
  additionalTypenames: ['Meeting', 'MeetingQuorum', 'MeetingProxy', 'Decision', 'MinutesApproval'],
};
export const SPENDING_CONTEXT = { additionalTypenames: ['SpendingRequest', 'DelegationSettings', 'Decision'] };
/** An instance, as the owner of meetings in the meetings engine. */
export const INSTANCE_OWNER_KIND = 'governance_instance';

const GovernanceInstanceFields = graphql(`
  fragment GovernanceInstanceFields on GovernanceInstance {
    id
    kind
    name
    seats
    currentCount
    seatsToFill
    endingSoon
    statutes {
      quorumShare
      majority
      abstentionsCountAsCast
      proxiesPerHolder
      noticeDays
      perCollege
    }
    colleges {
      id
      name
      membershipCollege
      seats
      filled
    }
  }
`);
void GovernanceInstanceFields;

const MandateFields = graphql(`
  fragment MandateFields on Mandate {
    id
    instanceId
    professionalId
    name
    office
    collegeId
    collegeName
    startsOn
    endsOn
    obtained
    obtainedNote
    endedOn
    endReason
    current
    daysLeft
  }
`);
void MandateFields;

export const GovernanceInstancesDocument = graphql(`
  query GovernanceInstances {
    governanceInstances {
      ...GovernanceInstanceFields
    }
  }
`);

/** An instance's page: the instance and who sits on it today. */
export const GovernanceInstanceDocument = graphql(`
  query GovernanceInstance($id: ID!) {
    governanceInstance(id: $id) {
      ...GovernanceInstanceFields
      mandates {
        ...MandateFields
      }
    }
  }
`);

/** Who sat on the instance on a past (or future) day. */
export const InstanceMandatesOnDocument = graphql(`
  query InstanceMandatesOn($id: ID!, $on: String!) {
    governanceInstance(id: $id) {
      id
      mandates(on: $on) {
        ...MandateFields
      }
    }
  }
`);

/** Every mandate ever held, current ones first. */
export const InstanceMandateHistoryDocument = graphql(`
  query InstanceMandateHistory($id: ID!) {
    governanceInstance(id: $id) {
      id
      mandates(all: true) {
        ...MandateFields
      }
    }
  }
`);

export const CreateGovernanceInstanceDocument = graphql(`
  mutation CreateGovernanceInstance($input: InstanceInput!) {
    createGovernanceInstance(input: $input) {
      ...GovernanceInstanceFields
    }
  }
`);

export const UpdateGovernanceInstanceDocument = graphql(`
  mutation UpdateGovernanceInstance($id: ID!, $input: UpdateInstanceInput!) {
    updateGovernanceInstance(id: $id, input: $input) {
      ...GovernanceInstanceFields
    }
  }
`);

export const SetGovernanceCollegesDocument = graphql(`
  mutation SetGovernanceColleges($instanceId: ID!, $colleges: [CollegeInput!]!) {
    setGovernanceColleges(instanceId: $instanceId, colleges: $colleges) {
      ...GovernanceInstanceFields
    }
  }
`);

export const AddMandateDocument = graphql(`
  mutation AddMandate($instanceId: ID!, $input: MandateInput!) {
    addMandate(instanceId: $instanceId, input: $input) {
      ...MandateFields
    }
  }
`);

export const UpdateMandateDocument = graphql(`
  mutation UpdateMandate($id: ID!, $input: MandateInput!) {
    updateMandate(id: $id, input: $input) {
      ...MandateFields
    }
  }
`);

export const EndMandateDocument = graphql(`
  mutation EndMandate($id: ID!, $input: EndMandateInput!) {
    endMandate(id: $id, input: $input) {
      ...MandateFields
    }
  }
`);

// ---- Meetings of an instance

const SessionDecisionFields = graphql(`
  fragment SessionDecisionFields on Decision {
    id
    title
    question
    status
    outcome
    registerNumber
    tally {
      for
      against
      abstain
      participating
      quorumNeeded
      quorumMet
    }
    colleges {
      college
      outcome
      tally {
        for
        against
        abstain
      }
    }
  }
`);
void SessionDecisionFields;

/** What governance adds to a meeting's page: the instance's rules and colleges, its other meetings, the votes and the minutes' approval. */
export const InstanceMeetingDocument = graphql(`
  query InstanceMeeting($meetingId: ID!, $instanceId: ID!, $ownerKind: String!) {
    meeting(id: $meetingId) {
      id
      startsAt
      sessionDecisions {
        ...SessionDecisionFields
      }
      minutesApproval {
        approvedAt
        atMeetingId
      }
    }
    governanceInstance(id: $instanceId) {
      ...GovernanceInstanceFields
    }
    meetings(ownerKind: $ownerKind, ownerId: $instanceId) {
      id
      title
      startsAt
      status
      minutesPublishedAt
      minutesApproval {
        approvedAt
        atMeetingId
      }
    }
  }
`);

const MeetingQuorumFields = graphql(`
  fragment MeetingQuorumFields on MeetingQuorum {
    electorate
    present
    represented
    needed
    met
    proxies {
      giverId
      giverName
      holderId
      holderName
    }
  }
`);
void MeetingQuorumFields;

export const MeetingQuorumDocument = graphql(`
  query MeetingQuorum($meetingId: ID!) {
    meetingQuorum(meetingId: $meetingId) {
      ...MeetingQuorumFields
    }
  }
`);

export const RecordMeetingProxyDocument = graphql(`
  mutation RecordMeetingProxy($meetingId: ID!, $giverId: ID!, $holderId: ID!) {
    recordMeetingProxy(meetingId: $meetingId, giverId: $giverId, holderId: $holderId) {
      ...MeetingQuorumFields
    }
  }
`);

export const RemoveMeetingProxyDocument = graphql(`
  mutation RemoveMeetingProxy($meetingId: ID!, $giverId: ID!) {
    removeMeetingProxy(meetingId: $meetingId, giverId: $giverId) {
      ...MeetingQuorumFields
    }
  }
`);

export const RecordSessionVoteDocument = graphql(`
  mutation RecordSessionVote($input: SessionVoteInput!) {
    recordSessionVote(input: $input) {
      ...SessionDecisionFields
    }
  }
`);

export const ApproveMeetingMinutesDocument = graphql(`
  mutation ApproveMeetingMinutes($meetingId: ID!, $atMeetingId: ID!) {
    approveMeetingMinutes(meetingId: $meetingId, atMeetingId: $atMeetingId)
  }
`);

// ---- Spending

const SpendingRequestFields = graphql(`
  fragment SpendingRequestFields on SpendingRequest {
    id
    amountCents
    purpose
    mission
    requestedAt
    requestedByName
    route
    decisionId
    decisionStatus
    decisionOutcome
    check
    checkedAt
    checkedByName
    checkNote
  }
`);
void SpendingRequestFields;

export const SpendingDocument = graphql(`
  query Spending {
    delegationSettings {
      staffLimitCents
      bureauLimitCents
      canCheck
    }
    spendingRequests {
      ...SpendingRequestFields
    }
  }
`);

export const UpdateDelegationSettingsDocument = graphql(`
  mutation UpdateDelegationSettings($input: DelegationInput!) {
    updateDelegationSettings(input: $input) {
      staffLimitCents
      bureauLimitCents
    }
  }
`);

export const RecordSpendingDocument = graphql(`
  mutation RecordSpending($input: SpendingRequestInput!) {
    recordSpending(input: $input) {
      ...SpendingRequestFields
    }
  }
`);

export const CheckSpendingDocument = graphql(`
  mutation CheckSpending($id: ID!, $check: SpendingCheck!, $note: String) {
    checkSpending(id: $id, check: $check, note: $note) {
      ...SpendingRequestFields
    }
  }
`);
