import { graphql } from '../../../gql';

/** Every list of groups and members is read again after a change of a group or of its members (urql's document cache). */
export const GROUP_CONTEXT = { additionalTypenames: ['WorkingGroup', 'WorkingGroupMember'] };
/** The same for meetings: an empty list has no type for the cache to follow. */
export const MEETING_CONTEXT = { additionalTypenames: ['Meeting'] };
/** A working group, as the owner of meetings in the meetings engine. */
export const OWNER_KIND = 'working_group';

const WorkingGroupFields = graphql(`
  fragment WorkingGroupFields on WorkingGroup {
    id
    name
    missions
    theme
    description
    status
    frame {
      purpose
      rules
      confidentiality
    }
    memberCount
    referentCount
    referentWarning
  }
`);
void WorkingGroupFields;

export const WorkingGroupsDocument = graphql(`
  query WorkingGroups($status: WorkingGroupStatus) {
    workingGroups(status: $status) {
      ...WorkingGroupFields
    }
  }
`);

export const WorkingGroupDocument = graphql(`
  query WorkingGroup($id: ID!) {
    workingGroup(id: $id) {
      ...WorkingGroupFields
    }
  }
`);

export const WorkingGroupMembersDocument = graphql(`
  query WorkingGroupMembers($id: ID!, $includeFormer: Boolean!) {
    workingGroup(id: $id) {
      id
      members(includeFormer: $includeFormer) {
        id
        kind
        name
        professionalId
        userId
        professionCode
        role
        joinedAt
        leftAt
      }
    }
  }
`);

export const CreateWorkingGroupDocument = graphql(`
  mutation CreateWorkingGroup($input: WorkingGroupInput!) {
    createWorkingGroup(input: $input) {
      ...WorkingGroupFields
    }
  }
`);

export const UpdateWorkingGroupDocument = graphql(`
  mutation UpdateWorkingGroup($id: ID!, $input: WorkingGroupInput!) {
    updateWorkingGroup(id: $id, input: $input) {
      ...WorkingGroupFields
    }
  }
`);

export const SetWorkingGroupMemberRoleDocument = graphql(`
  mutation SetWorkingGroupMemberRole($memberId: ID!, $role: WorkingGroupRole!) {
    setWorkingGroupMemberRole(memberId: $memberId, role: $role) {
      id
      role
    }
  }
`);

export const RemoveWorkingGroupMemberDocument = graphql(`
  mutation RemoveWorkingGroupMember($memberId: ID!) {
    removeWorkingGroupMember(memberId: $memberId) {
      id
      leftAt
    }
  }
`);

const MeetingFields = graphql(`
  fragment MeetingFields on Meeting {
    id
    title
    startsAt
    endsAt
    place
    videoUrl
    status
    agenda {
      title
      durationMinutes
      presenter
    }
    presentCount
    inviteeCount
    minutesPublishedAt
  }
`);
void MeetingFields;

export const MeetingsDocument = graphql(`
  query Meetings($ownerKind: String!, $ownerId: ID!) {
    meetings(ownerKind: $ownerKind, ownerId: $ownerId) {
      ...MeetingFields
    }
  }
`);

export const MeetingDocument = graphql(`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      ...MeetingFields
      invitees {
        id
        name
        emailed
        reply
        repliedAt
      }
    }
  }
`);

export const ScheduleMeetingDocument = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      ...MeetingFields
    }
  }
`);

export const UpdateMeetingDocument = graphql(`
  mutation UpdateMeeting($id: ID!, $input: MeetingDetailsInput!) {
    updateMeeting(id: $id, input: $input) {
      ...MeetingFields
    }
  }
`);

export const CancelMeetingDocument = graphql(`
  mutation CancelMeeting($id: ID!) {
    cancelMeeting(id: $id) {
      ...MeetingFields
    }
  }
`);
