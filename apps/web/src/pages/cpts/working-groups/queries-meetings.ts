import { graphql } from '../../../gql';

/** Polls: an empty list has no type for urql's document cache to follow, so changes name the type. */
export const POLL_CONTEXT = { additionalTypenames: ['MeetingPoll', 'Meeting'] };
/** A meeting's page: an empty list of invitees or recipients has no type for the cache to follow. */
export const MEETING_PAGE_CONTEXT = { additionalTypenames: ['Meeting'] };

const MeetingPollFields = graphql(`
  fragment MeetingPollFields on MeetingPoll {
    id
    ownerId
    ownerName
    title
    place
    videoUrl
    status
    meetingId
    inviteeCount
    answeredCount
    createdAt
    slots {
      id
      startsAt
      endsAt
      yes
      ifNeedBe
      no
    }
  }
`);
void MeetingPollFields;

export const MeetingPollsDocument = graphql(`
  query MeetingPolls($ownerKind: String!, $ownerId: ID!) {
    meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) {
      ...MeetingPollFields
    }
  }
`);

export const MeetingPollDocument = graphql(`
  query MeetingPoll($id: ID!) {
    meetingPoll(id: $id) {
      ...MeetingPollFields
      invitees {
        id
        name
        emailed
        answeredAt
        answers {
          slotId
          answer
        }
      }
    }
  }
`);

export const CreateMeetingPollDocument = graphql(`
  mutation CreateMeetingPoll($input: CreateMeetingPollInput!) {
    createMeetingPoll(input: $input) {
      ...MeetingPollFields
    }
  }
`);

export const RemindMeetingPollDocument = graphql(`
  mutation RemindMeetingPoll($id: ID!) {
    remindMeetingPoll(id: $id)
  }
`);

export const CloseMeetingPollDocument = graphql(`
  mutation CloseMeetingPoll($id: ID!, $slotId: ID!) {
    closeMeetingPoll(id: $id, slotId: $slotId) {
      id
      ownerId
    }
  }
`);

/** A meeting as its own page shows it: the invitation, each invitee's answer and attendance, the minutes and who received them. */
export const MeetingPageDocument = graphql(`
  query MeetingPage($id: ID!) {
    meeting(id: $id) {
      id
      ownerKind
      ownerId
      ownerName
      frame
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
      minutesHtml
      decisions
      minutesPublishedAt
      invitees {
        id
        professionalId
        userId
        name
        emailed
        reply
        repliedAt
        attendance
      }
      minutesRecipients {
        name
        emailed
        sentAt
      }
    }
  }
`);

/** Published minutes, read from the group's list of past meetings when someone opens them. */
export const MeetingMinutesDocument = graphql(`
  query MeetingMinutes($id: ID!) {
    meeting(id: $id) {
      id
      minutesHtml
      decisions
      minutesPublishedAt
    }
  }
`);

export const RecordMeetingAttendanceDocument = graphql(`
  mutation RecordMeetingAttendance($meetingId: ID!, $entries: [AttendanceInput!]!) {
    recordMeetingAttendance(meetingId: $meetingId, entries: $entries) {
      id
      invitees {
        id
        attendance
      }
    }
  }
`);

export const SaveMeetingMinutesDocument = graphql(`
  mutation SaveMeetingMinutes($meetingId: ID!, $input: MeetingMinutesInput!) {
    saveMeetingMinutes(meetingId: $meetingId, input: $input) {
      id
      minutesHtml
      decisions
      minutesPublishedAt
    }
  }
`);

export const PublishMeetingMinutesDocument = graphql(`
  mutation PublishMeetingMinutes($meetingId: ID!) {
    publishMeetingMinutes(meetingId: $meetingId) {
      id
      minutesPublishedAt
      minutesRecipients {
        name
        emailed
        sentAt
      }
    }
  }
`);

/** A meeting's documents, read on their own: an upload (an HTTP POST, not GraphQL) reads them again. */
export const MeetingDocumentsDocument = graphql(`
  query MeetingDocuments($id: ID!) {
    meeting(id: $id) {
      id
      documents {
        id
        fileName
        contentType
        bytes
        uploadedAt
        uploadedByName
        url
      }
    }
  }
`);

export const DeleteMeetingDocumentDocument = graphql(`
  mutation DeleteMeetingDocument($id: ID!) {
    deleteMeetingDocument(id: $id)
  }
`);
