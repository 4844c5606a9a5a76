import { graphql } from '../../../gql';

/** Surveys: lists that may be empty (questions, recipients) have no type for urql's cache to follow, so queries and changes name them. */
export const SURVEY_CONTEXT = { additionalTypenames: ['Survey', 'SurveyQuestion', 'SurveyRecipient', 'SurveyResults'] };

const SurveyFields = graphql(`
  fragment SurveyFields on Survey {
    id
    title
    intro
    anonymous
    status
    closesAt
    reminderDays
    adoptionId
    audienceLabel
    sentAt
    closedAt
    createdAt
    recipientCount
    answerCount
    questions {
      id
      type
      label
      options
      required
    }
  }
`);
void SurveyFields;

export const SurveysDocument = graphql(`
  query Surveys {
    surveys {
      ...SurveyFields
    }
  }
`);

export const SurveyDocument = graphql(`
  query Survey($id: ID!) {
    survey(id: $id) {
      ...SurveyFields
      recipients {
        id
        name
        email
        answered
        reminders
      }
    }
  }
`);

export const SurveyResultsDocument = graphql(`
  query SurveyResults($id: ID!) {
    surveyResults(id: $id) {
      surveyId
      recipients
      answers
      responseRate
      questions {
        questionId
        type
        label
        answered
        mean
        counts {
          label
          count
        }
        texts
      }
    }
  }
`);

export const CreateSurveyDocument = graphql(`
  mutation CreateSurvey($input: SurveyInput!) {
    createSurvey(input: $input) {
      ...SurveyFields
    }
  }
`);

export const UpdateSurveyDocument = graphql(`
  mutation UpdateSurvey($id: ID!, $input: SurveyInput!) {
    updateSurvey(id: $id, input: $input) {
      ...SurveyFields
    }
  }
`);

export const SetSurveyQuestionsDocument = graphql(`
  mutation SetSurveyQuestions($id: ID!, $input: SurveyQuestionsInput!) {
    setSurveyQuestions(id: $id, input: $input) {
      ...SurveyFields
    }
  }
`);

export const SendSurveyDocument = graphql(`
  mutation SendSurvey($id: ID!, $audience: SurveyAudienceInput!) {
    sendSurvey(id: $id, audience: $audience) {
      ...SurveyFields
    }
  }
`);

export const RemindSurveyDocument = graphql(`
  mutation RemindSurvey($id: ID!) {
    remindSurvey(id: $id)
  }
`);

export const CloseSurveyDocument = graphql(`
  mutation CloseSurvey($id: ID!) {
    closeSurvey(id: $id) {
      ...SurveyFields
    }
  }
`);

export const SurveyGroupsDocument = graphql(`
  query SurveyGroups {
    workingGroups {
      id
      name
    }
  }
`);

export const SurveyGroupMeetingsDocument = graphql(`
  query SurveyGroupMeetings($ownerId: ID!) {
    meetings(ownerKind: "working_group", ownerId: $ownerId) {
      id
      title
      startsAt
      status
    }
  }
`);
