import { graphql } from '../../../gql';

export const CampaignsDocument = graphql(`
  query Campaigns($status: CampaignStatus, $first: Int!, $after: String) {
    campaigns(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...CursorPageInfo
      }
      edges {
        node {
          id
          subject
          status
          audienceType
          purpose
          scheduledAt
          sendingStartedAt
          finishedAt
          updatedAt
          progress {
            ...CampaignProgressFields
          }
        }
      }
    }
  }
`);

export const CampaignDocument = graphql(`
  query Campaign($id: ID!) {
    campaign(id: $id) {
      id
      subject
      bodyHtml
      senderName
      replyTo
      audienceType
      purpose
      status
      scheduledAt
      sendingStartedAt
      finishedAt
      updatedAt
      segment {
        professionCodes
        communeCodes
        membership {
          year
          statuses
        }
        minInvolvementLevel
        labelIds
        includeIds
        excludeIds
      }
      progress {
        ...CampaignProgressFields
      }
      previewHtml
    }
  }
`);

export const AudiencePreviewDocument = graphql(`
  query AudiencePreview($audienceType: CampaignAudience!, $purpose: CampaignPurpose!, $segment: CampaignSegmentInput) {
    audiencePreview(audienceType: $audienceType, purpose: $purpose, segment: $segment) {
      recipients
      matched
      sharedAddresses
      excluded {
        noEmail
        withdrawn
        noConsent
        bounced
        blocked
      }
      excludedSample {
        professionalId
        name
        reason
      }
    }
  }
`);

export const NewslettersInMonthDocument = graphql(`
  query NewslettersInMonth($at: DateTime, $except: ID) {
    newslettersInMonth(at: $at, exceptCampaignId: $except)
  }
`);

export const CreateCampaignDocument = graphql(`
  mutation CreateCampaign($input: CampaignInput!) {
    createCampaign(input: $input) {
      id
      status
    }
  }
`);

export const UpdateCampaignDocument = graphql(`
  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {
    updateCampaign(id: $id, input: $input) {
      id
      status
      scheduledAt
    }
  }
`);

export const DeleteCampaignDocument = graphql(`
  mutation DeleteCampaign($id: ID!) {
    deleteCampaign(id: $id)
  }
`);

export const DuplicateCampaignDocument = graphql(`
  mutation DuplicateCampaign($id: ID!) {
    duplicateCampaign(id: $id) {
      id
    }
  }
`);

export const SendCampaignDocument = graphql(`
  mutation SendCampaign($id: ID!) {
    sendCampaign(id: $id) {
      id
      status
      sendingStartedAt
      progress {
        ...CampaignProgressFields
      }
    }
  }
`);

export const ScheduleCampaignDocument = graphql(`
  mutation ScheduleCampaign($id: ID!, $at: DateTime!) {
    scheduleCampaign(id: $id, at: $at) {
      id
      status
      scheduledAt
    }
  }
`);

export const UnscheduleCampaignDocument = graphql(`
  mutation UnscheduleCampaign($id: ID!) {
    unscheduleCampaign(id: $id) {
      id
      status
      scheduledAt
    }
  }
`);

export const PauseCampaignDocument = graphql(`
  mutation PauseCampaign($id: ID!) {
    pauseCampaign(id: $id) {
      id
      status
    }
  }
`);

export const ResumeCampaignDocument = graphql(`
  mutation ResumeCampaign($id: ID!) {
    resumeCampaign(id: $id) {
      id
      status
    }
  }
`);

export const CancelCampaignDocument = graphql(`
  mutation CancelCampaign($id: ID!) {
    cancelCampaign(id: $id) {
      id
      status
      finishedAt
    }
  }
`);

export const SendTestCampaignDocument = graphql(`
  mutation SendTestCampaign($id: ID!) {
    sendTestCampaign(id: $id)
  }
`);

export const SegmentOptionsDocument = graphql(`
  query SegmentOptions {
    directoryLabels {
      id
      name
    }
    membershipYears {
      year
    }
  }
`);

export const CampaignProgressFieldsFragment = graphql(`
  fragment CampaignProgressFields on CampaignProgress {
    total
    sent
    failed
    pending
    cancelled
    skipped
  }
`);
