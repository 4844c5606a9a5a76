import { graphql } from '../../../gql';

/** A line marked paid or cancelled, indemnities generated, a rate set: lists and totals that may have been empty follow these types. */
export const PAYMENTS_CONTEXT = {
  additionalTypenames: ['PaymentLine', 'PaymentYear', 'ProfessionalPayments', 'PaymentSettings', 'MeetingIndemnities'],
};

const PaymentLineFields = graphql(`
  fragment PaymentLineFields on PaymentLine {
    id
    professionalId
    professionalName
    kind
    workDate
    year
    minutes
    amountCents
    label
    source
    status
    paidOn
    paidReference
    cancelledAt
    cancelReason
  }
`);
void PaymentLineFields;

export const PaymentYearDocument = graphql(`
  query PaymentYear($year: Int!, $filter: PaymentLinesFilter!) {
    paymentYear(year: $year) {
      year
      passCents
      canManage
      canMarkPaid
      professionals {
        professionalId
        name
        rpps
        professionLabel
        indemnityCents
        remunerationCents
        totalCents
        paidCents
        toPayCents
        passPermille
        warning
      }
    }
    paymentLines(filter: $filter) {
      ...PaymentLineFields
    }
  }
`);

export const MarkPaymentLinesPaidDocument = graphql(`
  mutation MarkPaymentLinesPaid($input: MarkPaidInput!) {
    markPaymentLinesPaid(input: $input) {
      ...PaymentLineFields
    }
  }
`);

export const CancelPaymentLineDocument = graphql(`
  mutation CancelPaymentLine($id: ID!, $reason: String!) {
    cancelPaymentLine(id: $id, reason: $reason) {
      ...PaymentLineFields
    }
  }
`);

export const PaymentSettingsDocument = graphql(`
  query PaymentSettings {
    paymentSettings {
      indemnityHourlyRateCents
      updatedAt
      updatedByName
    }
  }
`);

export const UpdatePaymentSettingsDocument = graphql(`
  mutation UpdatePaymentSettings($rate: Int!) {
    updatePaymentSettings(indemnityHourlyRateCents: $rate) {
      indemnityHourlyRateCents
      updatedAt
      updatedByName
    }
  }
`);

export const InstanceMeetingsForIndemnitiesDocument = graphql(`
  query InstanceMeetingsForIndemnities($ownerId: ID!) {
    meetings(ownerKind: "governance_instance", ownerId: $ownerId) {
      id
      title
      startsAt
      endsAt
      status
      presentCount
    }
  }
`);

export const PaymentInstancesDocument = graphql(`
  query PaymentInstances {
    governanceInstances {
      id
      name
    }
  }
`);

export const GenerateMeetingIndemnitiesDocument = graphql(`
  mutation GenerateMeetingIndemnities($meetingId: ID!) {
    generateMeetingIndemnities(meetingId: $meetingId) {
      meetingId
      minutes
      hourlyRateCents
      amountCents
      created {
        warning
        line {
          ...PaymentLineFields
        }
      }
      skipped {
        professionalId
        name
        reason
        message
      }
    }
  }
`);

export const PaymentStatementDocument = graphql(`
  query PaymentStatement($professionalId: ID!, $year: Int!) {
    paymentStatement(professionalId: $professionalId, year: $year) {
      year
      cptsName
      professional {
        id
        name
        rpps
        professionLabel
      }
      lines {
        ...PaymentLineFields
      }
      indemnityCents
      remunerationCents
      totalCents
      paidCents
      toPayCents
      passCents
      passPermille
    }
  }
`);

export const PassCeilingsDocument = graphql(`
  query PassCeilings {
    passCeilings {
      year
      amountCents
      updatedAt
      updatedByName
    }
  }
`);

export const SetPassCeilingDocument = graphql(`
  mutation SetPassCeiling($year: Int!, $amountCents: Float!) {
    setPassCeiling(year: $year, amountCents: $amountCents) {
      year
      amountCents
      updatedAt
      updatedByName
    }
  }
`);
