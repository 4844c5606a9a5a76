/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      user {\n        id\n        displayName\n        email\n      }\n      platformAdmin\n      activeRoles\n      activeCpts {\n        id\n        name\n        region {\n          id\n          networkName\n        }\n      }\n      memberships {\n        roles\n        cpts {\n          id\n          name\n        }\n      }\n      regionRoles {\n        role\n        region {\n          id\n          name\n          networkName\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query CommuneSearch($filter: CommuneFilter) {\n    communes(filter: $filter) {\n      inseeCode\n      name\n      population\n      departementCode\n      epciName\n    }\n  }\n": typeof types.CommuneSearchDocument,
    "\n  mutation SwitchCpts($cptsId: ID!) {\n    switchCpts(cptsId: $cptsId) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.SwitchCptsDocument,
    "\n  fragment CptsOverview on Cpts {\n    id\n    name\n    size\n    inhabitants\n    professionalCount\n    communeCodes\n    departements {\n      code\n      name\n    }\n  }\n": typeof types.CptsOverviewFragmentDoc,
    "\n  fragment InvitationRowFields on Invitation {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n    invitedByName\n    mailState\n    mailError\n  }\n": typeof types.InvitationRowFieldsFragmentDoc,
    "\n  query PeopleSearch($filter: ProfessionalFilter, $first: Int!) {\n    professionals(first: $first, filter: $filter) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          profession {\n            label\n          }\n        }\n      }\n    }\n  }\n": typeof types.PeopleSearchDocument,
    "\n  query PersonName($id: ID!) {\n    professional(id: $id) {\n      id\n      firstName\n      lastName\n    }\n  }\n": typeof types.PersonNameDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment CursorPageInfo on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": typeof types.CursorPageInfoFragmentDoc,
    "\n  query Regions {\n    regions {\n      id\n      name\n      networkName\n      inseeRegionCode\n    }\n  }\n": typeof types.RegionsDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      role\n      organisationName\n      expiresAt\n      accountExists\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      email\n      accountCreated\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($input: EmailInput!) {\n    requestPasswordReset(input: $input)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query PendingInvitations {\n    cptsInvitations {\n      id\n      acceptedAt\n      revokedAt\n      expiresAt\n      mailState\n    }\n    cptsTeam {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  query DirectoryImports {\n    directoryImports(first: 10) {\n      id\n      fileName\n      status\n      createdAt\n      created\n      updated\n      rejected\n      conflicts\n    }\n  }\n": typeof types.DirectoryImportsDocument,
    "\n  query DirectoryImport($id: ID!) {\n    directoryImport(id: $id) {\n      id\n      fileName\n      fileBytes\n      extractedAt\n      status\n      bytesRead\n      linesRead\n      kept\n      created\n      updated\n      unchanged\n      rejected\n      conflicts\n      errorMessage\n      createdAt\n      finishedAt\n      olderConfirmation {\n        confirmedByName\n        confirmedAt\n        summary\n      }\n      issues(first: 200) {\n        seq\n        kind\n        line\n        reason\n        professionalId\n        professionalName\n        siteName\n        field\n        currentValue\n        importedValue\n        resolution\n      }\n    }\n  }\n": typeof types.DirectoryImportDocument,
    "\n  query DirectoryImportCheck($fileName: String!) {\n    directoryImportCheck(fileName: $fileName) {\n      extractedAt\n      olderWarning\n    }\n  }\n": typeof types.DirectoryImportCheckDocument,
    "\n  mutation ResolveImportConflict($importId: ID!, $seq: Int!, $keep: ConflictChoice!) {\n    resolveImportConflict(importId: $importId, seq: $seq, keep: $keep) {\n      seq\n      resolution\n    }\n  }\n": typeof types.ResolveImportConflictDocument,
    "\n  mutation ResolvePersonImportConflicts($importId: ID!, $professionalId: ID!, $keep: ConflictChoice!) {\n    resolvePersonImportConflicts(importId: $importId, professionalId: $professionalId, keep: $keep) {\n      seq\n      resolution\n    }\n  }\n": typeof types.ResolvePersonImportConflictsDocument,
    "\n  fragment DirectoryLabelRow on DirectoryLabel {\n    id\n    name\n    professionalCount\n  }\n": typeof types.DirectoryLabelRowFragmentDoc,
    "\n  query DirectoryLabels {\n    directoryLabels {\n      ...DirectoryLabelRow\n    }\n  }\n": typeof types.DirectoryLabelsDocument,
    "\n  mutation CreateDirectoryLabel($name: String!) {\n    createDirectoryLabel(input: { name: $name }) {\n      ...DirectoryLabelRow\n    }\n  }\n": typeof types.CreateDirectoryLabelDocument,
    "\n  mutation RenameDirectoryLabel($id: ID!, $name: String!) {\n    renameDirectoryLabel(id: $id, input: { name: $name }) {\n      ...DirectoryLabelRow\n    }\n  }\n": typeof types.RenameDirectoryLabelDocument,
    "\n  mutation DeleteDirectoryLabel($id: ID!) {\n    deleteDirectoryLabel(id: $id)\n  }\n": typeof types.DeleteDirectoryLabelDocument,
    "\n  fragment ProfessionalFields on Professional {\n    id\n    firstName\n    lastName\n    professionCode\n    communeCode\n    structureName\n    rpps\n    email\n    phone\n    emailIsWork\n    archivedAt\n    createdAt\n    updatedAt\n  }\n": typeof types.ProfessionalFieldsFragmentDoc,
    "\n  query Professional($id: ID!) {\n    professional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n": typeof types.ProfessionalDocument,
    "\n  mutation CreateProfessional($input: ProfessionalInput!) {\n    createProfessional(input: $input) {\n      ...ProfessionalFields\n    }\n  }\n": typeof types.CreateProfessionalDocument,
    "\n  mutation UpdateProfessional($id: ID!, $input: ProfessionalInput!) {\n    updateProfessional(id: $id, input: $input) {\n      ...ProfessionalFields\n    }\n  }\n": typeof types.UpdateProfessionalDocument,
    "\n  mutation ArchiveProfessional($id: ID!) {\n    archiveProfessional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n": typeof types.ArchiveProfessionalDocument,
    "\n  mutation RestoreProfessional($id: ID!) {\n    restoreProfessional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n": typeof types.RestoreProfessionalDocument,
    "\n  query Professionals($first: Int!, $after: String, $filter: ProfessionalFilter) {\n    professionals(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        cursor\n        node {\n          ...ProfessionalSummary\n          archivedAt\n        }\n      }\n    }\n  }\n": typeof types.ProfessionalsDocument,
    "\n  query CptsTeam {\n    cptsTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n    }\n  }\n": typeof types.CptsTeamDocument,
    "\n  query CptsInvitations {\n    cptsInvitations {\n      ...InvitationRowFields\n    }\n  }\n": typeof types.CptsInvitationsDocument,
    "\n  mutation InviteToCpts($input: InviteToCptsInput!) {\n    inviteToCpts(input: $input) {\n      id\n    }\n  }\n": typeof types.InviteToCptsDocument,
    "\n  mutation RevokeCptsInvitation($id: ID!) {\n    revokeCptsInvitation(id: $id)\n  }\n": typeof types.RevokeCptsInvitationDocument,
    "\n  fragment CallEnvelopeFields on CallEnvelope {\n    envelopeCents\n    committedCents\n    pendingCents\n    paidCents\n    remainingCents\n    availableCents\n  }\n": typeof types.CallEnvelopeFieldsFragmentDoc,
    "\n  fragment CallFields on Call {\n    id\n    year\n    slug\n    title\n    rules\n    opensOn\n    closesOn\n    envelopeCents\n    missions\n    membersOnly\n    flatFeeCents\n    hourlyRateCents\n    requiredCriteria\n    rubric {\n      label\n      weight\n    }\n    publishedAt\n    state\n    projectCount\n  }\n": typeof types.CallFieldsFragmentDoc,
    "\n  query Calls {\n    calls {\n      id\n      year\n      title\n      state\n      opensOn\n      closesOn\n      projectCount\n      envelope {\n        ...CallEnvelopeFields\n      }\n    }\n  }\n": typeof types.CallsDocument,
    "\n  query Call($id: ID!) {\n    call(id: $id) {\n      ...CallFields\n      publicUrl\n      envelope {\n        ...CallEnvelopeFields\n      }\n      envelopeRaises {\n        id\n        fromCents\n        toCents\n        reason\n        decisionId\n        requestedAt\n        appliedAt\n      }\n    }\n  }\n": typeof types.CallDocument,
    "\n  query CallProjects($callId: ID!, $status: ProjectStatus) {\n    callProjects(callId: $callId, status: $status) {\n      id\n      number\n      title\n      status\n      proposer {\n        id\n        name\n      }\n      budgetCents\n      approvedCents\n      scores {\n        weighted\n      }\n      decision {\n        id\n        status\n        outcome\n        registerNumber\n      }\n    }\n  }\n": typeof types.CallProjectsDocument,
    "\n  query RaiseDecision($id: ID!) {\n    decision(id: $id) {\n      id\n      status\n      outcome\n      deadline\n      registerNumber\n    }\n  }\n": typeof types.RaiseDecisionDocument,
    "\n  query CallProject($id: ID!) {\n    callProject(id: $id) {\n      id\n      callId\n      number\n      status\n      title\n      summary\n      missions\n      targetPublic\n      proposer {\n        id\n        name\n        professionCode\n        email\n        created\n      }\n      coCarriers {\n        id\n        name\n        professionCode\n      }\n      workshopCount\n      workshopMinutes\n      speakers\n      budgetLines {\n        kind\n        label\n        amountCents\n      }\n      criteria {\n        criterion\n        indicator\n        target\n        actual\n      }\n      speakerFeesCents\n      budgetCents\n      approvedCents\n      decision {\n        id\n        status\n        outcome\n        deadline\n        registerNumber\n      }\n      debriefWorked\n      debriefNotWorked\n      debriefedAt\n      evaluatedAt\n      submittedAt\n      createdAt\n      updatedAt\n      events {\n        at\n        fromStatus\n        toStatus\n        actorName\n        note\n      }\n      comments {\n        id\n        author\n        authorName\n        body\n        createdAt\n      }\n      workshops {\n        id\n        heldOn\n        startTime\n        minutes\n        place\n        participants\n        knownParticipants\n        speakers {\n          id\n          name\n        }\n        recordedAt\n      }\n      paymentLines {\n        id\n        professionalName\n        kind\n        workDate\n        minutes\n        amountCents\n        label\n        source\n        sourceRef\n        status\n        paidOn\n      }\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        byProposer\n        url\n      }\n      scores {\n        lines {\n          label\n          weight\n          average\n          scorers\n          mine\n        }\n        weighted\n      }\n    }\n  }\n": typeof types.CallProjectDocument,
    "\n  query ProjectCall($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      year\n      flatFeeCents\n      hourlyRateCents\n      envelope {\n        ...CallEnvelopeFields\n      }\n    }\n  }\n": typeof types.ProjectCallDocument,
    "\n  query CallCptsSlug {\n    currentCpts {\n      id\n      slug\n    }\n  }\n": typeof types.CallCptsSlugDocument,
    "\n  mutation CreateCall($input: CallInput!) {\n    createCall(input: $input) {\n      ...CallFields\n    }\n  }\n": typeof types.CreateCallDocument,
    "\n  mutation UpdateCall($id: ID!, $input: CallInput!) {\n    updateCall(id: $id, input: $input) {\n      ...CallFields\n    }\n  }\n": typeof types.UpdateCallDocument,
    "\n  mutation PublishCall($id: ID!) {\n    publishCall(id: $id) {\n      id\n      publishedAt\n      state\n    }\n  }\n": typeof types.PublishCallDocument,
    "\n  mutation StartProjectReview($id: ID!) {\n    startProjectReview(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.StartProjectReviewDocument,
    "\n  mutation RequestProjectChanges($id: ID!, $note: String!) {\n    requestProjectChanges(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": typeof types.RequestProjectChangesDocument,
    "\n  mutation MarkProjectReady($id: ID!, $note: String) {\n    markProjectReady(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": typeof types.MarkProjectReadyDocument,
    "\n  mutation ReturnProjectToReview($id: ID!, $note: String) {\n    returnProjectToReview(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": typeof types.ReturnProjectToReviewDocument,
    "\n  mutation CommentOnProject($id: ID!, $body: String!) {\n    commentOnProject(id: $id, body: $body) {\n      id\n      author\n      authorName\n      body\n      createdAt\n    }\n  }\n": typeof types.CommentOnProjectDocument,
    "\n  mutation ScoreProject($id: ID!, $scores: [Int]!) {\n    scoreProject(id: $id, scores: $scores) {\n      lines {\n        label\n        weight\n        average\n        scorers\n        mine\n      }\n      weighted\n    }\n  }\n": typeof types.ScoreProjectDocument,
    "\n  mutation PutProjectsToBureau($input: PutToBureauInput!) {\n    putProjectsToBureau(input: $input) {\n      id\n      status\n      decision {\n        id\n        status\n        outcome\n        registerNumber\n      }\n    }\n  }\n": typeof types.PutProjectsToBureauDocument,
    "\n  mutation RaiseCallEnvelope($input: EnvelopeRaiseInput!) {\n    raiseCallEnvelope(input: $input) {\n      id\n      fromCents\n      toCents\n      reason\n      decisionId\n      requestedAt\n      appliedAt\n    }\n  }\n": typeof types.RaiseCallEnvelopeDocument,
    "\n  mutation RecordProjectWorkshop($input: RecordWorkshopInput!) {\n    recordProjectWorkshop(input: $input) {\n      workshop {\n        id\n        projectId\n      }\n      warnings\n    }\n  }\n": typeof types.RecordProjectWorkshopDocument,
    "\n  mutation RemoveProjectWorkshop($id: ID!) {\n    removeProjectWorkshop(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RemoveProjectWorkshopDocument,
    "\n  mutation FileProjectDebrief($projectId: ID!, $worked: String!, $notWorked: String!) {\n    fileProjectDebrief(projectId: $projectId, worked: $worked, notWorked: $notWorked) {\n      project {\n        id\n        status\n      }\n      warnings\n    }\n  }\n": typeof types.FileProjectDebriefDocument,
    "\n  mutation FileProjectEvaluation($projectId: ID!, $actuals: [String!]!) {\n    fileProjectEvaluation(projectId: $projectId, actuals: $actuals) {\n      id\n      status\n    }\n  }\n": typeof types.FileProjectEvaluationDocument,
    "\n  query CallSummary($callId: ID!) {\n    callSummary(callId: $callId) {\n      callId\n      title\n      year\n      envelope {\n        ...CallEnvelopeFields\n      }\n      projectCount\n      byStatus {\n        status\n        projects\n        budgetCents\n      }\n      byMission {\n        mission\n        projects\n        budgetCents\n        approvedCents\n      }\n      professionalCount\n      professionals {\n        id\n        name\n        professionLabel\n        carrier\n        coCarrier\n        projects\n      }\n      workshopCount\n      participants\n      knownParticipants\n      projects {\n        id\n        number\n        title\n        status\n        carrier\n        missions\n        budgetCents\n        approvedCents\n        paidCents\n        workshops\n        participants\n      }\n      workshops {\n        id\n        projectId\n        projectNumber\n        projectTitle\n        heldOn\n        minutes\n        place\n        participants\n        knownParticipants\n        speakers\n        feesCents\n      }\n    }\n  }\n": typeof types.CallSummaryDocument,
    "\n  query CampaignReport($campaignId: ID!) {\n    campaignReport(campaignId: $campaignId) {\n      campaignId\n      subject\n      sendingStartedAt\n      finishedAt\n      sent\n      failed\n      pending\n      cancelled\n      skipped\n      uniqueClickers\n      totalClicks\n      clickRate\n      links {\n        index\n        url\n        uniqueClickers\n        totalClicks\n      }\n      professions {\n        profession {\n          code\n          labelPlural\n        }\n        sent\n        clickers\n        clickRate\n      }\n    }\n  }\n": typeof types.CampaignReportDocument,
    "\n  query CampaignFollowUp($campaignId: ID!, $first: Int, $after: String) {\n    campaignFollowUp(campaignId: $campaignId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          deliveryId\n          professionalId\n          lastName\n          firstName\n          profession {\n            code\n            label\n          }\n          communes {\n            inseeCode\n            name\n          }\n          phone\n          email\n        }\n      }\n    }\n  }\n": typeof types.CampaignFollowUpDocument,
    "\n  query Campaigns($status: CampaignStatus, $first: Int!, $after: String) {\n    campaigns(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          subject\n          status\n          audienceType\n          purpose\n          scheduledAt\n          sendingStartedAt\n          finishedAt\n          updatedAt\n          progress {\n            ...CampaignProgressFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.CampaignsDocument,
    "\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      id\n      subject\n      bodyHtml\n      senderName\n      replyTo\n      audienceType\n      purpose\n      status\n      scheduledAt\n      sendingStartedAt\n      finishedAt\n      updatedAt\n      segment {\n        professionCodes\n        communeCodes\n        membership {\n          year\n          statuses\n        }\n        minInvolvementLevel\n        labelIds\n        includeIds\n        excludeIds\n      }\n      progress {\n        ...CampaignProgressFields\n      }\n      previewHtml\n    }\n  }\n": typeof types.CampaignDocument,
    "\n  query AudiencePreview($audienceType: CampaignAudience!, $purpose: CampaignPurpose!, $segment: CampaignSegmentInput) {\n    audiencePreview(audienceType: $audienceType, purpose: $purpose, segment: $segment) {\n      recipients\n      matched\n      sharedAddresses\n      excluded {\n        noEmail\n        withdrawn\n        noConsent\n        bounced\n        blocked\n      }\n      excludedSample {\n        professionalId\n        name\n        reason\n      }\n    }\n  }\n": typeof types.AudiencePreviewDocument,
    "\n  query NewslettersInMonth($at: DateTime, $except: ID) {\n    newslettersInMonth(at: $at, exceptCampaignId: $except)\n  }\n": typeof types.NewslettersInMonthDocument,
    "\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreateCampaignDocument,
    "\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": typeof types.UpdateCampaignDocument,
    "\n  mutation DeleteCampaign($id: ID!) {\n    deleteCampaign(id: $id)\n  }\n": typeof types.DeleteCampaignDocument,
    "\n  mutation DuplicateCampaign($id: ID!) {\n    duplicateCampaign(id: $id) {\n      id\n    }\n  }\n": typeof types.DuplicateCampaignDocument,
    "\n  mutation SendCampaign($id: ID!) {\n    sendCampaign(id: $id) {\n      id\n      status\n      sendingStartedAt\n      progress {\n        ...CampaignProgressFields\n      }\n    }\n  }\n": typeof types.SendCampaignDocument,
    "\n  mutation ScheduleCampaign($id: ID!, $at: DateTime!) {\n    scheduleCampaign(id: $id, at: $at) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": typeof types.ScheduleCampaignDocument,
    "\n  mutation UnscheduleCampaign($id: ID!) {\n    unscheduleCampaign(id: $id) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": typeof types.UnscheduleCampaignDocument,
    "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PauseCampaignDocument,
    "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ResumeCampaignDocument,
    "\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      id\n      status\n      finishedAt\n    }\n  }\n": typeof types.CancelCampaignDocument,
    "\n  mutation SendTestCampaign($id: ID!) {\n    sendTestCampaign(id: $id)\n  }\n": typeof types.SendTestCampaignDocument,
    "\n  query SegmentOptions {\n    directoryLabels {\n      id\n      name\n    }\n    membershipYears {\n      year\n    }\n  }\n": typeof types.SegmentOptionsDocument,
    "\n  fragment CampaignProgressFields on CampaignProgress {\n    total\n    sent\n    failed\n    pending\n    cancelled\n    skipped\n  }\n": typeof types.CampaignProgressFieldsFragmentDoc,
    "\n  query PreviewProfessionalsCsv($content: String!) {\n    previewProfessionalsCsv(content: $content) {\n      columns\n      rows\n      rowCount\n      delimiter\n      suggestedMapping {\n        column\n        field\n      }\n    }\n  }\n": typeof types.PreviewProfessionalsCsvDocument,
    "\n  mutation ImportProfessionalsCsv($content: String!, $mapping: [CsvColumnMappingInput!]!, $dryRun: Boolean!, $emailKind: CsvEmailKind!) {\n    importProfessionalsCsv(content: $content, mapping: $mapping, dryRun: $dryRun, emailKind: $emailKind) {\n      ...CsvImportReportFields\n    }\n  }\n\n  fragment CsvImportReportFields on CsvImportReport {\n    dryRun\n    rows\n    created\n    updated\n    unchanged\n    errors {\n      line\n      reason\n    }\n    kept {\n      line\n      reason\n    }\n    emailKind\n    emails\n  }\n": typeof types.ImportProfessionalsCsvDocument,
    "\n  query DuplicateCandidates {\n    duplicateCandidates {\n      reason\n      first {\n        ...DuplicateFields\n      }\n      second {\n        ...DuplicateFields\n      }\n    }\n  }\n\n  fragment DuplicateFields on Professional {\n    ...ProfessionalSummary\n    rpps\n    createdAt\n  }\n": typeof types.DuplicateCandidatesDocument,
    "\n  mutation MergeProfessionals($keptId: ID!, $mergedId: ID!) {\n    mergeProfessionals(keptId: $keptId, mergedId: $mergedId) {\n      id\n      mergedInto\n    }\n  }\n": typeof types.MergeProfessionalsDocument,
    "\n  mutation DismissDuplicate($firstId: ID!, $secondId: ID!) {\n    dismissDuplicate(firstId: $firstId, secondId: $secondId)\n  }\n": typeof types.DismissDuplicateDocument,
    "\n  query DuplicateCount {\n    duplicateCandidates {\n      reason\n      first {\n        id\n      }\n      second {\n        id\n      }\n    }\n  }\n": typeof types.DuplicateCountDocument,
    "\n  fragment FicheFields on FicheAction {\n    id\n    year\n    title\n    objective\n    mission\n    actions\n    status\n    startsOn\n    endsOn\n    updatedAt\n    responsible {\n      kind\n      id\n      name\n    }\n    indicators {\n      id\n      label\n      kind\n      unit\n      target\n      actual\n      computedFrom\n      met\n      assessment\n    }\n    sources {\n      kind\n      id\n    }\n    reviewMeetings {\n      id\n      title\n      startsAt\n      endsAt\n      status\n      ficheIds\n    }\n  }\n": typeof types.FicheFieldsFragmentDoc,
    "\n  query EvaluationFile($year: Int!) {\n    evaluationFile(year: $year) {\n      year\n      cptsName\n      fiches\n      quantitativeIndicators\n      indicatorsMet\n      evidence\n      pdfUrl\n      xlsxUrl\n      perFiche {\n        id\n        title\n        mission\n        status\n        indicators\n        indicatorsMet\n        evidence\n      }\n    }\n  }\n": typeof types.EvaluationFileDocument,
    "\n  query Fiche($id: ID!) {\n    fiche(id: $id) {\n      ...FicheFields\n    }\n    ficheEvidence(ficheId: $id) {\n      id\n      kind\n      automatic\n      title\n      from\n      to\n      figures {\n        label\n        value\n        unit\n        key\n      }\n      details\n      url\n      gap\n    }\n  }\n": typeof types.FicheDocument,
    "\n  query FicheSourceChoices($year: Int!) {\n    ficheSourceChoices(year: $year) {\n      kind\n      id\n      name\n      detail\n    }\n  }\n": typeof types.FicheSourceChoicesDocument,
    "\n  mutation CreateFiche($input: FicheInput!) {\n    createFiche(input: $input) {\n      ...FicheFields\n    }\n  }\n": typeof types.CreateFicheDocument,
    "\n  mutation UpdateFiche($id: ID!, $input: FicheInput!) {\n    updateFiche(id: $id, input: $input) {\n      ...FicheFields\n    }\n  }\n": typeof types.UpdateFicheDocument,
    "\n  mutation LinkFicheSource($ficheId: ID!, $kind: FicheSourceKind!, $sourceId: ID!) {\n    linkFicheSource(ficheId: $ficheId, kind: $kind, sourceId: $sourceId) {\n      ...FicheFields\n    }\n  }\n": typeof types.LinkFicheSourceDocument,
    "\n  mutation UnlinkFicheSource($ficheId: ID!, $kind: FicheSourceKind!, $sourceId: ID!) {\n    unlinkFicheSource(ficheId: $ficheId, kind: $kind, sourceId: $sourceId) {\n      ...FicheFields\n    }\n  }\n": typeof types.UnlinkFicheSourceDocument,
    "\n  mutation AddFicheEvidence($input: FicheEvidenceTextInput!) {\n    addFicheEvidence(input: $input) {\n      ...FicheFields\n    }\n  }\n": typeof types.AddFicheEvidenceDocument,
    "\n  mutation RemoveFicheEvidence($id: ID!) {\n    removeFicheEvidence(id: $id) {\n      ...FicheFields\n    }\n  }\n": typeof types.RemoveFicheEvidenceDocument,
    "\n  mutation PlanFicheReview($input: PlanFicheReviewInput!) {\n    planFicheReview(input: $input) {\n      id\n      title\n      startsAt\n      ficheIds\n    }\n  }\n": typeof types.PlanFicheReviewDocument,
    "\n  fragment DecisionTallyFields on DecisionTally {\n    for\n    against\n    abstain\n    eligible\n    participating\n    byProxy\n    cast\n    quorumNeeded\n    quorumMet\n  }\n": typeof types.DecisionTallyFieldsFragmentDoc,
    "\n  fragment DecisionSummaryFields on Decision {\n    id\n    instanceId\n    instanceName\n    instanceKind\n    source\n    title\n    question\n    deadline\n    status\n    openedAt\n    closedAt\n    closedBecause\n    outcome\n    registerNumber\n    voterCount\n    votedCount\n    publishedAt\n    createdAt\n    myVoterId\n    tally {\n      ...DecisionTallyFields\n    }\n  }\n": typeof types.DecisionSummaryFieldsFragmentDoc,
    "\n  query Decisions($status: DecisionStatus) {\n    decisions(status: $status) {\n      ...DecisionSummaryFields\n    }\n  }\n": typeof types.DecisionsDocument,
    "\n  query PendingDecisions {\n    decisions(status: OPEN) {\n      id\n      title\n      instanceName\n      deadline\n      myVoterId\n      voterCount\n      votedCount\n      voters {\n        id\n        voted\n        conflict\n        proxyToId\n      }\n    }\n  }\n": typeof types.PendingDecisionsDocument,
    "\n  query Decision($id: ID!) {\n    decision(id: $id) {\n      ...DecisionSummaryFields\n      canEditDraft\n      context\n      options\n      amountCents\n      missions\n      reopensId\n      reopenedById\n      meetingId\n      statutes {\n        quorumShare\n        majority\n        abstentionsCountAsCast\n        proxiesPerHolder\n        perCollege\n      }\n      colleges {\n        college\n        outcome\n        tally {\n          ...DecisionTallyFields\n        }\n      }\n      voters {\n        id\n        name\n        college\n        voted\n        choice\n        votedAt\n        channel\n        changes\n        conflict\n        conflictNote\n        proxyToId\n        proxyToName\n        holdsProxiesOf\n      }\n      comments {\n        id\n        authorName\n        body\n        createdAt\n      }\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        url\n      }\n    }\n  }\n": typeof types.DecisionDocument,
    "\n  query DecisionAudit($id: ID!) {\n    decision(id: $id) {\n      id\n      audit {\n        seq\n        at\n        event\n        actor\n        channel\n        data\n        hash\n      }\n    }\n  }\n": typeof types.DecisionAuditDocument,
    "\n  query VerifyDecisionAudit($id: ID!) {\n    verifyDecisionAudit(id: $id) {\n      ok\n      entries\n      brokenAt\n      problem\n    }\n  }\n": typeof types.VerifyDecisionAuditDocument,
    "\n  query DecisionInstances {\n    governanceInstances {\n      id\n      kind\n      name\n      currentCount\n    }\n  }\n": typeof types.DecisionInstancesDocument,
    "\n  query DecisionRecipients($id: ID!) {\n    governanceInstance(id: $id) {\n      id\n      kind\n      name\n      currentCount\n      mandates {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DecisionRecipientsDocument,
    "\n  mutation CreateDecision($input: DecisionInput!) {\n    createDecision(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.CreateDecisionDocument,
    "\n  mutation UpdateDecision($id: ID!, $input: DecisionInput!) {\n    updateDecision(id: $id, input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.UpdateDecisionDocument,
    "\n  mutation DeleteDecisionDraft($id: ID!) {\n    deleteDecisionDraft(id: $id)\n  }\n": typeof types.DeleteDecisionDraftDocument,
    "\n  mutation OpenDecision($id: ID!) {\n    openDecision(id: $id) {\n      id\n      status\n      voterCount\n    }\n  }\n": typeof types.OpenDecisionDocument,
    "\n  mutation ReopenDecision($id: ID!, $deadline: DateTime!) {\n    reopenDecision(id: $id, deadline: $deadline) {\n      id\n      status\n    }\n  }\n": typeof types.ReopenDecisionDocument,
    "\n  mutation PublishDecision($id: ID!) {\n    publishDecision(id: $id) {\n      id\n      publishedAt\n    }\n  }\n": typeof types.PublishDecisionDocument,
    "\n  mutation VoteOnDecision($id: ID!, $choice: VoteChoice!) {\n    voteOnDecision(id: $id, choice: $choice) {\n      id\n      status\n    }\n  }\n": typeof types.VoteOnDecisionDocument,
    "\n  mutation DeclareDecisionConflict($id: ID!, $note: String) {\n    declareDecisionConflict(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": typeof types.DeclareDecisionConflictDocument,
    "\n  mutation GiveDecisionProxy($id: ID!, $holderId: ID) {\n    giveDecisionProxy(id: $id, holderId: $holderId) {\n      id\n      status\n    }\n  }\n": typeof types.GiveDecisionProxyDocument,
    "\n  mutation CommentOnDecision($id: ID!, $body: String!) {\n    commentOnDecision(id: $id, body: $body) {\n      id\n    }\n  }\n": typeof types.CommentOnDecisionDocument,
    "\n  mutation RemoveDecisionDocument($id: ID!) {\n    removeDecisionDocument(id: $id)\n  }\n": typeof types.RemoveDecisionDocumentDocument,
    "\n  query DecisionRegister($year: Int, $first: Int!, $after: String) {\n    decisionRegister(year: $year, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          registerNumber\n          closedAt\n          instanceName\n          source\n          title\n          outcome\n          tally {\n            for\n            against\n            abstain\n            participating\n            byProxy\n            eligible\n          }\n        }\n      }\n    }\n  }\n": typeof types.DecisionRegisterDocument,
    "\n  fragment GovernanceInstanceFields on GovernanceInstance {\n    id\n    kind\n    name\n    seats\n    currentCount\n    seatsToFill\n    endingSoon\n    statutes {\n      quorumShare\n      majority\n      abstentionsCountAsCast\n      proxiesPerHolder\n      noticeDays\n      perCollege\n    }\n    colleges {\n      id\n      name\n      membershipCollege\n      seats\n      filled\n    }\n  }\n": typeof types.GovernanceInstanceFieldsFragmentDoc,
    "\n  fragment MandateFields on Mandate {\n    id\n    instanceId\n    professionalId\n    name\n    office\n    collegeId\n    collegeName\n    startsOn\n    endsOn\n    obtained\n    obtainedNote\n    endedOn\n    endReason\n    current\n    daysLeft\n  }\n": typeof types.MandateFieldsFragmentDoc,
    "\n  query GovernanceInstances {\n    governanceInstances {\n      ...GovernanceInstanceFields\n    }\n  }\n": typeof types.GovernanceInstancesDocument,
    "\n  query GovernanceInstance($id: ID!) {\n    governanceInstance(id: $id) {\n      ...GovernanceInstanceFields\n      mandates {\n        ...MandateFields\n      }\n    }\n  }\n": typeof types.GovernanceInstanceDocument,
    "\n  query InstanceMandatesOn($id: ID!, $on: String!) {\n    governanceInstance(id: $id) {\n      id\n      mandates(on: $on) {\n        ...MandateFields\n      }\n    }\n  }\n": typeof types.InstanceMandatesOnDocument,
    "\n  query InstanceMandateHistory($id: ID!) {\n    governanceInstance(id: $id) {\n      id\n      mandates(all: true) {\n        ...MandateFields\n      }\n    }\n  }\n": typeof types.InstanceMandateHistoryDocument,
    "\n  mutation CreateGovernanceInstance($input: InstanceInput!) {\n    createGovernanceInstance(input: $input) {\n      ...GovernanceInstanceFields\n    }\n  }\n": typeof types.CreateGovernanceInstanceDocument,
    "\n  mutation UpdateGovernanceInstance($id: ID!, $input: UpdateInstanceInput!) {\n    updateGovernanceInstance(id: $id, input: $input) {\n      ...GovernanceInstanceFields\n    }\n  }\n": typeof types.UpdateGovernanceInstanceDocument,
    "\n  mutation SetGovernanceColleges($instanceId: ID!, $colleges: [CollegeInput!]!) {\n    setGovernanceColleges(instanceId: $instanceId, colleges: $colleges) {\n      ...GovernanceInstanceFields\n    }\n  }\n": typeof types.SetGovernanceCollegesDocument,
    "\n  mutation AddMandate($instanceId: ID!, $input: MandateInput!) {\n    addMandate(instanceId: $instanceId, input: $input) {\n      ...MandateFields\n    }\n  }\n": typeof types.AddMandateDocument,
    "\n  mutation UpdateMandate($id: ID!, $input: MandateInput!) {\n    updateMandate(id: $id, input: $input) {\n      ...MandateFields\n    }\n  }\n": typeof types.UpdateMandateDocument,
    "\n  mutation EndMandate($id: ID!, $input: EndMandateInput!) {\n    endMandate(id: $id, input: $input) {\n      ...MandateFields\n    }\n  }\n": typeof types.EndMandateDocument,
    "\n  fragment SessionDecisionFields on Decision {\n    id\n    title\n    question\n    status\n    outcome\n    registerNumber\n    tally {\n      for\n      against\n      abstain\n      participating\n      quorumNeeded\n      quorumMet\n    }\n    colleges {\n      college\n      outcome\n      tally {\n        for\n        against\n        abstain\n      }\n    }\n  }\n": typeof types.SessionDecisionFieldsFragmentDoc,
    "\n  query InstanceMeeting($meetingId: ID!, $instanceId: ID!, $ownerKind: String!) {\n    meeting(id: $meetingId) {\n      id\n      startsAt\n      sessionDecisions {\n        ...SessionDecisionFields\n      }\n      minutesApproval {\n        approvedAt\n        atMeetingId\n      }\n    }\n    governanceInstance(id: $instanceId) {\n      ...GovernanceInstanceFields\n    }\n    meetings(ownerKind: $ownerKind, ownerId: $instanceId) {\n      id\n      title\n      startsAt\n      status\n      minutesPublishedAt\n      minutesApproval {\n        approvedAt\n        atMeetingId\n      }\n    }\n  }\n": typeof types.InstanceMeetingDocument,
    "\n  fragment MeetingQuorumFields on MeetingQuorum {\n    electorate\n    present\n    represented\n    needed\n    met\n    proxies {\n      giverId\n      giverName\n      holderId\n      holderName\n    }\n  }\n": typeof types.MeetingQuorumFieldsFragmentDoc,
    "\n  query MeetingQuorum($meetingId: ID!) {\n    meetingQuorum(meetingId: $meetingId) {\n      ...MeetingQuorumFields\n    }\n  }\n": typeof types.MeetingQuorumDocument,
    "\n  mutation RecordMeetingProxy($meetingId: ID!, $giverId: ID!, $holderId: ID!) {\n    recordMeetingProxy(meetingId: $meetingId, giverId: $giverId, holderId: $holderId) {\n      ...MeetingQuorumFields\n    }\n  }\n": typeof types.RecordMeetingProxyDocument,
    "\n  mutation RemoveMeetingProxy($meetingId: ID!, $giverId: ID!) {\n    removeMeetingProxy(meetingId: $meetingId, giverId: $giverId) {\n      ...MeetingQuorumFields\n    }\n  }\n": typeof types.RemoveMeetingProxyDocument,
    "\n  mutation RecordSessionVote($input: SessionVoteInput!) {\n    recordSessionVote(input: $input) {\n      ...SessionDecisionFields\n    }\n  }\n": typeof types.RecordSessionVoteDocument,
    "\n  mutation ApproveMeetingMinutes($meetingId: ID!, $atMeetingId: ID!) {\n    approveMeetingMinutes(meetingId: $meetingId, atMeetingId: $atMeetingId)\n  }\n": typeof types.ApproveMeetingMinutesDocument,
    "\n  fragment SpendingRequestFields on SpendingRequest {\n    id\n    amountCents\n    purpose\n    mission\n    requestedAt\n    requestedByName\n    route\n    decisionId\n    decisionStatus\n    decisionOutcome\n    check\n    checkedAt\n    checkedByName\n    checkNote\n  }\n": typeof types.SpendingRequestFieldsFragmentDoc,
    "\n  query Spending {\n    delegationSettings {\n      staffLimitCents\n      bureauLimitCents\n      canCheck\n    }\n    spendingRequests {\n      ...SpendingRequestFields\n    }\n  }\n": typeof types.SpendingDocument,
    "\n  mutation UpdateDelegationSettings($input: DelegationInput!) {\n    updateDelegationSettings(input: $input) {\n      staffLimitCents\n      bureauLimitCents\n    }\n  }\n": typeof types.UpdateDelegationSettingsDocument,
    "\n  mutation RecordSpending($input: SpendingRequestInput!) {\n    recordSpending(input: $input) {\n      ...SpendingRequestFields\n    }\n  }\n": typeof types.RecordSpendingDocument,
    "\n  mutation CheckSpending($id: ID!, $check: SpendingCheck!, $note: String) {\n    checkSpending(id: $id, check: $check, note: $note) {\n      ...SpendingRequestFields\n    }\n  }\n": typeof types.CheckSpendingDocument,
    "\n  query LapsedMembers($year: Int!) {\n    lapsedMembers(year: $year) {\n      professional {\n        id\n        firstName\n        lastName\n        profession {\n          label\n        }\n      }\n      previous {\n        id\n        feeCents\n        college\n      }\n      current {\n        id\n        status\n      }\n    }\n  }\n": typeof types.LapsedMembersDocument,
    "\n  mutation LapseUnpaidMemberships($year: Int!) {\n    lapseUnpaidMemberships(year: $year)\n  }\n": typeof types.LapseUnpaidMembershipsDocument,
    "\n  query MembershipCounts($year: Int!) {\n    membershipCounts(year: $year) {\n      year\n      totals {\n        pending\n        active\n        lapsed\n        resigned\n        total\n      }\n      byProfession {\n        profession {\n          code\n          labelPlural\n        }\n        pending\n        active\n        lapsed\n        resigned\n        total\n      }\n    }\n  }\n": typeof types.MembershipCountsDocument,
    "\n  query Memberships($year: Int!, $status: MembershipStatus, $search: String, $first: Int, $after: String) {\n    memberships(year: $year, status: $status, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          status\n          feeCents\n          paidOn\n          college\n          professional {\n            id\n            firstName\n            lastName\n            profession {\n              code\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembershipsDocument,
    "\n  query MembershipYears {\n    membershipYears {\n      year\n      defaultFeeCents\n      openedAt\n      membershipCount\n    }\n  }\n": typeof types.MembershipYearsDocument,
    "\n  mutation OpenMembershipYear($year: Int!, $defaultFeeCents: Int!) {\n    openMembershipYear(year: $year, defaultFeeCents: $defaultFeeCents) {\n      created\n      year {\n        year\n        defaultFeeCents\n        openedAt\n        membershipCount\n      }\n    }\n  }\n": typeof types.OpenMembershipYearDocument,
    "\n  fragment PaymentLineFields on PaymentLine {\n    id\n    professionalId\n    professionalName\n    kind\n    workDate\n    year\n    minutes\n    amountCents\n    label\n    source\n    status\n    paidOn\n    paidReference\n    cancelledAt\n    cancelReason\n  }\n": typeof types.PaymentLineFieldsFragmentDoc,
    "\n  query PaymentYear($year: Int!, $filter: PaymentLinesFilter!) {\n    paymentYear(year: $year) {\n      year\n      passCents\n      canManage\n      canMarkPaid\n      professionals {\n        professionalId\n        name\n        rpps\n        professionLabel\n        indemnityCents\n        remunerationCents\n        totalCents\n        paidCents\n        toPayCents\n        passPermille\n        warning\n      }\n    }\n    paymentLines(filter: $filter) {\n      ...PaymentLineFields\n    }\n  }\n": typeof types.PaymentYearDocument,
    "\n  mutation MarkPaymentLinesPaid($input: MarkPaidInput!) {\n    markPaymentLinesPaid(input: $input) {\n      ...PaymentLineFields\n    }\n  }\n": typeof types.MarkPaymentLinesPaidDocument,
    "\n  mutation CancelPaymentLine($id: ID!, $reason: String!) {\n    cancelPaymentLine(id: $id, reason: $reason) {\n      ...PaymentLineFields\n    }\n  }\n": typeof types.CancelPaymentLineDocument,
    "\n  query PaymentSettings {\n    paymentSettings {\n      indemnityHourlyRateCents\n      updatedAt\n      updatedByName\n    }\n  }\n": typeof types.PaymentSettingsDocument,
    "\n  mutation UpdatePaymentSettings($rate: Int!) {\n    updatePaymentSettings(indemnityHourlyRateCents: $rate) {\n      indemnityHourlyRateCents\n      updatedAt\n      updatedByName\n    }\n  }\n": typeof types.UpdatePaymentSettingsDocument,
    "\n  query InstanceMeetingsForIndemnities($ownerId: ID!) {\n    meetings(ownerKind: \"governance_instance\", ownerId: $ownerId) {\n      id\n      title\n      startsAt\n      endsAt\n      status\n      presentCount\n    }\n  }\n": typeof types.InstanceMeetingsForIndemnitiesDocument,
    "\n  query PaymentInstances {\n    governanceInstances {\n      id\n      name\n    }\n  }\n": typeof types.PaymentInstancesDocument,
    "\n  mutation GenerateMeetingIndemnities($meetingId: ID!) {\n    generateMeetingIndemnities(meetingId: $meetingId) {\n      meetingId\n      minutes\n      hourlyRateCents\n      amountCents\n      created {\n        warning\n        line {\n          ...PaymentLineFields\n        }\n      }\n      skipped {\n        professionalId\n        name\n        reason\n        message\n      }\n    }\n  }\n": typeof types.GenerateMeetingIndemnitiesDocument,
    "\n  query PaymentStatement($professionalId: ID!, $year: Int!) {\n    paymentStatement(professionalId: $professionalId, year: $year) {\n      year\n      cptsName\n      professional {\n        id\n        name\n        rpps\n        professionLabel\n      }\n      lines {\n        ...PaymentLineFields\n      }\n      indemnityCents\n      remunerationCents\n      totalCents\n      paidCents\n      toPayCents\n      passCents\n      passPermille\n    }\n  }\n": typeof types.PaymentStatementDocument,
    "\n  query PassCeilings {\n    passCeilings {\n      year\n      amountCents\n      updatedAt\n      updatedByName\n    }\n  }\n": typeof types.PassCeilingsDocument,
    "\n  mutation SetPassCeiling($year: Int!, $amountCents: Float!) {\n    setPassCeiling(year: $year, amountCents: $amountCents) {\n      year\n      amountCents\n      updatedAt\n      updatedByName\n    }\n  }\n": typeof types.SetPassCeilingDocument,
    "\n  query PersonConsents($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      consents {\n        purpose\n        status\n        allowed\n        basis\n        reason\n        lastEvent {\n          id\n          action\n          method\n          wordingVersion\n          at\n        }\n      }\n      consentEvents {\n        id\n        purpose\n        action\n        method\n        wordingVersion\n        note\n        at\n        recordedByName\n      }\n    }\n    consentWordings {\n      version\n      purpose\n      text\n      current\n    }\n  }\n": typeof types.PersonConsentsDocument,
    "\n  mutation GiveConsent($professionalId: ID!, $purpose: ConsentPurpose!, $method: ConsentMethod!, $wordingVersion: String!, $note: String) {\n    giveConsent(professionalId: $professionalId, purpose: $purpose, method: $method, wordingVersion: $wordingVersion, note: $note) {\n      id\n    }\n  }\n": typeof types.GiveConsentDocument,
    "\n  mutation WithdrawConsent($professionalId: ID!, $purpose: ConsentPurpose!, $method: ConsentMethod!) {\n    withdrawConsent(professionalId: $professionalId, purpose: $purpose, method: $method) {\n      id\n    }\n  }\n": typeof types.WithdrawConsentDocument,
    "\n  query PersonGdpr($id: ID!) {\n    professional(id: $id) {\n      id\n      lastName\n      firstName\n      erasedAt\n    }\n  }\n": typeof types.PersonGdprDocument,
    "\n  mutation EraseProfessional($id: ID!, $confirmation: String!) {\n    eraseProfessional(id: $id, confirmation: $confirmation) {\n      id\n      lastName\n      firstName\n      erasedAt\n    }\n  }\n": typeof types.EraseProfessionalDocument,
    "\n  query PersonHistory($id: ID!) {\n    professional(id: $id) {\n      id\n      history(first: 50) {\n        id\n        kind\n        summary\n        actorName\n        at\n      }\n    }\n  }\n": typeof types.PersonHistoryDocument,
    "\n  fragment PersonInvolvementFields on Professional {\n    id\n    involvementLevel\n    involvements {\n      source\n      level\n      setAt\n      setByName\n    }\n  }\n": typeof types.PersonInvolvementFieldsFragmentDoc,
    "\n  query PersonInvolvement($id: ID!) {\n    professional(id: $id) {\n      ...PersonInvolvementFields\n    }\n  }\n": typeof types.PersonInvolvementDocument,
    "\n  mutation SetInvolvementLevel($professionalId: ID!, $level: InvolvementLevel!) {\n    setInvolvementLevel(professionalId: $professionalId, level: $level) {\n      ...PersonInvolvementFields\n    }\n  }\n": typeof types.SetInvolvementLevelDocument,
    "\n  query PersonLabels($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      labels {\n        id\n        name\n      }\n    }\n    directoryLabels {\n      id\n      name\n    }\n  }\n": typeof types.PersonLabelsDocument,
    "\n  mutation SetProfessionalLabels($professionalId: ID!, $labelIds: [ID!]!) {\n    setProfessionalLabels(professionalId: $professionalId, labelIds: $labelIds) {\n      id\n      labels {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SetProfessionalLabelsDocument,
    "\n  fragment PersonMembershipFields on Membership {\n    id\n    year\n    status\n    feeCents\n    paidOn\n    paymentMeans\n    college\n    note\n  }\n": typeof types.PersonMembershipFieldsFragmentDoc,
    "\n  query PersonMemberships($id: ID!) {\n    professional(id: $id) {\n      id\n      archivedAt\n      memberships {\n        ...PersonMembershipFields\n      }\n    }\n  }\n": typeof types.PersonMembershipsDocument,
    "\n  mutation SaveMembership($input: MembershipInput!) {\n    saveMembership(input: $input) {\n      ...PersonMembershipFields\n      professional {\n        id\n        involvementLevel\n      }\n    }\n  }\n": typeof types.SaveMembershipDocument,
    "\n  mutation DeleteMembership($id: ID!) {\n    deleteMembership(id: $id)\n  }\n": typeof types.DeleteMembershipDocument,
    "\n  query PersonData($id: ID!) {\n    personData(id: $id)\n  }\n": typeof types.PersonDataDocument,
    "\n  query Person($id: ID!) {\n    professional(id: $id) {\n      ...ProfessionalSummary\n      rpps\n      archivedAt\n      erasedAt\n      emailIsWork\n      updatedAt\n      mergedInto\n    }\n  }\n": typeof types.PersonDocument,
    "\n  fragment SiteFields on ProfessionalSite {\n    id\n    structureName\n    address\n    postalCode\n    communeCode\n    commune {\n      inseeCode\n      name\n    }\n    phone\n    practiceMode\n    isMain\n    fromImport\n    retiredAt\n  }\n": typeof types.SiteFieldsFragmentDoc,
    "\n  query PersonSites($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      mergedInto\n      sites(includeRetired: true) {\n        ...SiteFields\n      }\n    }\n  }\n": typeof types.PersonSitesDocument,
    "\n  fragment PersonSitesChange on Professional {\n    id\n    communeCode\n    structureName\n    phone\n    sites(includeRetired: true) {\n      ...SiteFields\n    }\n  }\n": typeof types.PersonSitesChangeFragmentDoc,
    "\n  mutation AddProfessionalSite($professionalId: ID!, $input: ProfessionalSiteInput!) {\n    addProfessionalSite(professionalId: $professionalId, input: $input) {\n      ...PersonSitesChange\n    }\n  }\n": typeof types.AddProfessionalSiteDocument,
    "\n  mutation UpdateProfessionalSite($id: ID!, $input: ProfessionalSiteInput!) {\n    updateProfessionalSite(id: $id, input: $input) {\n      ...PersonSitesChange\n    }\n  }\n": typeof types.UpdateProfessionalSiteDocument,
    "\n  mutation SetMainProfessionalSite($id: ID!) {\n    setMainProfessionalSite(id: $id) {\n      ...PersonSitesChange\n    }\n  }\n": typeof types.SetMainProfessionalSiteDocument,
    "\n  mutation RetireProfessionalSite($id: ID!) {\n    retireProfessionalSite(id: $id) {\n      ...PersonSitesChange\n    }\n  }\n": typeof types.RetireProfessionalSiteDocument,
    "\n  query CurrentCpts {\n    currentCpts {\n      ...CptsOverview\n      slug\n      contactEmail\n      communes {\n        inseeCode\n        name\n        population\n      }\n      region {\n        id\n        networkName\n      }\n    }\n  }\n": typeof types.CurrentCptsDocument,
    "\n  fragment ProfessionalSummary on Professional {\n    id\n    firstName\n    lastName\n    structureName\n    email\n    phone\n    profession {\n      code\n      label\n    }\n    commune {\n      inseeCode\n      name\n    }\n  }\n": typeof types.ProfessionalSummaryFragmentDoc,
    "\n  query Professions {\n    professions {\n      code\n      label\n      labelPlural\n    }\n  }\n": typeof types.ProfessionsDocument,
    "\n  fragment SurveyFields on Survey {\n    id\n    title\n    intro\n    anonymous\n    status\n    closesAt\n    reminderDays\n    adoptionId\n    audienceLabel\n    sentAt\n    closedAt\n    createdAt\n    recipientCount\n    answerCount\n    questions {\n      id\n      type\n      label\n      options\n      required\n    }\n  }\n": typeof types.SurveyFieldsFragmentDoc,
    "\n  query Surveys {\n    surveys {\n      ...SurveyFields\n    }\n  }\n": typeof types.SurveysDocument,
    "\n  query Survey($id: ID!) {\n    survey(id: $id) {\n      ...SurveyFields\n      recipients {\n        id\n        name\n        email\n        answered\n        reminders\n      }\n    }\n  }\n": typeof types.SurveyDocument,
    "\n  query SurveyResults($id: ID!) {\n    surveyResults(id: $id) {\n      surveyId\n      recipients\n      answers\n      responseRate\n      questions {\n        questionId\n        type\n        label\n        answered\n        mean\n        counts {\n          label\n          count\n        }\n        texts\n      }\n    }\n  }\n": typeof types.SurveyResultsDocument,
    "\n  mutation CreateSurvey($input: SurveyInput!) {\n    createSurvey(input: $input) {\n      ...SurveyFields\n    }\n  }\n": typeof types.CreateSurveyDocument,
    "\n  mutation UpdateSurvey($id: ID!, $input: SurveyInput!) {\n    updateSurvey(id: $id, input: $input) {\n      ...SurveyFields\n    }\n  }\n": typeof types.UpdateSurveyDocument,
    "\n  mutation SetSurveyQuestions($id: ID!, $input: SurveyQuestionsInput!) {\n    setSurveyQuestions(id: $id, input: $input) {\n      ...SurveyFields\n    }\n  }\n": typeof types.SetSurveyQuestionsDocument,
    "\n  mutation SendSurvey($id: ID!, $audience: SurveyAudienceInput!) {\n    sendSurvey(id: $id, audience: $audience) {\n      ...SurveyFields\n    }\n  }\n": typeof types.SendSurveyDocument,
    "\n  mutation RemindSurvey($id: ID!) {\n    remindSurvey(id: $id)\n  }\n": typeof types.RemindSurveyDocument,
    "\n  mutation CloseSurvey($id: ID!) {\n    closeSurvey(id: $id) {\n      ...SurveyFields\n    }\n  }\n": typeof types.CloseSurveyDocument,
    "\n  query SurveyGroups {\n    workingGroups {\n      id\n      name\n    }\n  }\n": typeof types.SurveyGroupsDocument,
    "\n  query SurveyGroupMeetings($ownerId: ID!) {\n    meetings(ownerKind: \"working_group\", ownerId: $ownerId) {\n      id\n      title\n      startsAt\n      status\n    }\n  }\n": typeof types.SurveyGroupMeetingsDocument,
    "\n  query WorkingGroupJoinRequests($id: ID!) {\n    workingGroup(id: $id) {\n      id\n      joinUrl\n      joinRequests {\n        id\n        firstName\n        lastName\n        email\n        profession\n        message\n        requestedAt\n        matches {\n          professionalId\n          name\n        }\n      }\n    }\n  }\n": typeof types.WorkingGroupJoinRequestsDocument,
    "\n  mutation AcceptWorkingGroupJoinRequest($id: ID!, $professionalId: ID) {\n    acceptWorkingGroupJoinRequest(id: $id, professionalId: $professionalId) {\n      id\n      status\n    }\n  }\n": typeof types.AcceptWorkingGroupJoinRequestDocument,
    "\n  mutation DeclineWorkingGroupJoinRequest($id: ID!) {\n    declineWorkingGroupJoinRequest(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.DeclineWorkingGroupJoinRequestDocument,
    "\n  query GroupPollsToAnswer($ownerKind: String!, $ownerId: ID!) {\n    meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) {\n      id\n      title\n      status\n      slots {\n        id\n        startsAt\n        endsAt\n      }\n      myInvitation {\n        answerPath\n        answeredAt\n      }\n    }\n  }\n": typeof types.GroupPollsToAnswerDocument,
    "\n  fragment ActionItemFields on ActionItem {\n    id\n    ownerKind\n    ownerId\n    ownerName\n    meetingId\n    title\n    assigneeName\n    professionalId\n    userId\n    dueOn\n    status\n    statusAt\n    statusBy\n    statusByName\n    overdue\n    mine\n  }\n": typeof types.ActionItemFieldsFragmentDoc,
    "\n  query ActionItems($filter: ActionItemFilter) {\n    actionItems(filter: $filter) {\n      ...ActionItemFields\n    }\n  }\n": typeof types.ActionItemsDocument,
    "\n  query ActionItemPeople {\n    actionItems {\n      id\n      professionalId\n      userId\n      assigneeName\n    }\n  }\n": typeof types.ActionItemPeopleDocument,
    "\n  mutation CreateActionItem($input: ActionItemInput!) {\n    createActionItem(input: $input) {\n      ...ActionItemFields\n    }\n  }\n": typeof types.CreateActionItemDocument,
    "\n  mutation SetActionItemStatus($id: ID!, $status: ActionItemStatus!) {\n    setActionItemStatus(id: $id, status: $status) {\n      ...ActionItemFields\n    }\n  }\n": typeof types.SetActionItemStatusDocument,
    "\n  query GroupTeamUsers {\n    cptsTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n    }\n  }\n": typeof types.GroupTeamUsersDocument,
    "\n  mutation AddGroupPeople($groupId: ID!, $professionalIds: [ID!], $userIds: [ID!], $role: WorkingGroupRole) {\n    addWorkingGroupMembers(groupId: $groupId, professionalIds: $professionalIds, userIds: $userIds, role: $role) {\n      id\n      role\n    }\n  }\n": typeof types.AddGroupPeopleDocument,
    "\n  fragment MeetingPollFields on MeetingPoll {\n    id\n    ownerId\n    ownerName\n    title\n    place\n    videoUrl\n    status\n    meetingId\n    inviteeCount\n    answeredCount\n    createdAt\n    slots {\n      id\n      startsAt\n      endsAt\n      yes\n      ifNeedBe\n      no\n    }\n  }\n": typeof types.MeetingPollFieldsFragmentDoc,
    "\n  query MeetingPolls($ownerKind: String!, $ownerId: ID!) {\n    meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) {\n      ...MeetingPollFields\n    }\n  }\n": typeof types.MeetingPollsDocument,
    "\n  query MeetingPoll($id: ID!) {\n    meetingPoll(id: $id) {\n      ...MeetingPollFields\n      invitees {\n        id\n        name\n        emailed\n        answeredAt\n        answers {\n          slotId\n          answer\n        }\n      }\n    }\n  }\n": typeof types.MeetingPollDocument,
    "\n  mutation CreateMeetingPoll($input: CreateMeetingPollInput!) {\n    createMeetingPoll(input: $input) {\n      ...MeetingPollFields\n    }\n  }\n": typeof types.CreateMeetingPollDocument,
    "\n  mutation RemindMeetingPoll($id: ID!) {\n    remindMeetingPoll(id: $id)\n  }\n": typeof types.RemindMeetingPollDocument,
    "\n  mutation CloseMeetingPoll($id: ID!, $slotId: ID!) {\n    closeMeetingPoll(id: $id, slotId: $slotId) {\n      id\n      ownerId\n    }\n  }\n": typeof types.CloseMeetingPollDocument,
    "\n  query MeetingPage($id: ID!) {\n    meeting(id: $id) {\n      id\n      ownerKind\n      ownerId\n      ownerName\n      frame\n      title\n      startsAt\n      endsAt\n      place\n      videoUrl\n      status\n      agenda {\n        title\n        durationMinutes\n        presenter\n      }\n      presentCount\n      inviteeCount\n      minutesHtml\n      decisions\n      minutesPublishedAt\n      invitees {\n        id\n        professionalId\n        userId\n        name\n        emailed\n        reply\n        repliedAt\n        attendance\n      }\n      minutesRecipients {\n        name\n        emailed\n        sentAt\n      }\n    }\n  }\n": typeof types.MeetingPageDocument,
    "\n  query MeetingMinutes($id: ID!) {\n    meeting(id: $id) {\n      id\n      minutesHtml\n      decisions\n      minutesPublishedAt\n    }\n  }\n": typeof types.MeetingMinutesDocument,
    "\n  mutation RecordMeetingAttendance($meetingId: ID!, $entries: [AttendanceInput!]!) {\n    recordMeetingAttendance(meetingId: $meetingId, entries: $entries) {\n      id\n      invitees {\n        id\n        attendance\n      }\n    }\n  }\n": typeof types.RecordMeetingAttendanceDocument,
    "\n  mutation SaveMeetingMinutes($meetingId: ID!, $input: MeetingMinutesInput!) {\n    saveMeetingMinutes(meetingId: $meetingId, input: $input) {\n      id\n      minutesHtml\n      decisions\n      minutesPublishedAt\n    }\n  }\n": typeof types.SaveMeetingMinutesDocument,
    "\n  mutation PublishMeetingMinutes($meetingId: ID!) {\n    publishMeetingMinutes(meetingId: $meetingId) {\n      id\n      minutesPublishedAt\n      minutesRecipients {\n        name\n        emailed\n        sentAt\n      }\n    }\n  }\n": typeof types.PublishMeetingMinutesDocument,
    "\n  query MeetingDocuments($id: ID!) {\n    meeting(id: $id) {\n      id\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        uploadedByName\n        url\n      }\n    }\n  }\n": typeof types.MeetingDocumentsDocument,
    "\n  mutation DeleteMeetingDocument($id: ID!) {\n    deleteMeetingDocument(id: $id)\n  }\n": typeof types.DeleteMeetingDocumentDocument,
    "\n  fragment WorkingGroupFields on WorkingGroup {\n    id\n    name\n    missions\n    theme\n    description\n    status\n    frame {\n      purpose\n      rules\n      confidentiality\n    }\n    memberCount\n    referentCount\n    referentWarning\n  }\n": typeof types.WorkingGroupFieldsFragmentDoc,
    "\n  query WorkingGroups($status: WorkingGroupStatus) {\n    workingGroups(status: $status) {\n      ...WorkingGroupFields\n    }\n  }\n": typeof types.WorkingGroupsDocument,
    "\n  query WorkingGroup($id: ID!) {\n    workingGroup(id: $id) {\n      ...WorkingGroupFields\n    }\n  }\n": typeof types.WorkingGroupDocument,
    "\n  query WorkingGroupMembers($id: ID!, $includeFormer: Boolean!) {\n    workingGroup(id: $id) {\n      id\n      members(includeFormer: $includeFormer) {\n        id\n        kind\n        name\n        professionalId\n        userId\n        professionCode\n        role\n        joinedAt\n        leftAt\n      }\n    }\n  }\n": typeof types.WorkingGroupMembersDocument,
    "\n  mutation CreateWorkingGroup($input: WorkingGroupInput!) {\n    createWorkingGroup(input: $input) {\n      ...WorkingGroupFields\n    }\n  }\n": typeof types.CreateWorkingGroupDocument,
    "\n  mutation UpdateWorkingGroup($id: ID!, $input: WorkingGroupInput!) {\n    updateWorkingGroup(id: $id, input: $input) {\n      ...WorkingGroupFields\n    }\n  }\n": typeof types.UpdateWorkingGroupDocument,
    "\n  mutation SetWorkingGroupMemberRole($memberId: ID!, $role: WorkingGroupRole!) {\n    setWorkingGroupMemberRole(memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n": typeof types.SetWorkingGroupMemberRoleDocument,
    "\n  mutation RemoveWorkingGroupMember($memberId: ID!) {\n    removeWorkingGroupMember(memberId: $memberId) {\n      id\n      leftAt\n    }\n  }\n": typeof types.RemoveWorkingGroupMemberDocument,
    "\n  fragment MeetingFields on Meeting {\n    id\n    title\n    startsAt\n    endsAt\n    place\n    videoUrl\n    status\n    agenda {\n      title\n      durationMinutes\n      presenter\n    }\n    presentCount\n    inviteeCount\n    minutesPublishedAt\n  }\n": typeof types.MeetingFieldsFragmentDoc,
    "\n  query Meetings($ownerKind: String!, $ownerId: ID!) {\n    meetings(ownerKind: $ownerKind, ownerId: $ownerId) {\n      ...MeetingFields\n    }\n  }\n": typeof types.MeetingsDocument,
    "\n  query Meeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingFields\n      invitees {\n        id\n        name\n        emailed\n        reply\n        repliedAt\n      }\n    }\n  }\n": typeof types.MeetingDocument,
    "\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $input) {\n      ...MeetingFields\n    }\n  }\n": typeof types.ScheduleMeetingDocument,
    "\n  mutation UpdateMeeting($id: ID!, $input: MeetingDetailsInput!) {\n    updateMeeting(id: $id, input: $input) {\n      ...MeetingFields\n    }\n  }\n": typeof types.UpdateMeetingDocument,
    "\n  mutation CancelMeeting($id: ID!) {\n    cancelMeeting(id: $id) {\n      ...MeetingFields\n    }\n  }\n": typeof types.CancelMeetingDocument,
    "\n  query CptsDetail($id: ID!) {\n    cpts(id: $id) {\n      ...CptsOverview\n      slug\n      contactEmail\n      createdAt\n      updatedAt\n      departementCodes\n      communes {\n        inseeCode\n        name\n        population\n        departementCode\n        epciName\n      }\n      region {\n        id\n        name\n        networkName\n      }\n    }\n  }\n": typeof types.CptsDetailDocument,
    "\n  mutation InviteCoordinator($cptsId: ID!, $input: EmailInput!) {\n    inviteCoordinator(cptsId: $cptsId, input: $input) {\n      id\n      email\n      mailState\n    }\n  }\n": typeof types.InviteCoordinatorDocument,
    "\n  query Departements {\n    departements {\n      code\n      name\n    }\n  }\n": typeof types.DepartementsDocument,
    "\n  query CptsSlugSuggestion($name: String!) {\n    cptsSlugSuggestion(name: $name)\n  }\n": typeof types.CptsSlugSuggestionDocument,
    "\n  mutation CreateCpts($input: CptsInput!) {\n    createCpts(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.CreateCptsDocument,
    "\n  mutation UpdateCpts($id: ID!, $input: CptsInput!) {\n    updateCpts(id: $id, input: $input) {\n      id\n      name\n      slug\n      size\n      inhabitants\n      contactEmail\n      communeCodes\n      departementCodes\n      updatedAt\n    }\n  }\n": typeof types.UpdateCptsDocument,
    "\n  query CptsRegionFigures($id: ID!) {\n    regionOverview(cptsIds: [$id]) {\n      year\n      rows {\n        cptsId\n        current {\n          ...RegionYearFigures\n          participantsByMission {\n            mission\n            count\n          }\n        }\n        previous {\n          ...RegionYearFigures\n          participantsByMission {\n            mission\n            count\n          }\n        }\n        health {\n          level\n          signals {\n            level\n            text\n          }\n        }\n        membershipHistory {\n          year\n          total\n          professions {\n            code\n            label\n            count\n          }\n        }\n      }\n    }\n  }\n": typeof types.CptsRegionFiguresDocument,
    "\n  query RegionTable($year: Int) {\n    regionOverview(year: $year) {\n      year\n      computedAt\n      rows {\n        cptsId\n        name\n        departementCodes\n        current {\n          ...RegionYearFigures\n        }\n        previous {\n          ...RegionYearFigures\n        }\n        health {\n          level\n          signals {\n            level\n            text\n          }\n        }\n      }\n    }\n  }\n": typeof types.RegionTableDocument,
    "\n  fragment RegionYearFigures on CptsYearFigures {\n    year\n    professionals\n    members\n    workingGroups\n    meetingsHeld\n    participants\n    actionItemsDone\n    actionItemsOverdue\n    decisionsOpen\n    decisionsClosed\n    decisionsWithoutQuorum\n    mandatesEndingSoon\n    proActifProjects\n    proActifCommittedCents\n    proActifPaidCents\n    mailingsSent\n    clickRate\n    lastActivityAt\n  }\n": typeof types.RegionYearFiguresFragmentDoc,
    "\n  query FollowedWorkingGroups($id: ID!) {\n    cpts(id: $id) {\n      id\n      workingGroups {\n        id\n        name\n        missions\n        theme\n        status\n        memberCount\n        referentCount\n        nextMeetingAt\n        meetingsThisYear\n        openActionItems\n        overdueActionItems\n        doneThisQuarter\n      }\n    }\n  }\n": typeof types.FollowedWorkingGroupsDocument,
    "\n  query ObservatoryTrend($indicator: ObservatoryIndicator!, $departementCode: String) {\n    observatoryTrend(indicator: $indicator, departementCode: $departementCode) {\n      indicator\n      years\n      cpts {\n        cptsId\n        name\n        departementCodes\n        values\n      }\n      departements {\n        code\n        values\n      }\n      total\n      lastTakenAt\n      includesDemo\n    }\n  }\n": typeof types.ObservatoryTrendDocument,
    "\n  mutation TakeRegionSnapshot {\n    takeRegionSnapshot {\n      year\n      count\n      takenAt\n    }\n  }\n": typeof types.TakeRegionSnapshotDocument,
    "\n  query RegionCpts {\n    regionCpts {\n      ...CptsOverview\n    }\n  }\n": typeof types.RegionCptsDocument,
    "\n  query RegionTeam {\n    regionTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n      followedCpts {\n        id\n        name\n      }\n    }\n    regionCpts {\n      id\n      name\n    }\n  }\n": typeof types.RegionTeamDocument,
    "\n  query RegionInvitations {\n    regionInvitations {\n      ...InvitationRowFields\n    }\n  }\n": typeof types.RegionInvitationsDocument,
    "\n  mutation InviteToRegion($input: InviteToRegionInput!) {\n    inviteToRegion(input: $input) {\n      id\n    }\n  }\n": typeof types.InviteToRegionDocument,
    "\n  mutation RevokeRegionInvitation($id: ID!) {\n    revokeRegionInvitation(id: $id)\n  }\n": typeof types.RevokeRegionInvitationDocument,
    "\n  mutation AssignMissionOfficer($userId: ID!, $cptsIds: [ID!]!) {\n    assignMissionOfficer(userId: $userId, cptsIds: $cptsIds) {\n      user {\n        id\n      }\n      roles\n      followedCpts {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AssignMissionOfficerDocument,
    "\n  fragment ResourceContentFields on ResourceContent {\n    kind\n    title\n    intro\n    body\n    objective\n    mission\n    actions\n    questions {\n      type\n      label\n      options\n      required\n    }\n    indicators {\n      label\n      kind\n      unit\n      target\n    }\n  }\n": typeof types.ResourceContentFieldsFragmentDoc,
    "\n  query RegionResources($search: String, $category: ResourceCategory) {\n    regionResources(search: $search, category: $category) {\n      id\n      title\n      description\n      category\n      currentVersion\n      updatedAt\n    }\n  }\n": typeof types.RegionResourcesDocument,
    "\n  query RegionResource($id: ID!) {\n    regionResource(id: $id) {\n      id\n      title\n      description\n      category\n      currentVersion\n      versions {\n        version\n        note\n        publishedAt\n        content {\n          ...ResourceContentFields\n        }\n        files {\n          documentId\n          fileName\n          bytes\n          url\n        }\n      }\n    }\n    resourceUsage(resourceId: $id) {\n      adoptions\n      downloads\n      cpts {\n        cptsId\n        cptsName\n        adoptedVersion\n        adapted\n        adoptedAt\n        downloads\n      }\n    }\n  }\n": typeof types.RegionResourceDocument,
    "\n  mutation PublishResource($input: PublishResourceInput!) {\n    publishResource(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.PublishResourceDocument,
    "\n  mutation PublishResourceVersion($input: PublishResourceVersionInput!) {\n    publishResourceVersion(input: $input) {\n      id\n      title\n      currentVersion\n    }\n  }\n": typeof types.PublishResourceVersionDocument,
    "\n  query LibraryResources($search: String, $category: ResourceCategory) {\n    libraryResources(search: $search, category: $category) {\n      id\n      title\n      description\n      category\n      currentVersion\n      updatedAt\n      myAdoptionId\n    }\n  }\n": typeof types.LibraryResourcesDocument,
    "\n  mutation AdoptResource($resourceId: ID!) {\n    adoptResource(resourceId: $resourceId) {\n      id\n    }\n  }\n": typeof types.AdoptResourceDocument,
    "\n  fragment AdoptionFields on ResourceAdoption {\n    id\n    resourceId\n    category\n    title\n    adoptedVersion\n    latestVersion\n    updateAvailable\n    adapted\n    adaptedAt\n    adoptedAt\n    content {\n      ...ResourceContentFields\n    }\n    files {\n      documentId\n      fileName\n      bytes\n      url\n    }\n  }\n": typeof types.AdoptionFieldsFragmentDoc,
    "\n  query ResourceAdoptions {\n    resourceAdoptions {\n      ...AdoptionFields\n    }\n  }\n": typeof types.ResourceAdoptionsDocument,
    "\n  query ResourceAdoption($id: ID!) {\n    resourceAdoption(id: $id) {\n      ...AdoptionFields\n    }\n  }\n": typeof types.ResourceAdoptionDocument,
    "\n  query ResourceUpdateDiff($id: ID!) {\n    resourceUpdateDiff(adoptionId: $id) {\n      fromVersion\n      toVersion\n      note\n      adapted\n      changes {\n        kind\n        label\n        before\n        after\n        lines {\n          kind\n          text\n        }\n      }\n    }\n  }\n": typeof types.ResourceUpdateDiffDocument,
    "\n  mutation AdaptResourceAdoption($input: AdaptResourceAdoptionInput!) {\n    adaptResourceAdoption(input: $input) {\n      ...AdoptionFields\n    }\n  }\n": typeof types.AdaptResourceAdoptionDocument,
    "\n  mutation TakeResourceUpdate($id: ID!) {\n    takeResourceUpdate(adoptionId: $id) {\n      ...AdoptionFields\n    }\n  }\n": typeof types.TakeResourceUpdateDocument,
    "\n  mutation DismissResourceUpdate($id: ID!) {\n    dismissResourceUpdate(adoptionId: $id) {\n      ...AdoptionFields\n    }\n  }\n": typeof types.DismissResourceUpdateDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      user {\n        id\n        displayName\n        email\n      }\n      platformAdmin\n      activeRoles\n      activeCpts {\n        id\n        name\n        region {\n          id\n          networkName\n        }\n      }\n      memberships {\n        roles\n        cpts {\n          id\n          name\n        }\n      }\n      regionRoles {\n        role\n        region {\n          id\n          name\n          networkName\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query CommuneSearch($filter: CommuneFilter) {\n    communes(filter: $filter) {\n      inseeCode\n      name\n      population\n      departementCode\n      epciName\n    }\n  }\n": types.CommuneSearchDocument,
    "\n  mutation SwitchCpts($cptsId: ID!) {\n    switchCpts(cptsId: $cptsId) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n": types.SwitchCptsDocument,
    "\n  fragment CptsOverview on Cpts {\n    id\n    name\n    size\n    inhabitants\n    professionalCount\n    communeCodes\n    departements {\n      code\n      name\n    }\n  }\n": types.CptsOverviewFragmentDoc,
    "\n  fragment InvitationRowFields on Invitation {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n    invitedByName\n    mailState\n    mailError\n  }\n": types.InvitationRowFieldsFragmentDoc,
    "\n  query PeopleSearch($filter: ProfessionalFilter, $first: Int!) {\n    professionals(first: $first, filter: $filter) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          profession {\n            label\n          }\n        }\n      }\n    }\n  }\n": types.PeopleSearchDocument,
    "\n  query PersonName($id: ID!) {\n    professional(id: $id) {\n      id\n      firstName\n      lastName\n    }\n  }\n": types.PersonNameDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment CursorPageInfo on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": types.CursorPageInfoFragmentDoc,
    "\n  query Regions {\n    regions {\n      id\n      name\n      networkName\n      inseeRegionCode\n    }\n  }\n": types.RegionsDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      role\n      organisationName\n      expiresAt\n      accountExists\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      email\n      accountCreated\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($input: EmailInput!) {\n    requestPasswordReset(input: $input)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n": types.LoginDocument,
    "\n  query PendingInvitations {\n    cptsInvitations {\n      id\n      acceptedAt\n      revokedAt\n      expiresAt\n      mailState\n    }\n    cptsTeam {\n      user {\n        id\n      }\n    }\n  }\n": types.PendingInvitationsDocument,
    "\n  query DirectoryImports {\n    directoryImports(first: 10) {\n      id\n      fileName\n      status\n      createdAt\n      created\n      updated\n      rejected\n      conflicts\n    }\n  }\n": types.DirectoryImportsDocument,
    "\n  query DirectoryImport($id: ID!) {\n    directoryImport(id: $id) {\n      id\n      fileName\n      fileBytes\n      extractedAt\n      status\n      bytesRead\n      linesRead\n      kept\n      created\n      updated\n      unchanged\n      rejected\n      conflicts\n      errorMessage\n      createdAt\n      finishedAt\n      olderConfirmation {\n        confirmedByName\n        confirmedAt\n        summary\n      }\n      issues(first: 200) {\n        seq\n        kind\n        line\n        reason\n        professionalId\n        professionalName\n        siteName\n        field\n        currentValue\n        importedValue\n        resolution\n      }\n    }\n  }\n": types.DirectoryImportDocument,
    "\n  query DirectoryImportCheck($fileName: String!) {\n    directoryImportCheck(fileName: $fileName) {\n      extractedAt\n      olderWarning\n    }\n  }\n": types.DirectoryImportCheckDocument,
    "\n  mutation ResolveImportConflict($importId: ID!, $seq: Int!, $keep: ConflictChoice!) {\n    resolveImportConflict(importId: $importId, seq: $seq, keep: $keep) {\n      seq\n      resolution\n    }\n  }\n": types.ResolveImportConflictDocument,
    "\n  mutation ResolvePersonImportConflicts($importId: ID!, $professionalId: ID!, $keep: ConflictChoice!) {\n    resolvePersonImportConflicts(importId: $importId, professionalId: $professionalId, keep: $keep) {\n      seq\n      resolution\n    }\n  }\n": types.ResolvePersonImportConflictsDocument,
    "\n  fragment DirectoryLabelRow on DirectoryLabel {\n    id\n    name\n    professionalCount\n  }\n": types.DirectoryLabelRowFragmentDoc,
    "\n  query DirectoryLabels {\n    directoryLabels {\n      ...DirectoryLabelRow\n    }\n  }\n": types.DirectoryLabelsDocument,
    "\n  mutation CreateDirectoryLabel($name: String!) {\n    createDirectoryLabel(input: { name: $name }) {\n      ...DirectoryLabelRow\n    }\n  }\n": types.CreateDirectoryLabelDocument,
    "\n  mutation RenameDirectoryLabel($id: ID!, $name: String!) {\n    renameDirectoryLabel(id: $id, input: { name: $name }) {\n      ...DirectoryLabelRow\n    }\n  }\n": types.RenameDirectoryLabelDocument,
    "\n  mutation DeleteDirectoryLabel($id: ID!) {\n    deleteDirectoryLabel(id: $id)\n  }\n": types.DeleteDirectoryLabelDocument,
    "\n  fragment ProfessionalFields on Professional {\n    id\n    firstName\n    lastName\n    professionCode\n    communeCode\n    structureName\n    rpps\n    email\n    phone\n    emailIsWork\n    archivedAt\n    createdAt\n    updatedAt\n  }\n": types.ProfessionalFieldsFragmentDoc,
    "\n  query Professional($id: ID!) {\n    professional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n": types.ProfessionalDocument,
    "\n  mutation CreateProfessional($input: ProfessionalInput!) {\n    createProfessional(input: $input) {\n      ...ProfessionalFields\n    }\n  }\n": types.CreateProfessionalDocument,
    "\n  mutation UpdateProfessional($id: ID!, $input: ProfessionalInput!) {\n    updateProfessional(id: $id, input: $input) {\n      ...ProfessionalFields\n    }\n  }\n": types.UpdateProfessionalDocument,
    "\n  mutation ArchiveProfessional($id: ID!) {\n    archiveProfessional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n": types.ArchiveProfessionalDocument,
    "\n  mutation RestoreProfessional($id: ID!) {\n    restoreProfessional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n": types.RestoreProfessionalDocument,
    "\n  query Professionals($first: Int!, $after: String, $filter: ProfessionalFilter) {\n    professionals(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        cursor\n        node {\n          ...ProfessionalSummary\n          archivedAt\n        }\n      }\n    }\n  }\n": types.ProfessionalsDocument,
    "\n  query CptsTeam {\n    cptsTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n    }\n  }\n": types.CptsTeamDocument,
    "\n  query CptsInvitations {\n    cptsInvitations {\n      ...InvitationRowFields\n    }\n  }\n": types.CptsInvitationsDocument,
    "\n  mutation InviteToCpts($input: InviteToCptsInput!) {\n    inviteToCpts(input: $input) {\n      id\n    }\n  }\n": types.InviteToCptsDocument,
    "\n  mutation RevokeCptsInvitation($id: ID!) {\n    revokeCptsInvitation(id: $id)\n  }\n": types.RevokeCptsInvitationDocument,
    "\n  fragment CallEnvelopeFields on CallEnvelope {\n    envelopeCents\n    committedCents\n    pendingCents\n    paidCents\n    remainingCents\n    availableCents\n  }\n": types.CallEnvelopeFieldsFragmentDoc,
    "\n  fragment CallFields on Call {\n    id\n    year\n    slug\n    title\n    rules\n    opensOn\n    closesOn\n    envelopeCents\n    missions\n    membersOnly\n    flatFeeCents\n    hourlyRateCents\n    requiredCriteria\n    rubric {\n      label\n      weight\n    }\n    publishedAt\n    state\n    projectCount\n  }\n": types.CallFieldsFragmentDoc,
    "\n  query Calls {\n    calls {\n      id\n      year\n      title\n      state\n      opensOn\n      closesOn\n      projectCount\n      envelope {\n        ...CallEnvelopeFields\n      }\n    }\n  }\n": types.CallsDocument,
    "\n  query Call($id: ID!) {\n    call(id: $id) {\n      ...CallFields\n      publicUrl\n      envelope {\n        ...CallEnvelopeFields\n      }\n      envelopeRaises {\n        id\n        fromCents\n        toCents\n        reason\n        decisionId\n        requestedAt\n        appliedAt\n      }\n    }\n  }\n": types.CallDocument,
    "\n  query CallProjects($callId: ID!, $status: ProjectStatus) {\n    callProjects(callId: $callId, status: $status) {\n      id\n      number\n      title\n      status\n      proposer {\n        id\n        name\n      }\n      budgetCents\n      approvedCents\n      scores {\n        weighted\n      }\n      decision {\n        id\n        status\n        outcome\n        registerNumber\n      }\n    }\n  }\n": types.CallProjectsDocument,
    "\n  query RaiseDecision($id: ID!) {\n    decision(id: $id) {\n      id\n      status\n      outcome\n      deadline\n      registerNumber\n    }\n  }\n": types.RaiseDecisionDocument,
    "\n  query CallProject($id: ID!) {\n    callProject(id: $id) {\n      id\n      callId\n      number\n      status\n      title\n      summary\n      missions\n      targetPublic\n      proposer {\n        id\n        name\n        professionCode\n        email\n        created\n      }\n      coCarriers {\n        id\n        name\n        professionCode\n      }\n      workshopCount\n      workshopMinutes\n      speakers\n      budgetLines {\n        kind\n        label\n        amountCents\n      }\n      criteria {\n        criterion\n        indicator\n        target\n        actual\n      }\n      speakerFeesCents\n      budgetCents\n      approvedCents\n      decision {\n        id\n        status\n        outcome\n        deadline\n        registerNumber\n      }\n      debriefWorked\n      debriefNotWorked\n      debriefedAt\n      evaluatedAt\n      submittedAt\n      createdAt\n      updatedAt\n      events {\n        at\n        fromStatus\n        toStatus\n        actorName\n        note\n      }\n      comments {\n        id\n        author\n        authorName\n        body\n        createdAt\n      }\n      workshops {\n        id\n        heldOn\n        startTime\n        minutes\n        place\n        participants\n        knownParticipants\n        speakers {\n          id\n          name\n        }\n        recordedAt\n      }\n      paymentLines {\n        id\n        professionalName\n        kind\n        workDate\n        minutes\n        amountCents\n        label\n        source\n        sourceRef\n        status\n        paidOn\n      }\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        byProposer\n        url\n      }\n      scores {\n        lines {\n          label\n          weight\n          average\n          scorers\n          mine\n        }\n        weighted\n      }\n    }\n  }\n": types.CallProjectDocument,
    "\n  query ProjectCall($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      year\n      flatFeeCents\n      hourlyRateCents\n      envelope {\n        ...CallEnvelopeFields\n      }\n    }\n  }\n": types.ProjectCallDocument,
    "\n  query CallCptsSlug {\n    currentCpts {\n      id\n      slug\n    }\n  }\n": types.CallCptsSlugDocument,
    "\n  mutation CreateCall($input: CallInput!) {\n    createCall(input: $input) {\n      ...CallFields\n    }\n  }\n": types.CreateCallDocument,
    "\n  mutation UpdateCall($id: ID!, $input: CallInput!) {\n    updateCall(id: $id, input: $input) {\n      ...CallFields\n    }\n  }\n": types.UpdateCallDocument,
    "\n  mutation PublishCall($id: ID!) {\n    publishCall(id: $id) {\n      id\n      publishedAt\n      state\n    }\n  }\n": types.PublishCallDocument,
    "\n  mutation StartProjectReview($id: ID!) {\n    startProjectReview(id: $id) {\n      id\n      status\n    }\n  }\n": types.StartProjectReviewDocument,
    "\n  mutation RequestProjectChanges($id: ID!, $note: String!) {\n    requestProjectChanges(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": types.RequestProjectChangesDocument,
    "\n  mutation MarkProjectReady($id: ID!, $note: String) {\n    markProjectReady(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": types.MarkProjectReadyDocument,
    "\n  mutation ReturnProjectToReview($id: ID!, $note: String) {\n    returnProjectToReview(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": types.ReturnProjectToReviewDocument,
    "\n  mutation CommentOnProject($id: ID!, $body: String!) {\n    commentOnProject(id: $id, body: $body) {\n      id\n      author\n      authorName\n      body\n      createdAt\n    }\n  }\n": types.CommentOnProjectDocument,
    "\n  mutation ScoreProject($id: ID!, $scores: [Int]!) {\n    scoreProject(id: $id, scores: $scores) {\n      lines {\n        label\n        weight\n        average\n        scorers\n        mine\n      }\n      weighted\n    }\n  }\n": types.ScoreProjectDocument,
    "\n  mutation PutProjectsToBureau($input: PutToBureauInput!) {\n    putProjectsToBureau(input: $input) {\n      id\n      status\n      decision {\n        id\n        status\n        outcome\n        registerNumber\n      }\n    }\n  }\n": types.PutProjectsToBureauDocument,
    "\n  mutation RaiseCallEnvelope($input: EnvelopeRaiseInput!) {\n    raiseCallEnvelope(input: $input) {\n      id\n      fromCents\n      toCents\n      reason\n      decisionId\n      requestedAt\n      appliedAt\n    }\n  }\n": types.RaiseCallEnvelopeDocument,
    "\n  mutation RecordProjectWorkshop($input: RecordWorkshopInput!) {\n    recordProjectWorkshop(input: $input) {\n      workshop {\n        id\n        projectId\n      }\n      warnings\n    }\n  }\n": types.RecordProjectWorkshopDocument,
    "\n  mutation RemoveProjectWorkshop($id: ID!) {\n    removeProjectWorkshop(id: $id) {\n      id\n      status\n    }\n  }\n": types.RemoveProjectWorkshopDocument,
    "\n  mutation FileProjectDebrief($projectId: ID!, $worked: String!, $notWorked: String!) {\n    fileProjectDebrief(projectId: $projectId, worked: $worked, notWorked: $notWorked) {\n      project {\n        id\n        status\n      }\n      warnings\n    }\n  }\n": types.FileProjectDebriefDocument,
    "\n  mutation FileProjectEvaluation($projectId: ID!, $actuals: [String!]!) {\n    fileProjectEvaluation(projectId: $projectId, actuals: $actuals) {\n      id\n      status\n    }\n  }\n": types.FileProjectEvaluationDocument,
    "\n  query CallSummary($callId: ID!) {\n    callSummary(callId: $callId) {\n      callId\n      title\n      year\n      envelope {\n        ...CallEnvelopeFields\n      }\n      projectCount\n      byStatus {\n        status\n        projects\n        budgetCents\n      }\n      byMission {\n        mission\n        projects\n        budgetCents\n        approvedCents\n      }\n      professionalCount\n      professionals {\n        id\n        name\n        professionLabel\n        carrier\n        coCarrier\n        projects\n      }\n      workshopCount\n      participants\n      knownParticipants\n      projects {\n        id\n        number\n        title\n        status\n        carrier\n        missions\n        budgetCents\n        approvedCents\n        paidCents\n        workshops\n        participants\n      }\n      workshops {\n        id\n        projectId\n        projectNumber\n        projectTitle\n        heldOn\n        minutes\n        place\n        participants\n        knownParticipants\n        speakers\n        feesCents\n      }\n    }\n  }\n": types.CallSummaryDocument,
    "\n  query CampaignReport($campaignId: ID!) {\n    campaignReport(campaignId: $campaignId) {\n      campaignId\n      subject\n      sendingStartedAt\n      finishedAt\n      sent\n      failed\n      pending\n      cancelled\n      skipped\n      uniqueClickers\n      totalClicks\n      clickRate\n      links {\n        index\n        url\n        uniqueClickers\n        totalClicks\n      }\n      professions {\n        profession {\n          code\n          labelPlural\n        }\n        sent\n        clickers\n        clickRate\n      }\n    }\n  }\n": types.CampaignReportDocument,
    "\n  query CampaignFollowUp($campaignId: ID!, $first: Int, $after: String) {\n    campaignFollowUp(campaignId: $campaignId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          deliveryId\n          professionalId\n          lastName\n          firstName\n          profession {\n            code\n            label\n          }\n          communes {\n            inseeCode\n            name\n          }\n          phone\n          email\n        }\n      }\n    }\n  }\n": types.CampaignFollowUpDocument,
    "\n  query Campaigns($status: CampaignStatus, $first: Int!, $after: String) {\n    campaigns(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          subject\n          status\n          audienceType\n          purpose\n          scheduledAt\n          sendingStartedAt\n          finishedAt\n          updatedAt\n          progress {\n            ...CampaignProgressFields\n          }\n        }\n      }\n    }\n  }\n": types.CampaignsDocument,
    "\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      id\n      subject\n      bodyHtml\n      senderName\n      replyTo\n      audienceType\n      purpose\n      status\n      scheduledAt\n      sendingStartedAt\n      finishedAt\n      updatedAt\n      segment {\n        professionCodes\n        communeCodes\n        membership {\n          year\n          statuses\n        }\n        minInvolvementLevel\n        labelIds\n        includeIds\n        excludeIds\n      }\n      progress {\n        ...CampaignProgressFields\n      }\n      previewHtml\n    }\n  }\n": types.CampaignDocument,
    "\n  query AudiencePreview($audienceType: CampaignAudience!, $purpose: CampaignPurpose!, $segment: CampaignSegmentInput) {\n    audiencePreview(audienceType: $audienceType, purpose: $purpose, segment: $segment) {\n      recipients\n      matched\n      sharedAddresses\n      excluded {\n        noEmail\n        withdrawn\n        noConsent\n        bounced\n        blocked\n      }\n      excludedSample {\n        professionalId\n        name\n        reason\n      }\n    }\n  }\n": types.AudiencePreviewDocument,
    "\n  query NewslettersInMonth($at: DateTime, $except: ID) {\n    newslettersInMonth(at: $at, exceptCampaignId: $except)\n  }\n": types.NewslettersInMonthDocument,
    "\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreateCampaignDocument,
    "\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": types.UpdateCampaignDocument,
    "\n  mutation DeleteCampaign($id: ID!) {\n    deleteCampaign(id: $id)\n  }\n": types.DeleteCampaignDocument,
    "\n  mutation DuplicateCampaign($id: ID!) {\n    duplicateCampaign(id: $id) {\n      id\n    }\n  }\n": types.DuplicateCampaignDocument,
    "\n  mutation SendCampaign($id: ID!) {\n    sendCampaign(id: $id) {\n      id\n      status\n      sendingStartedAt\n      progress {\n        ...CampaignProgressFields\n      }\n    }\n  }\n": types.SendCampaignDocument,
    "\n  mutation ScheduleCampaign($id: ID!, $at: DateTime!) {\n    scheduleCampaign(id: $id, at: $at) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": types.ScheduleCampaignDocument,
    "\n  mutation UnscheduleCampaign($id: ID!) {\n    unscheduleCampaign(id: $id) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": types.UnscheduleCampaignDocument,
    "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n      status\n    }\n  }\n": types.PauseCampaignDocument,
    "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n      status\n    }\n  }\n": types.ResumeCampaignDocument,
    "\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      id\n      status\n      finishedAt\n    }\n  }\n": types.CancelCampaignDocument,
    "\n  mutation SendTestCampaign($id: ID!) {\n    sendTestCampaign(id: $id)\n  }\n": types.SendTestCampaignDocument,
    "\n  query SegmentOptions {\n    directoryLabels {\n      id\n      name\n    }\n    membershipYears {\n      year\n    }\n  }\n": types.SegmentOptionsDocument,
    "\n  fragment CampaignProgressFields on CampaignProgress {\n    total\n    sent\n    failed\n    pending\n    cancelled\n    skipped\n  }\n": types.CampaignProgressFieldsFragmentDoc,
    "\n  query PreviewProfessionalsCsv($content: String!) {\n    previewProfessionalsCsv(content: $content) {\n      columns\n      rows\n      rowCount\n      delimiter\n      suggestedMapping {\n        column\n        field\n      }\n    }\n  }\n": types.PreviewProfessionalsCsvDocument,
    "\n  mutation ImportProfessionalsCsv($content: String!, $mapping: [CsvColumnMappingInput!]!, $dryRun: Boolean!, $emailKind: CsvEmailKind!) {\n    importProfessionalsCsv(content: $content, mapping: $mapping, dryRun: $dryRun, emailKind: $emailKind) {\n      ...CsvImportReportFields\n    }\n  }\n\n  fragment CsvImportReportFields on CsvImportReport {\n    dryRun\n    rows\n    created\n    updated\n    unchanged\n    errors {\n      line\n      reason\n    }\n    kept {\n      line\n      reason\n    }\n    emailKind\n    emails\n  }\n": types.ImportProfessionalsCsvDocument,
    "\n  query DuplicateCandidates {\n    duplicateCandidates {\n      reason\n      first {\n        ...DuplicateFields\n      }\n      second {\n        ...DuplicateFields\n      }\n    }\n  }\n\n  fragment DuplicateFields on Professional {\n    ...ProfessionalSummary\n    rpps\n    createdAt\n  }\n": types.DuplicateCandidatesDocument,
    "\n  mutation MergeProfessionals($keptId: ID!, $mergedId: ID!) {\n    mergeProfessionals(keptId: $keptId, mergedId: $mergedId) {\n      id\n      mergedInto\n    }\n  }\n": types.MergeProfessionalsDocument,
    "\n  mutation DismissDuplicate($firstId: ID!, $secondId: ID!) {\n    dismissDuplicate(firstId: $firstId, secondId: $secondId)\n  }\n": types.DismissDuplicateDocument,
    "\n  query DuplicateCount {\n    duplicateCandidates {\n      reason\n      first {\n        id\n      }\n      second {\n        id\n      }\n    }\n  }\n": types.DuplicateCountDocument,
    "\n  fragment FicheFields on FicheAction {\n    id\n    year\n    title\n    objective\n    mission\n    actions\n    status\n    startsOn\n    endsOn\n    updatedAt\n    responsible {\n      kind\n      id\n      name\n    }\n    indicators {\n      id\n      label\n      kind\n      unit\n      target\n      actual\n      computedFrom\n      met\n      assessment\n    }\n    sources {\n      kind\n      id\n    }\n    reviewMeetings {\n      id\n      title\n      startsAt\n      endsAt\n      status\n      ficheIds\n    }\n  }\n": types.FicheFieldsFragmentDoc,
    "\n  query EvaluationFile($year: Int!) {\n    evaluationFile(year: $year) {\n      year\n      cptsName\n      fiches\n      quantitativeIndicators\n      indicatorsMet\n      evidence\n      pdfUrl\n      xlsxUrl\n      perFiche {\n        id\n        title\n        mission\n        status\n        indicators\n        indicatorsMet\n        evidence\n      }\n    }\n  }\n": types.EvaluationFileDocument,
    "\n  query Fiche($id: ID!) {\n    fiche(id: $id) {\n      ...FicheFields\n    }\n    ficheEvidence(ficheId: $id) {\n      id\n      kind\n      automatic\n      title\n      from\n      to\n      figures {\n        label\n        value\n        unit\n        key\n      }\n      details\n      url\n      gap\n    }\n  }\n": types.FicheDocument,
    "\n  query FicheSourceChoices($year: Int!) {\n    ficheSourceChoices(year: $year) {\n      kind\n      id\n      name\n      detail\n    }\n  }\n": types.FicheSourceChoicesDocument,
    "\n  mutation CreateFiche($input: FicheInput!) {\n    createFiche(input: $input) {\n      ...FicheFields\n    }\n  }\n": types.CreateFicheDocument,
    "\n  mutation UpdateFiche($id: ID!, $input: FicheInput!) {\n    updateFiche(id: $id, input: $input) {\n      ...FicheFields\n    }\n  }\n": types.UpdateFicheDocument,
    "\n  mutation LinkFicheSource($ficheId: ID!, $kind: FicheSourceKind!, $sourceId: ID!) {\n    linkFicheSource(ficheId: $ficheId, kind: $kind, sourceId: $sourceId) {\n      ...FicheFields\n    }\n  }\n": types.LinkFicheSourceDocument,
    "\n  mutation UnlinkFicheSource($ficheId: ID!, $kind: FicheSourceKind!, $sourceId: ID!) {\n    unlinkFicheSource(ficheId: $ficheId, kind: $kind, sourceId: $sourceId) {\n      ...FicheFields\n    }\n  }\n": types.UnlinkFicheSourceDocument,
    "\n  mutation AddFicheEvidence($input: FicheEvidenceTextInput!) {\n    addFicheEvidence(input: $input) {\n      ...FicheFields\n    }\n  }\n": types.AddFicheEvidenceDocument,
    "\n  mutation RemoveFicheEvidence($id: ID!) {\n    removeFicheEvidence(id: $id) {\n      ...FicheFields\n    }\n  }\n": types.RemoveFicheEvidenceDocument,
    "\n  mutation PlanFicheReview($input: PlanFicheReviewInput!) {\n    planFicheReview(input: $input) {\n      id\n      title\n      startsAt\n      ficheIds\n    }\n  }\n": types.PlanFicheReviewDocument,
    "\n  fragment DecisionTallyFields on DecisionTally {\n    for\n    against\n    abstain\n    eligible\n    participating\n    byProxy\n    cast\n    quorumNeeded\n    quorumMet\n  }\n": types.DecisionTallyFieldsFragmentDoc,
    "\n  fragment DecisionSummaryFields on Decision {\n    id\n    instanceId\n    instanceName\n    instanceKind\n    source\n    title\n    question\n    deadline\n    status\n    openedAt\n    closedAt\n    closedBecause\n    outcome\n    registerNumber\n    voterCount\n    votedCount\n    publishedAt\n    createdAt\n    myVoterId\n    tally {\n      ...DecisionTallyFields\n    }\n  }\n": types.DecisionSummaryFieldsFragmentDoc,
    "\n  query Decisions($status: DecisionStatus) {\n    decisions(status: $status) {\n      ...DecisionSummaryFields\n    }\n  }\n": types.DecisionsDocument,
    "\n  query PendingDecisions {\n    decisions(status: OPEN) {\n      id\n      title\n      instanceName\n      deadline\n      myVoterId\n      voterCount\n      votedCount\n      voters {\n        id\n        voted\n        conflict\n        proxyToId\n      }\n    }\n  }\n": types.PendingDecisionsDocument,
    "\n  query Decision($id: ID!) {\n    decision(id: $id) {\n      ...DecisionSummaryFields\n      canEditDraft\n      context\n      options\n      amountCents\n      missions\n      reopensId\n      reopenedById\n      meetingId\n      statutes {\n        quorumShare\n        majority\n        abstentionsCountAsCast\n        proxiesPerHolder\n        perCollege\n      }\n      colleges {\n        college\n        outcome\n        tally {\n          ...DecisionTallyFields\n        }\n      }\n      voters {\n        id\n        name\n        college\n        voted\n        choice\n        votedAt\n        channel\n        changes\n        conflict\n        conflictNote\n        proxyToId\n        proxyToName\n        holdsProxiesOf\n      }\n      comments {\n        id\n        authorName\n        body\n        createdAt\n      }\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        url\n      }\n    }\n  }\n": types.DecisionDocument,
    "\n  query DecisionAudit($id: ID!) {\n    decision(id: $id) {\n      id\n      audit {\n        seq\n        at\n        event\n        actor\n        channel\n        data\n        hash\n      }\n    }\n  }\n": types.DecisionAuditDocument,
    "\n  query VerifyDecisionAudit($id: ID!) {\n    verifyDecisionAudit(id: $id) {\n      ok\n      entries\n      brokenAt\n      problem\n    }\n  }\n": types.VerifyDecisionAuditDocument,
    "\n  query DecisionInstances {\n    governanceInstances {\n      id\n      kind\n      name\n      currentCount\n    }\n  }\n": types.DecisionInstancesDocument,
    "\n  query DecisionRecipients($id: ID!) {\n    governanceInstance(id: $id) {\n      id\n      kind\n      name\n      currentCount\n      mandates {\n        id\n        name\n      }\n    }\n  }\n": types.DecisionRecipientsDocument,
    "\n  mutation CreateDecision($input: DecisionInput!) {\n    createDecision(input: $input) {\n      id\n      title\n    }\n  }\n": types.CreateDecisionDocument,
    "\n  mutation UpdateDecision($id: ID!, $input: DecisionInput!) {\n    updateDecision(id: $id, input: $input) {\n      id\n      title\n    }\n  }\n": types.UpdateDecisionDocument,
    "\n  mutation DeleteDecisionDraft($id: ID!) {\n    deleteDecisionDraft(id: $id)\n  }\n": types.DeleteDecisionDraftDocument,
    "\n  mutation OpenDecision($id: ID!) {\n    openDecision(id: $id) {\n      id\n      status\n      voterCount\n    }\n  }\n": types.OpenDecisionDocument,
    "\n  mutation ReopenDecision($id: ID!, $deadline: DateTime!) {\n    reopenDecision(id: $id, deadline: $deadline) {\n      id\n      status\n    }\n  }\n": types.ReopenDecisionDocument,
    "\n  mutation PublishDecision($id: ID!) {\n    publishDecision(id: $id) {\n      id\n      publishedAt\n    }\n  }\n": types.PublishDecisionDocument,
    "\n  mutation VoteOnDecision($id: ID!, $choice: VoteChoice!) {\n    voteOnDecision(id: $id, choice: $choice) {\n      id\n      status\n    }\n  }\n": types.VoteOnDecisionDocument,
    "\n  mutation DeclareDecisionConflict($id: ID!, $note: String) {\n    declareDecisionConflict(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": types.DeclareDecisionConflictDocument,
    "\n  mutation GiveDecisionProxy($id: ID!, $holderId: ID) {\n    giveDecisionProxy(id: $id, holderId: $holderId) {\n      id\n      status\n    }\n  }\n": types.GiveDecisionProxyDocument,
    "\n  mutation CommentOnDecision($id: ID!, $body: String!) {\n    commentOnDecision(id: $id, body: $body) {\n      id\n    }\n  }\n": types.CommentOnDecisionDocument,
    "\n  mutation RemoveDecisionDocument($id: ID!) {\n    removeDecisionDocument(id: $id)\n  }\n": types.RemoveDecisionDocumentDocument,
    "\n  query DecisionRegister($year: Int, $first: Int!, $after: String) {\n    decisionRegister(year: $year, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          registerNumber\n          closedAt\n          instanceName\n          source\n          title\n          outcome\n          tally {\n            for\n            against\n            abstain\n            participating\n            byProxy\n            eligible\n          }\n        }\n      }\n    }\n  }\n": types.DecisionRegisterDocument,
    "\n  fragment GovernanceInstanceFields on GovernanceInstance {\n    id\n    kind\n    name\n    seats\n    currentCount\n    seatsToFill\n    endingSoon\n    statutes {\n      quorumShare\n      majority\n      abstentionsCountAsCast\n      proxiesPerHolder\n      noticeDays\n      perCollege\n    }\n    colleges {\n      id\n      name\n      membershipCollege\n      seats\n      filled\n    }\n  }\n": types.GovernanceInstanceFieldsFragmentDoc,
    "\n  fragment MandateFields on Mandate {\n    id\n    instanceId\n    professionalId\n    name\n    office\n    collegeId\n    collegeName\n    startsOn\n    endsOn\n    obtained\n    obtainedNote\n    endedOn\n    endReason\n    current\n    daysLeft\n  }\n": types.MandateFieldsFragmentDoc,
    "\n  query GovernanceInstances {\n    governanceInstances {\n      ...GovernanceInstanceFields\n    }\n  }\n": types.GovernanceInstancesDocument,
    "\n  query GovernanceInstance($id: ID!) {\n    governanceInstance(id: $id) {\n      ...GovernanceInstanceFields\n      mandates {\n        ...MandateFields\n      }\n    }\n  }\n": types.GovernanceInstanceDocument,
    "\n  query InstanceMandatesOn($id: ID!, $on: String!) {\n    governanceInstance(id: $id) {\n      id\n      mandates(on: $on) {\n        ...MandateFields\n      }\n    }\n  }\n": types.InstanceMandatesOnDocument,
    "\n  query InstanceMandateHistory($id: ID!) {\n    governanceInstance(id: $id) {\n      id\n      mandates(all: true) {\n        ...MandateFields\n      }\n    }\n  }\n": types.InstanceMandateHistoryDocument,
    "\n  mutation CreateGovernanceInstance($input: InstanceInput!) {\n    createGovernanceInstance(input: $input) {\n      ...GovernanceInstanceFields\n    }\n  }\n": types.CreateGovernanceInstanceDocument,
    "\n  mutation UpdateGovernanceInstance($id: ID!, $input: UpdateInstanceInput!) {\n    updateGovernanceInstance(id: $id, input: $input) {\n      ...GovernanceInstanceFields\n    }\n  }\n": types.UpdateGovernanceInstanceDocument,
    "\n  mutation SetGovernanceColleges($instanceId: ID!, $colleges: [CollegeInput!]!) {\n    setGovernanceColleges(instanceId: $instanceId, colleges: $colleges) {\n      ...GovernanceInstanceFields\n    }\n  }\n": types.SetGovernanceCollegesDocument,
    "\n  mutation AddMandate($instanceId: ID!, $input: MandateInput!) {\n    addMandate(instanceId: $instanceId, input: $input) {\n      ...MandateFields\n    }\n  }\n": types.AddMandateDocument,
    "\n  mutation UpdateMandate($id: ID!, $input: MandateInput!) {\n    updateMandate(id: $id, input: $input) {\n      ...MandateFields\n    }\n  }\n": types.UpdateMandateDocument,
    "\n  mutation EndMandate($id: ID!, $input: EndMandateInput!) {\n    endMandate(id: $id, input: $input) {\n      ...MandateFields\n    }\n  }\n": types.EndMandateDocument,
    "\n  fragment SessionDecisionFields on Decision {\n    id\n    title\n    question\n    status\n    outcome\n    registerNumber\n    tally {\n      for\n      against\n      abstain\n      participating\n      quorumNeeded\n      quorumMet\n    }\n    colleges {\n      college\n      outcome\n      tally {\n        for\n        against\n        abstain\n      }\n    }\n  }\n": types.SessionDecisionFieldsFragmentDoc,
    "\n  query InstanceMeeting($meetingId: ID!, $instanceId: ID!, $ownerKind: String!) {\n    meeting(id: $meetingId) {\n      id\n      startsAt\n      sessionDecisions {\n        ...SessionDecisionFields\n      }\n      minutesApproval {\n        approvedAt\n        atMeetingId\n      }\n    }\n    governanceInstance(id: $instanceId) {\n      ...GovernanceInstanceFields\n    }\n    meetings(ownerKind: $ownerKind, ownerId: $instanceId) {\n      id\n      title\n      startsAt\n      status\n      minutesPublishedAt\n      minutesApproval {\n        approvedAt\n        atMeetingId\n      }\n    }\n  }\n": types.InstanceMeetingDocument,
    "\n  fragment MeetingQuorumFields on MeetingQuorum {\n    electorate\n    present\n    represented\n    needed\n    met\n    proxies {\n      giverId\n      giverName\n      holderId\n      holderName\n    }\n  }\n": types.MeetingQuorumFieldsFragmentDoc,
    "\n  query MeetingQuorum($meetingId: ID!) {\n    meetingQuorum(meetingId: $meetingId) {\n      ...MeetingQuorumFields\n    }\n  }\n": types.MeetingQuorumDocument,
    "\n  mutation RecordMeetingProxy($meetingId: ID!, $giverId: ID!, $holderId: ID!) {\n    recordMeetingProxy(meetingId: $meetingId, giverId: $giverId, holderId: $holderId) {\n      ...MeetingQuorumFields\n    }\n  }\n": types.RecordMeetingProxyDocument,
    "\n  mutation RemoveMeetingProxy($meetingId: ID!, $giverId: ID!) {\n    removeMeetingProxy(meetingId: $meetingId, giverId: $giverId) {\n      ...MeetingQuorumFields\n    }\n  }\n": types.RemoveMeetingProxyDocument,
    "\n  mutation RecordSessionVote($input: SessionVoteInput!) {\n    recordSessionVote(input: $input) {\n      ...SessionDecisionFields\n    }\n  }\n": types.RecordSessionVoteDocument,
    "\n  mutation ApproveMeetingMinutes($meetingId: ID!, $atMeetingId: ID!) {\n    approveMeetingMinutes(meetingId: $meetingId, atMeetingId: $atMeetingId)\n  }\n": types.ApproveMeetingMinutesDocument,
    "\n  fragment SpendingRequestFields on SpendingRequest {\n    id\n    amountCents\n    purpose\n    mission\n    requestedAt\n    requestedByName\n    route\n    decisionId\n    decisionStatus\n    decisionOutcome\n    check\n    checkedAt\n    checkedByName\n    checkNote\n  }\n": types.SpendingRequestFieldsFragmentDoc,
    "\n  query Spending {\n    delegationSettings {\n      staffLimitCents\n      bureauLimitCents\n      canCheck\n    }\n    spendingRequests {\n      ...SpendingRequestFields\n    }\n  }\n": types.SpendingDocument,
    "\n  mutation UpdateDelegationSettings($input: DelegationInput!) {\n    updateDelegationSettings(input: $input) {\n      staffLimitCents\n      bureauLimitCents\n    }\n  }\n": types.UpdateDelegationSettingsDocument,
    "\n  mutation RecordSpending($input: SpendingRequestInput!) {\n    recordSpending(input: $input) {\n      ...SpendingRequestFields\n    }\n  }\n": types.RecordSpendingDocument,
    "\n  mutation CheckSpending($id: ID!, $check: SpendingCheck!, $note: String) {\n    checkSpending(id: $id, check: $check, note: $note) {\n      ...SpendingRequestFields\n    }\n  }\n": types.CheckSpendingDocument,
    "\n  query LapsedMembers($year: Int!) {\n    lapsedMembers(year: $year) {\n      professional {\n        id\n        firstName\n        lastName\n        profession {\n          label\n        }\n      }\n      previous {\n        id\n        feeCents\n        college\n      }\n      current {\n        id\n        status\n      }\n    }\n  }\n": types.LapsedMembersDocument,
    "\n  mutation LapseUnpaidMemberships($year: Int!) {\n    lapseUnpaidMemberships(year: $year)\n  }\n": types.LapseUnpaidMembershipsDocument,
    "\n  query MembershipCounts($year: Int!) {\n    membershipCounts(year: $year) {\n      year\n      totals {\n        pending\n        active\n        lapsed\n        resigned\n        total\n      }\n      byProfession {\n        profession {\n          code\n          labelPlural\n        }\n        pending\n        active\n        lapsed\n        resigned\n        total\n      }\n    }\n  }\n": types.MembershipCountsDocument,
    "\n  query Memberships($year: Int!, $status: MembershipStatus, $search: String, $first: Int, $after: String) {\n    memberships(year: $year, status: $status, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          status\n          feeCents\n          paidOn\n          college\n          professional {\n            id\n            firstName\n            lastName\n            profession {\n              code\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MembershipsDocument,
    "\n  query MembershipYears {\n    membershipYears {\n      year\n      defaultFeeCents\n      openedAt\n      membershipCount\n    }\n  }\n": types.MembershipYearsDocument,
    "\n  mutation OpenMembershipYear($year: Int!, $defaultFeeCents: Int!) {\n    openMembershipYear(year: $year, defaultFeeCents: $defaultFeeCents) {\n      created\n      year {\n        year\n        defaultFeeCents\n        openedAt\n        membershipCount\n      }\n    }\n  }\n": types.OpenMembershipYearDocument,
    "\n  fragment PaymentLineFields on PaymentLine {\n    id\n    professionalId\n    professionalName\n    kind\n    workDate\n    year\n    minutes\n    amountCents\n    label\n    source\n    status\n    paidOn\n    paidReference\n    cancelledAt\n    cancelReason\n  }\n": types.PaymentLineFieldsFragmentDoc,
    "\n  query PaymentYear($year: Int!, $filter: PaymentLinesFilter!) {\n    paymentYear(year: $year) {\n      year\n      passCents\n      canManage\n      canMarkPaid\n      professionals {\n        professionalId\n        name\n        rpps\n        professionLabel\n        indemnityCents\n        remunerationCents\n        totalCents\n        paidCents\n        toPayCents\n        passPermille\n        warning\n      }\n    }\n    paymentLines(filter: $filter) {\n      ...PaymentLineFields\n    }\n  }\n": types.PaymentYearDocument,
    "\n  mutation MarkPaymentLinesPaid($input: MarkPaidInput!) {\n    markPaymentLinesPaid(input: $input) {\n      ...PaymentLineFields\n    }\n  }\n": types.MarkPaymentLinesPaidDocument,
    "\n  mutation CancelPaymentLine($id: ID!, $reason: String!) {\n    cancelPaymentLine(id: $id, reason: $reason) {\n      ...PaymentLineFields\n    }\n  }\n": types.CancelPaymentLineDocument,
    "\n  query PaymentSettings {\n    paymentSettings {\n      indemnityHourlyRateCents\n      updatedAt\n      updatedByName\n    }\n  }\n": types.PaymentSettingsDocument,
    "\n  mutation UpdatePaymentSettings($rate: Int!) {\n    updatePaymentSettings(indemnityHourlyRateCents: $rate) {\n      indemnityHourlyRateCents\n      updatedAt\n      updatedByName\n    }\n  }\n": types.UpdatePaymentSettingsDocument,
    "\n  query InstanceMeetingsForIndemnities($ownerId: ID!) {\n    meetings(ownerKind: \"governance_instance\", ownerId: $ownerId) {\n      id\n      title\n      startsAt\n      endsAt\n      status\n      presentCount\n    }\n  }\n": types.InstanceMeetingsForIndemnitiesDocument,
    "\n  query PaymentInstances {\n    governanceInstances {\n      id\n      name\n    }\n  }\n": types.PaymentInstancesDocument,
    "\n  mutation GenerateMeetingIndemnities($meetingId: ID!) {\n    generateMeetingIndemnities(meetingId: $meetingId) {\n      meetingId\n      minutes\n      hourlyRateCents\n      amountCents\n      created {\n        warning\n        line {\n          ...PaymentLineFields\n        }\n      }\n      skipped {\n        professionalId\n        name\n        reason\n        message\n      }\n    }\n  }\n": types.GenerateMeetingIndemnitiesDocument,
    "\n  query PaymentStatement($professionalId: ID!, $year: Int!) {\n    paymentStatement(professionalId: $professionalId, year: $year) {\n      year\n      cptsName\n      professional {\n        id\n        name\n        rpps\n        professionLabel\n      }\n      lines {\n        ...PaymentLineFields\n      }\n      indemnityCents\n      remunerationCents\n      totalCents\n      paidCents\n      toPayCents\n      passCents\n      passPermille\n    }\n  }\n": types.PaymentStatementDocument,
    "\n  query PassCeilings {\n    passCeilings {\n      year\n      amountCents\n      updatedAt\n      updatedByName\n    }\n  }\n": types.PassCeilingsDocument,
    "\n  mutation SetPassCeiling($year: Int!, $amountCents: Float!) {\n    setPassCeiling(year: $year, amountCents: $amountCents) {\n      year\n      amountCents\n      updatedAt\n      updatedByName\n    }\n  }\n": types.SetPassCeilingDocument,
    "\n  query PersonConsents($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      consents {\n        purpose\n        status\n        allowed\n        basis\n        reason\n        lastEvent {\n          id\n          action\n          method\n          wordingVersion\n          at\n        }\n      }\n      consentEvents {\n        id\n        purpose\n        action\n        method\n        wordingVersion\n        note\n        at\n        recordedByName\n      }\n    }\n    consentWordings {\n      version\n      purpose\n      text\n      current\n    }\n  }\n": types.PersonConsentsDocument,
    "\n  mutation GiveConsent($professionalId: ID!, $purpose: ConsentPurpose!, $method: ConsentMethod!, $wordingVersion: String!, $note: String) {\n    giveConsent(professionalId: $professionalId, purpose: $purpose, method: $method, wordingVersion: $wordingVersion, note: $note) {\n      id\n    }\n  }\n": types.GiveConsentDocument,
    "\n  mutation WithdrawConsent($professionalId: ID!, $purpose: ConsentPurpose!, $method: ConsentMethod!) {\n    withdrawConsent(professionalId: $professionalId, purpose: $purpose, method: $method) {\n      id\n    }\n  }\n": types.WithdrawConsentDocument,
    "\n  query PersonGdpr($id: ID!) {\n    professional(id: $id) {\n      id\n      lastName\n      firstName\n      erasedAt\n    }\n  }\n": types.PersonGdprDocument,
    "\n  mutation EraseProfessional($id: ID!, $confirmation: String!) {\n    eraseProfessional(id: $id, confirmation: $confirmation) {\n      id\n      lastName\n      firstName\n      erasedAt\n    }\n  }\n": types.EraseProfessionalDocument,
    "\n  query PersonHistory($id: ID!) {\n    professional(id: $id) {\n      id\n      history(first: 50) {\n        id\n        kind\n        summary\n        actorName\n        at\n      }\n    }\n  }\n": types.PersonHistoryDocument,
    "\n  fragment PersonInvolvementFields on Professional {\n    id\n    involvementLevel\n    involvements {\n      source\n      level\n      setAt\n      setByName\n    }\n  }\n": types.PersonInvolvementFieldsFragmentDoc,
    "\n  query PersonInvolvement($id: ID!) {\n    professional(id: $id) {\n      ...PersonInvolvementFields\n    }\n  }\n": types.PersonInvolvementDocument,
    "\n  mutation SetInvolvementLevel($professionalId: ID!, $level: InvolvementLevel!) {\n    setInvolvementLevel(professionalId: $professionalId, level: $level) {\n      ...PersonInvolvementFields\n    }\n  }\n": types.SetInvolvementLevelDocument,
    "\n  query PersonLabels($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      labels {\n        id\n        name\n      }\n    }\n    directoryLabels {\n      id\n      name\n    }\n  }\n": types.PersonLabelsDocument,
    "\n  mutation SetProfessionalLabels($professionalId: ID!, $labelIds: [ID!]!) {\n    setProfessionalLabels(professionalId: $professionalId, labelIds: $labelIds) {\n      id\n      labels {\n        id\n        name\n      }\n    }\n  }\n": types.SetProfessionalLabelsDocument,
    "\n  fragment PersonMembershipFields on Membership {\n    id\n    year\n    status\n    feeCents\n    paidOn\n    paymentMeans\n    college\n    note\n  }\n": types.PersonMembershipFieldsFragmentDoc,
    "\n  query PersonMemberships($id: ID!) {\n    professional(id: $id) {\n      id\n      archivedAt\n      memberships {\n        ...PersonMembershipFields\n      }\n    }\n  }\n": types.PersonMembershipsDocument,
    "\n  mutation SaveMembership($input: MembershipInput!) {\n    saveMembership(input: $input) {\n      ...PersonMembershipFields\n      professional {\n        id\n        involvementLevel\n      }\n    }\n  }\n": types.SaveMembershipDocument,
    "\n  mutation DeleteMembership($id: ID!) {\n    deleteMembership(id: $id)\n  }\n": types.DeleteMembershipDocument,
    "\n  query PersonData($id: ID!) {\n    personData(id: $id)\n  }\n": types.PersonDataDocument,
    "\n  query Person($id: ID!) {\n    professional(id: $id) {\n      ...ProfessionalSummary\n      rpps\n      archivedAt\n      erasedAt\n      emailIsWork\n      updatedAt\n      mergedInto\n    }\n  }\n": types.PersonDocument,
    "\n  fragment SiteFields on ProfessionalSite {\n    id\n    structureName\n    address\n    postalCode\n    communeCode\n    commune {\n      inseeCode\n      name\n    }\n    phone\n    practiceMode\n    isMain\n    fromImport\n    retiredAt\n  }\n": types.SiteFieldsFragmentDoc,
    "\n  query PersonSites($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      mergedInto\n      sites(includeRetired: true) {\n        ...SiteFields\n      }\n    }\n  }\n": types.PersonSitesDocument,
    "\n  fragment PersonSitesChange on Professional {\n    id\n    communeCode\n    structureName\n    phone\n    sites(includeRetired: true) {\n      ...SiteFields\n    }\n  }\n": types.PersonSitesChangeFragmentDoc,
    "\n  mutation AddProfessionalSite($professionalId: ID!, $input: ProfessionalSiteInput!) {\n    addProfessionalSite(professionalId: $professionalId, input: $input) {\n      ...PersonSitesChange\n    }\n  }\n": types.AddProfessionalSiteDocument,
    "\n  mutation UpdateProfessionalSite($id: ID!, $input: ProfessionalSiteInput!) {\n    updateProfessionalSite(id: $id, input: $input) {\n      ...PersonSitesChange\n    }\n  }\n": types.UpdateProfessionalSiteDocument,
    "\n  mutation SetMainProfessionalSite($id: ID!) {\n    setMainProfessionalSite(id: $id) {\n      ...PersonSitesChange\n    }\n  }\n": types.SetMainProfessionalSiteDocument,
    "\n  mutation RetireProfessionalSite($id: ID!) {\n    retireProfessionalSite(id: $id) {\n      ...PersonSitesChange\n    }\n  }\n": types.RetireProfessionalSiteDocument,
    "\n  query CurrentCpts {\n    currentCpts {\n      ...CptsOverview\n      slug\n      contactEmail\n      communes {\n        inseeCode\n        name\n        population\n      }\n      region {\n        id\n        networkName\n      }\n    }\n  }\n": types.CurrentCptsDocument,
    "\n  fragment ProfessionalSummary on Professional {\n    id\n    firstName\n    lastName\n    structureName\n    email\n    phone\n    profession {\n      code\n      label\n    }\n    commune {\n      inseeCode\n      name\n    }\n  }\n": types.ProfessionalSummaryFragmentDoc,
    "\n  query Professions {\n    professions {\n      code\n      label\n      labelPlural\n    }\n  }\n": types.ProfessionsDocument,
    "\n  fragment SurveyFields on Survey {\n    id\n    title\n    intro\n    anonymous\n    status\n    closesAt\n    reminderDays\n    adoptionId\n    audienceLabel\n    sentAt\n    closedAt\n    createdAt\n    recipientCount\n    answerCount\n    questions {\n      id\n      type\n      label\n      options\n      required\n    }\n  }\n": types.SurveyFieldsFragmentDoc,
    "\n  query Surveys {\n    surveys {\n      ...SurveyFields\n    }\n  }\n": types.SurveysDocument,
    "\n  query Survey($id: ID!) {\n    survey(id: $id) {\n      ...SurveyFields\n      recipients {\n        id\n        name\n        email\n        answered\n        reminders\n      }\n    }\n  }\n": types.SurveyDocument,
    "\n  query SurveyResults($id: ID!) {\n    surveyResults(id: $id) {\n      surveyId\n      recipients\n      answers\n      responseRate\n      questions {\n        questionId\n        type\n        label\n        answered\n        mean\n        counts {\n          label\n          count\n        }\n        texts\n      }\n    }\n  }\n": types.SurveyResultsDocument,
    "\n  mutation CreateSurvey($input: SurveyInput!) {\n    createSurvey(input: $input) {\n      ...SurveyFields\n    }\n  }\n": types.CreateSurveyDocument,
    "\n  mutation UpdateSurvey($id: ID!, $input: SurveyInput!) {\n    updateSurvey(id: $id, input: $input) {\n      ...SurveyFields\n    }\n  }\n": types.UpdateSurveyDocument,
    "\n  mutation SetSurveyQuestions($id: ID!, $input: SurveyQuestionsInput!) {\n    setSurveyQuestions(id: $id, input: $input) {\n      ...SurveyFields\n    }\n  }\n": types.SetSurveyQuestionsDocument,
    "\n  mutation SendSurvey($id: ID!, $audience: SurveyAudienceInput!) {\n    sendSurvey(id: $id, audience: $audience) {\n      ...SurveyFields\n    }\n  }\n": types.SendSurveyDocument,
    "\n  mutation RemindSurvey($id: ID!) {\n    remindSurvey(id: $id)\n  }\n": types.RemindSurveyDocument,
    "\n  mutation CloseSurvey($id: ID!) {\n    closeSurvey(id: $id) {\n      ...SurveyFields\n    }\n  }\n": types.CloseSurveyDocument,
    "\n  query SurveyGroups {\n    workingGroups {\n      id\n      name\n    }\n  }\n": types.SurveyGroupsDocument,
    "\n  query SurveyGroupMeetings($ownerId: ID!) {\n    meetings(ownerKind: \"working_group\", ownerId: $ownerId) {\n      id\n      title\n      startsAt\n      status\n    }\n  }\n": types.SurveyGroupMeetingsDocument,
    "\n  query WorkingGroupJoinRequests($id: ID!) {\n    workingGroup(id: $id) {\n      id\n      joinUrl\n      joinRequests {\n        id\n        firstName\n        lastName\n        email\n        profession\n        message\n        requestedAt\n        matches {\n          professionalId\n          name\n        }\n      }\n    }\n  }\n": types.WorkingGroupJoinRequestsDocument,
    "\n  mutation AcceptWorkingGroupJoinRequest($id: ID!, $professionalId: ID) {\n    acceptWorkingGroupJoinRequest(id: $id, professionalId: $professionalId) {\n      id\n      status\n    }\n  }\n": types.AcceptWorkingGroupJoinRequestDocument,
    "\n  mutation DeclineWorkingGroupJoinRequest($id: ID!) {\n    declineWorkingGroupJoinRequest(id: $id) {\n      id\n      status\n    }\n  }\n": types.DeclineWorkingGroupJoinRequestDocument,
    "\n  query GroupPollsToAnswer($ownerKind: String!, $ownerId: ID!) {\n    meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) {\n      id\n      title\n      status\n      slots {\n        id\n        startsAt\n        endsAt\n      }\n      myInvitation {\n        answerPath\n        answeredAt\n      }\n    }\n  }\n": types.GroupPollsToAnswerDocument,
    "\n  fragment ActionItemFields on ActionItem {\n    id\n    ownerKind\n    ownerId\n    ownerName\n    meetingId\n    title\n    assigneeName\n    professionalId\n    userId\n    dueOn\n    status\n    statusAt\n    statusBy\n    statusByName\n    overdue\n    mine\n  }\n": types.ActionItemFieldsFragmentDoc,
    "\n  query ActionItems($filter: ActionItemFilter) {\n    actionItems(filter: $filter) {\n      ...ActionItemFields\n    }\n  }\n": types.ActionItemsDocument,
    "\n  query ActionItemPeople {\n    actionItems {\n      id\n      professionalId\n      userId\n      assigneeName\n    }\n  }\n": types.ActionItemPeopleDocument,
    "\n  mutation CreateActionItem($input: ActionItemInput!) {\n    createActionItem(input: $input) {\n      ...ActionItemFields\n    }\n  }\n": types.CreateActionItemDocument,
    "\n  mutation SetActionItemStatus($id: ID!, $status: ActionItemStatus!) {\n    setActionItemStatus(id: $id, status: $status) {\n      ...ActionItemFields\n    }\n  }\n": types.SetActionItemStatusDocument,
    "\n  query GroupTeamUsers {\n    cptsTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n    }\n  }\n": types.GroupTeamUsersDocument,
    "\n  mutation AddGroupPeople($groupId: ID!, $professionalIds: [ID!], $userIds: [ID!], $role: WorkingGroupRole) {\n    addWorkingGroupMembers(groupId: $groupId, professionalIds: $professionalIds, userIds: $userIds, role: $role) {\n      id\n      role\n    }\n  }\n": types.AddGroupPeopleDocument,
    "\n  fragment MeetingPollFields on MeetingPoll {\n    id\n    ownerId\n    ownerName\n    title\n    place\n    videoUrl\n    status\n    meetingId\n    inviteeCount\n    answeredCount\n    createdAt\n    slots {\n      id\n      startsAt\n      endsAt\n      yes\n      ifNeedBe\n      no\n    }\n  }\n": types.MeetingPollFieldsFragmentDoc,
    "\n  query MeetingPolls($ownerKind: String!, $ownerId: ID!) {\n    meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) {\n      ...MeetingPollFields\n    }\n  }\n": types.MeetingPollsDocument,
    "\n  query MeetingPoll($id: ID!) {\n    meetingPoll(id: $id) {\n      ...MeetingPollFields\n      invitees {\n        id\n        name\n        emailed\n        answeredAt\n        answers {\n          slotId\n          answer\n        }\n      }\n    }\n  }\n": types.MeetingPollDocument,
    "\n  mutation CreateMeetingPoll($input: CreateMeetingPollInput!) {\n    createMeetingPoll(input: $input) {\n      ...MeetingPollFields\n    }\n  }\n": types.CreateMeetingPollDocument,
    "\n  mutation RemindMeetingPoll($id: ID!) {\n    remindMeetingPoll(id: $id)\n  }\n": types.RemindMeetingPollDocument,
    "\n  mutation CloseMeetingPoll($id: ID!, $slotId: ID!) {\n    closeMeetingPoll(id: $id, slotId: $slotId) {\n      id\n      ownerId\n    }\n  }\n": types.CloseMeetingPollDocument,
    "\n  query MeetingPage($id: ID!) {\n    meeting(id: $id) {\n      id\n      ownerKind\n      ownerId\n      ownerName\n      frame\n      title\n      startsAt\n      endsAt\n      place\n      videoUrl\n      status\n      agenda {\n        title\n        durationMinutes\n        presenter\n      }\n      presentCount\n      inviteeCount\n      minutesHtml\n      decisions\n      minutesPublishedAt\n      invitees {\n        id\n        professionalId\n        userId\n        name\n        emailed\n        reply\n        repliedAt\n        attendance\n      }\n      minutesRecipients {\n        name\n        emailed\n        sentAt\n      }\n    }\n  }\n": types.MeetingPageDocument,
    "\n  query MeetingMinutes($id: ID!) {\n    meeting(id: $id) {\n      id\n      minutesHtml\n      decisions\n      minutesPublishedAt\n    }\n  }\n": types.MeetingMinutesDocument,
    "\n  mutation RecordMeetingAttendance($meetingId: ID!, $entries: [AttendanceInput!]!) {\n    recordMeetingAttendance(meetingId: $meetingId, entries: $entries) {\n      id\n      invitees {\n        id\n        attendance\n      }\n    }\n  }\n": types.RecordMeetingAttendanceDocument,
    "\n  mutation SaveMeetingMinutes($meetingId: ID!, $input: MeetingMinutesInput!) {\n    saveMeetingMinutes(meetingId: $meetingId, input: $input) {\n      id\n      minutesHtml\n      decisions\n      minutesPublishedAt\n    }\n  }\n": types.SaveMeetingMinutesDocument,
    "\n  mutation PublishMeetingMinutes($meetingId: ID!) {\n    publishMeetingMinutes(meetingId: $meetingId) {\n      id\n      minutesPublishedAt\n      minutesRecipients {\n        name\n        emailed\n        sentAt\n      }\n    }\n  }\n": types.PublishMeetingMinutesDocument,
    "\n  query MeetingDocuments($id: ID!) {\n    meeting(id: $id) {\n      id\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        uploadedByName\n        url\n      }\n    }\n  }\n": types.MeetingDocumentsDocument,
    "\n  mutation DeleteMeetingDocument($id: ID!) {\n    deleteMeetingDocument(id: $id)\n  }\n": types.DeleteMeetingDocumentDocument,
    "\n  fragment WorkingGroupFields on WorkingGroup {\n    id\n    name\n    missions\n    theme\n    description\n    status\n    frame {\n      purpose\n      rules\n      confidentiality\n    }\n    memberCount\n    referentCount\n    referentWarning\n  }\n": types.WorkingGroupFieldsFragmentDoc,
    "\n  query WorkingGroups($status: WorkingGroupStatus) {\n    workingGroups(status: $status) {\n      ...WorkingGroupFields\n    }\n  }\n": types.WorkingGroupsDocument,
    "\n  query WorkingGroup($id: ID!) {\n    workingGroup(id: $id) {\n      ...WorkingGroupFields\n    }\n  }\n": types.WorkingGroupDocument,
    "\n  query WorkingGroupMembers($id: ID!, $includeFormer: Boolean!) {\n    workingGroup(id: $id) {\n      id\n      members(includeFormer: $includeFormer) {\n        id\n        kind\n        name\n        professionalId\n        userId\n        professionCode\n        role\n        joinedAt\n        leftAt\n      }\n    }\n  }\n": types.WorkingGroupMembersDocument,
    "\n  mutation CreateWorkingGroup($input: WorkingGroupInput!) {\n    createWorkingGroup(input: $input) {\n      ...WorkingGroupFields\n    }\n  }\n": types.CreateWorkingGroupDocument,
    "\n  mutation UpdateWorkingGroup($id: ID!, $input: WorkingGroupInput!) {\n    updateWorkingGroup(id: $id, input: $input) {\n      ...WorkingGroupFields\n    }\n  }\n": types.UpdateWorkingGroupDocument,
    "\n  mutation SetWorkingGroupMemberRole($memberId: ID!, $role: WorkingGroupRole!) {\n    setWorkingGroupMemberRole(memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n": types.SetWorkingGroupMemberRoleDocument,
    "\n  mutation RemoveWorkingGroupMember($memberId: ID!) {\n    removeWorkingGroupMember(memberId: $memberId) {\n      id\n      leftAt\n    }\n  }\n": types.RemoveWorkingGroupMemberDocument,
    "\n  fragment MeetingFields on Meeting {\n    id\n    title\n    startsAt\n    endsAt\n    place\n    videoUrl\n    status\n    agenda {\n      title\n      durationMinutes\n      presenter\n    }\n    presentCount\n    inviteeCount\n    minutesPublishedAt\n  }\n": types.MeetingFieldsFragmentDoc,
    "\n  query Meetings($ownerKind: String!, $ownerId: ID!) {\n    meetings(ownerKind: $ownerKind, ownerId: $ownerId) {\n      ...MeetingFields\n    }\n  }\n": types.MeetingsDocument,
    "\n  query Meeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingFields\n      invitees {\n        id\n        name\n        emailed\n        reply\n        repliedAt\n      }\n    }\n  }\n": types.MeetingDocument,
    "\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $input) {\n      ...MeetingFields\n    }\n  }\n": types.ScheduleMeetingDocument,
    "\n  mutation UpdateMeeting($id: ID!, $input: MeetingDetailsInput!) {\n    updateMeeting(id: $id, input: $input) {\n      ...MeetingFields\n    }\n  }\n": types.UpdateMeetingDocument,
    "\n  mutation CancelMeeting($id: ID!) {\n    cancelMeeting(id: $id) {\n      ...MeetingFields\n    }\n  }\n": types.CancelMeetingDocument,
    "\n  query CptsDetail($id: ID!) {\n    cpts(id: $id) {\n      ...CptsOverview\n      slug\n      contactEmail\n      createdAt\n      updatedAt\n      departementCodes\n      communes {\n        inseeCode\n        name\n        population\n        departementCode\n        epciName\n      }\n      region {\n        id\n        name\n        networkName\n      }\n    }\n  }\n": types.CptsDetailDocument,
    "\n  mutation InviteCoordinator($cptsId: ID!, $input: EmailInput!) {\n    inviteCoordinator(cptsId: $cptsId, input: $input) {\n      id\n      email\n      mailState\n    }\n  }\n": types.InviteCoordinatorDocument,
    "\n  query Departements {\n    departements {\n      code\n      name\n    }\n  }\n": types.DepartementsDocument,
    "\n  query CptsSlugSuggestion($name: String!) {\n    cptsSlugSuggestion(name: $name)\n  }\n": types.CptsSlugSuggestionDocument,
    "\n  mutation CreateCpts($input: CptsInput!) {\n    createCpts(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n": types.CreateCptsDocument,
    "\n  mutation UpdateCpts($id: ID!, $input: CptsInput!) {\n    updateCpts(id: $id, input: $input) {\n      id\n      name\n      slug\n      size\n      inhabitants\n      contactEmail\n      communeCodes\n      departementCodes\n      updatedAt\n    }\n  }\n": types.UpdateCptsDocument,
    "\n  query CptsRegionFigures($id: ID!) {\n    regionOverview(cptsIds: [$id]) {\n      year\n      rows {\n        cptsId\n        current {\n          ...RegionYearFigures\n          participantsByMission {\n            mission\n            count\n          }\n        }\n        previous {\n          ...RegionYearFigures\n          participantsByMission {\n            mission\n            count\n          }\n        }\n        health {\n          level\n          signals {\n            level\n            text\n          }\n        }\n        membershipHistory {\n          year\n          total\n          professions {\n            code\n            label\n            count\n          }\n        }\n      }\n    }\n  }\n": types.CptsRegionFiguresDocument,
    "\n  query RegionTable($year: Int) {\n    regionOverview(year: $year) {\n      year\n      computedAt\n      rows {\n        cptsId\n        name\n        departementCodes\n        current {\n          ...RegionYearFigures\n        }\n        previous {\n          ...RegionYearFigures\n        }\n        health {\n          level\n          signals {\n            level\n            text\n          }\n        }\n      }\n    }\n  }\n": types.RegionTableDocument,
    "\n  fragment RegionYearFigures on CptsYearFigures {\n    year\n    professionals\n    members\n    workingGroups\n    meetingsHeld\n    participants\n    actionItemsDone\n    actionItemsOverdue\n    decisionsOpen\n    decisionsClosed\n    decisionsWithoutQuorum\n    mandatesEndingSoon\n    proActifProjects\n    proActifCommittedCents\n    proActifPaidCents\n    mailingsSent\n    clickRate\n    lastActivityAt\n  }\n": types.RegionYearFiguresFragmentDoc,
    "\n  query FollowedWorkingGroups($id: ID!) {\n    cpts(id: $id) {\n      id\n      workingGroups {\n        id\n        name\n        missions\n        theme\n        status\n        memberCount\n        referentCount\n        nextMeetingAt\n        meetingsThisYear\n        openActionItems\n        overdueActionItems\n        doneThisQuarter\n      }\n    }\n  }\n": types.FollowedWorkingGroupsDocument,
    "\n  query ObservatoryTrend($indicator: ObservatoryIndicator!, $departementCode: String) {\n    observatoryTrend(indicator: $indicator, departementCode: $departementCode) {\n      indicator\n      years\n      cpts {\n        cptsId\n        name\n        departementCodes\n        values\n      }\n      departements {\n        code\n        values\n      }\n      total\n      lastTakenAt\n      includesDemo\n    }\n  }\n": types.ObservatoryTrendDocument,
    "\n  mutation TakeRegionSnapshot {\n    takeRegionSnapshot {\n      year\n      count\n      takenAt\n    }\n  }\n": types.TakeRegionSnapshotDocument,
    "\n  query RegionCpts {\n    regionCpts {\n      ...CptsOverview\n    }\n  }\n": types.RegionCptsDocument,
    "\n  query RegionTeam {\n    regionTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n      followedCpts {\n        id\n        name\n      }\n    }\n    regionCpts {\n      id\n      name\n    }\n  }\n": types.RegionTeamDocument,
    "\n  query RegionInvitations {\n    regionInvitations {\n      ...InvitationRowFields\n    }\n  }\n": types.RegionInvitationsDocument,
    "\n  mutation InviteToRegion($input: InviteToRegionInput!) {\n    inviteToRegion(input: $input) {\n      id\n    }\n  }\n": types.InviteToRegionDocument,
    "\n  mutation RevokeRegionInvitation($id: ID!) {\n    revokeRegionInvitation(id: $id)\n  }\n": types.RevokeRegionInvitationDocument,
    "\n  mutation AssignMissionOfficer($userId: ID!, $cptsIds: [ID!]!) {\n    assignMissionOfficer(userId: $userId, cptsIds: $cptsIds) {\n      user {\n        id\n      }\n      roles\n      followedCpts {\n        id\n        name\n      }\n    }\n  }\n": types.AssignMissionOfficerDocument,
    "\n  fragment ResourceContentFields on ResourceContent {\n    kind\n    title\n    intro\n    body\n    objective\n    mission\n    actions\n    questions {\n      type\n      label\n      options\n      required\n    }\n    indicators {\n      label\n      kind\n      unit\n      target\n    }\n  }\n": types.ResourceContentFieldsFragmentDoc,
    "\n  query RegionResources($search: String, $category: ResourceCategory) {\n    regionResources(search: $search, category: $category) {\n      id\n      title\n      description\n      category\n      currentVersion\n      updatedAt\n    }\n  }\n": types.RegionResourcesDocument,
    "\n  query RegionResource($id: ID!) {\n    regionResource(id: $id) {\n      id\n      title\n      description\n      category\n      currentVersion\n      versions {\n        version\n        note\n        publishedAt\n        content {\n          ...ResourceContentFields\n        }\n        files {\n          documentId\n          fileName\n          bytes\n          url\n        }\n      }\n    }\n    resourceUsage(resourceId: $id) {\n      adoptions\n      downloads\n      cpts {\n        cptsId\n        cptsName\n        adoptedVersion\n        adapted\n        adoptedAt\n        downloads\n      }\n    }\n  }\n": types.RegionResourceDocument,
    "\n  mutation PublishResource($input: PublishResourceInput!) {\n    publishResource(input: $input) {\n      id\n      title\n    }\n  }\n": types.PublishResourceDocument,
    "\n  mutation PublishResourceVersion($input: PublishResourceVersionInput!) {\n    publishResourceVersion(input: $input) {\n      id\n      title\n      currentVersion\n    }\n  }\n": types.PublishResourceVersionDocument,
    "\n  query LibraryResources($search: String, $category: ResourceCategory) {\n    libraryResources(search: $search, category: $category) {\n      id\n      title\n      description\n      category\n      currentVersion\n      updatedAt\n      myAdoptionId\n    }\n  }\n": types.LibraryResourcesDocument,
    "\n  mutation AdoptResource($resourceId: ID!) {\n    adoptResource(resourceId: $resourceId) {\n      id\n    }\n  }\n": types.AdoptResourceDocument,
    "\n  fragment AdoptionFields on ResourceAdoption {\n    id\n    resourceId\n    category\n    title\n    adoptedVersion\n    latestVersion\n    updateAvailable\n    adapted\n    adaptedAt\n    adoptedAt\n    content {\n      ...ResourceContentFields\n    }\n    files {\n      documentId\n      fileName\n      bytes\n      url\n    }\n  }\n": types.AdoptionFieldsFragmentDoc,
    "\n  query ResourceAdoptions {\n    resourceAdoptions {\n      ...AdoptionFields\n    }\n  }\n": types.ResourceAdoptionsDocument,
    "\n  query ResourceAdoption($id: ID!) {\n    resourceAdoption(id: $id) {\n      ...AdoptionFields\n    }\n  }\n": types.ResourceAdoptionDocument,
    "\n  query ResourceUpdateDiff($id: ID!) {\n    resourceUpdateDiff(adoptionId: $id) {\n      fromVersion\n      toVersion\n      note\n      adapted\n      changes {\n        kind\n        label\n        before\n        after\n        lines {\n          kind\n          text\n        }\n      }\n    }\n  }\n": types.ResourceUpdateDiffDocument,
    "\n  mutation AdaptResourceAdoption($input: AdaptResourceAdoptionInput!) {\n    adaptResourceAdoption(input: $input) {\n      ...AdoptionFields\n    }\n  }\n": types.AdaptResourceAdoptionDocument,
    "\n  mutation TakeResourceUpdate($id: ID!) {\n    takeResourceUpdate(adoptionId: $id) {\n      ...AdoptionFields\n    }\n  }\n": types.TakeResourceUpdateDocument,
    "\n  mutation DismissResourceUpdate($id: ID!) {\n    dismissResourceUpdate(adoptionId: $id) {\n      ...AdoptionFields\n    }\n  }\n": types.DismissResourceUpdateDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      user {\n        id\n        displayName\n        email\n      }\n      platformAdmin\n      activeRoles\n      activeCpts {\n        id\n        name\n        region {\n          id\n          networkName\n        }\n      }\n      memberships {\n        roles\n        cpts {\n          id\n          name\n        }\n      }\n      regionRoles {\n        role\n        region {\n          id\n          name\n          networkName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      user {\n        id\n        displayName\n        email\n      }\n      platformAdmin\n      activeRoles\n      activeCpts {\n        id\n        name\n        region {\n          id\n          networkName\n        }\n      }\n      memberships {\n        roles\n        cpts {\n          id\n          name\n        }\n      }\n      regionRoles {\n        role\n        region {\n          id\n          name\n          networkName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommuneSearch($filter: CommuneFilter) {\n    communes(filter: $filter) {\n      inseeCode\n      name\n      population\n      departementCode\n      epciName\n    }\n  }\n"): (typeof documents)["\n  query CommuneSearch($filter: CommuneFilter) {\n    communes(filter: $filter) {\n      inseeCode\n      name\n      population\n      departementCode\n      epciName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchCpts($cptsId: ID!) {\n    switchCpts(cptsId: $cptsId) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchCpts($cptsId: ID!) {\n    switchCpts(cptsId: $cptsId) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CptsOverview on Cpts {\n    id\n    name\n    size\n    inhabitants\n    professionalCount\n    communeCodes\n    departements {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CptsOverview on Cpts {\n    id\n    name\n    size\n    inhabitants\n    professionalCount\n    communeCodes\n    departements {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationRowFields on Invitation {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n    invitedByName\n    mailState\n    mailError\n  }\n"): (typeof documents)["\n  fragment InvitationRowFields on Invitation {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n    invitedByName\n    mailState\n    mailError\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleSearch($filter: ProfessionalFilter, $first: Int!) {\n    professionals(first: $first, filter: $filter) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          profession {\n            label\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeopleSearch($filter: ProfessionalFilter, $first: Int!) {\n    professionals(first: $first, filter: $filter) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          profession {\n            label\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonName($id: ID!) {\n    professional(id: $id) {\n      id\n      firstName\n      lastName\n    }\n  }\n"): (typeof documents)["\n  query PersonName($id: ID!) {\n    professional(id: $id) {\n      id\n      firstName\n      lastName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CursorPageInfo on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"): (typeof documents)["\n  fragment CursorPageInfo on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regions {\n    regions {\n      id\n      name\n      networkName\n      inseeRegionCode\n    }\n  }\n"): (typeof documents)["\n  query Regions {\n    regions {\n      id\n      name\n      networkName\n      inseeRegionCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      role\n      organisationName\n      expiresAt\n      accountExists\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      role\n      organisationName\n      expiresAt\n      accountExists\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      email\n      accountCreated\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      email\n      accountCreated\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: EmailInput!) {\n    requestPasswordReset(input: $input)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: EmailInput!) {\n    requestPasswordReset(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations {\n    cptsInvitations {\n      id\n      acceptedAt\n      revokedAt\n      expiresAt\n      mailState\n    }\n    cptsTeam {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingInvitations {\n    cptsInvitations {\n      id\n      acceptedAt\n      revokedAt\n      expiresAt\n      mailState\n    }\n    cptsTeam {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryImports {\n    directoryImports(first: 10) {\n      id\n      fileName\n      status\n      createdAt\n      created\n      updated\n      rejected\n      conflicts\n    }\n  }\n"): (typeof documents)["\n  query DirectoryImports {\n    directoryImports(first: 10) {\n      id\n      fileName\n      status\n      createdAt\n      created\n      updated\n      rejected\n      conflicts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryImport($id: ID!) {\n    directoryImport(id: $id) {\n      id\n      fileName\n      fileBytes\n      extractedAt\n      status\n      bytesRead\n      linesRead\n      kept\n      created\n      updated\n      unchanged\n      rejected\n      conflicts\n      errorMessage\n      createdAt\n      finishedAt\n      olderConfirmation {\n        confirmedByName\n        confirmedAt\n        summary\n      }\n      issues(first: 200) {\n        seq\n        kind\n        line\n        reason\n        professionalId\n        professionalName\n        siteName\n        field\n        currentValue\n        importedValue\n        resolution\n      }\n    }\n  }\n"): (typeof documents)["\n  query DirectoryImport($id: ID!) {\n    directoryImport(id: $id) {\n      id\n      fileName\n      fileBytes\n      extractedAt\n      status\n      bytesRead\n      linesRead\n      kept\n      created\n      updated\n      unchanged\n      rejected\n      conflicts\n      errorMessage\n      createdAt\n      finishedAt\n      olderConfirmation {\n        confirmedByName\n        confirmedAt\n        summary\n      }\n      issues(first: 200) {\n        seq\n        kind\n        line\n        reason\n        professionalId\n        professionalName\n        siteName\n        field\n        currentValue\n        importedValue\n        resolution\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryImportCheck($fileName: String!) {\n    directoryImportCheck(fileName: $fileName) {\n      extractedAt\n      olderWarning\n    }\n  }\n"): (typeof documents)["\n  query DirectoryImportCheck($fileName: String!) {\n    directoryImportCheck(fileName: $fileName) {\n      extractedAt\n      olderWarning\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveImportConflict($importId: ID!, $seq: Int!, $keep: ConflictChoice!) {\n    resolveImportConflict(importId: $importId, seq: $seq, keep: $keep) {\n      seq\n      resolution\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveImportConflict($importId: ID!, $seq: Int!, $keep: ConflictChoice!) {\n    resolveImportConflict(importId: $importId, seq: $seq, keep: $keep) {\n      seq\n      resolution\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolvePersonImportConflicts($importId: ID!, $professionalId: ID!, $keep: ConflictChoice!) {\n    resolvePersonImportConflicts(importId: $importId, professionalId: $professionalId, keep: $keep) {\n      seq\n      resolution\n    }\n  }\n"): (typeof documents)["\n  mutation ResolvePersonImportConflicts($importId: ID!, $professionalId: ID!, $keep: ConflictChoice!) {\n    resolvePersonImportConflicts(importId: $importId, professionalId: $professionalId, keep: $keep) {\n      seq\n      resolution\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DirectoryLabelRow on DirectoryLabel {\n    id\n    name\n    professionalCount\n  }\n"): (typeof documents)["\n  fragment DirectoryLabelRow on DirectoryLabel {\n    id\n    name\n    professionalCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryLabels {\n    directoryLabels {\n      ...DirectoryLabelRow\n    }\n  }\n"): (typeof documents)["\n  query DirectoryLabels {\n    directoryLabels {\n      ...DirectoryLabelRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDirectoryLabel($name: String!) {\n    createDirectoryLabel(input: { name: $name }) {\n      ...DirectoryLabelRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDirectoryLabel($name: String!) {\n    createDirectoryLabel(input: { name: $name }) {\n      ...DirectoryLabelRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameDirectoryLabel($id: ID!, $name: String!) {\n    renameDirectoryLabel(id: $id, input: { name: $name }) {\n      ...DirectoryLabelRow\n    }\n  }\n"): (typeof documents)["\n  mutation RenameDirectoryLabel($id: ID!, $name: String!) {\n    renameDirectoryLabel(id: $id, input: { name: $name }) {\n      ...DirectoryLabelRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDirectoryLabel($id: ID!) {\n    deleteDirectoryLabel(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteDirectoryLabel($id: ID!) {\n    deleteDirectoryLabel(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfessionalFields on Professional {\n    id\n    firstName\n    lastName\n    professionCode\n    communeCode\n    structureName\n    rpps\n    email\n    phone\n    emailIsWork\n    archivedAt\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ProfessionalFields on Professional {\n    id\n    firstName\n    lastName\n    professionCode\n    communeCode\n    structureName\n    rpps\n    email\n    phone\n    emailIsWork\n    archivedAt\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Professional($id: ID!) {\n    professional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n"): (typeof documents)["\n  query Professional($id: ID!) {\n    professional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProfessional($input: ProfessionalInput!) {\n    createProfessional(input: $input) {\n      ...ProfessionalFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProfessional($input: ProfessionalInput!) {\n    createProfessional(input: $input) {\n      ...ProfessionalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfessional($id: ID!, $input: ProfessionalInput!) {\n    updateProfessional(id: $id, input: $input) {\n      ...ProfessionalFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfessional($id: ID!, $input: ProfessionalInput!) {\n    updateProfessional(id: $id, input: $input) {\n      ...ProfessionalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveProfessional($id: ID!) {\n    archiveProfessional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveProfessional($id: ID!) {\n    archiveProfessional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreProfessional($id: ID!) {\n    restoreProfessional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreProfessional($id: ID!) {\n    restoreProfessional(id: $id) {\n      ...ProfessionalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Professionals($first: Int!, $after: String, $filter: ProfessionalFilter) {\n    professionals(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        cursor\n        node {\n          ...ProfessionalSummary\n          archivedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Professionals($first: Int!, $after: String, $filter: ProfessionalFilter) {\n    professionals(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        cursor\n        node {\n          ...ProfessionalSummary\n          archivedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CptsTeam {\n    cptsTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n    }\n  }\n"): (typeof documents)["\n  query CptsTeam {\n    cptsTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CptsInvitations {\n    cptsInvitations {\n      ...InvitationRowFields\n    }\n  }\n"): (typeof documents)["\n  query CptsInvitations {\n    cptsInvitations {\n      ...InvitationRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToCpts($input: InviteToCptsInput!) {\n    inviteToCpts(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation InviteToCpts($input: InviteToCptsInput!) {\n    inviteToCpts(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCptsInvitation($id: ID!) {\n    revokeCptsInvitation(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeCptsInvitation($id: ID!) {\n    revokeCptsInvitation(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CallEnvelopeFields on CallEnvelope {\n    envelopeCents\n    committedCents\n    pendingCents\n    paidCents\n    remainingCents\n    availableCents\n  }\n"): (typeof documents)["\n  fragment CallEnvelopeFields on CallEnvelope {\n    envelopeCents\n    committedCents\n    pendingCents\n    paidCents\n    remainingCents\n    availableCents\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CallFields on Call {\n    id\n    year\n    slug\n    title\n    rules\n    opensOn\n    closesOn\n    envelopeCents\n    missions\n    membersOnly\n    flatFeeCents\n    hourlyRateCents\n    requiredCriteria\n    rubric {\n      label\n      weight\n    }\n    publishedAt\n    state\n    projectCount\n  }\n"): (typeof documents)["\n  fragment CallFields on Call {\n    id\n    year\n    slug\n    title\n    rules\n    opensOn\n    closesOn\n    envelopeCents\n    missions\n    membersOnly\n    flatFeeCents\n    hourlyRateCents\n    requiredCriteria\n    rubric {\n      label\n      weight\n    }\n    publishedAt\n    state\n    projectCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Calls {\n    calls {\n      id\n      year\n      title\n      state\n      opensOn\n      closesOn\n      projectCount\n      envelope {\n        ...CallEnvelopeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Calls {\n    calls {\n      id\n      year\n      title\n      state\n      opensOn\n      closesOn\n      projectCount\n      envelope {\n        ...CallEnvelopeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Call($id: ID!) {\n    call(id: $id) {\n      ...CallFields\n      publicUrl\n      envelope {\n        ...CallEnvelopeFields\n      }\n      envelopeRaises {\n        id\n        fromCents\n        toCents\n        reason\n        decisionId\n        requestedAt\n        appliedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Call($id: ID!) {\n    call(id: $id) {\n      ...CallFields\n      publicUrl\n      envelope {\n        ...CallEnvelopeFields\n      }\n      envelopeRaises {\n        id\n        fromCents\n        toCents\n        reason\n        decisionId\n        requestedAt\n        appliedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallProjects($callId: ID!, $status: ProjectStatus) {\n    callProjects(callId: $callId, status: $status) {\n      id\n      number\n      title\n      status\n      proposer {\n        id\n        name\n      }\n      budgetCents\n      approvedCents\n      scores {\n        weighted\n      }\n      decision {\n        id\n        status\n        outcome\n        registerNumber\n      }\n    }\n  }\n"): (typeof documents)["\n  query CallProjects($callId: ID!, $status: ProjectStatus) {\n    callProjects(callId: $callId, status: $status) {\n      id\n      number\n      title\n      status\n      proposer {\n        id\n        name\n      }\n      budgetCents\n      approvedCents\n      scores {\n        weighted\n      }\n      decision {\n        id\n        status\n        outcome\n        registerNumber\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RaiseDecision($id: ID!) {\n    decision(id: $id) {\n      id\n      status\n      outcome\n      deadline\n      registerNumber\n    }\n  }\n"): (typeof documents)["\n  query RaiseDecision($id: ID!) {\n    decision(id: $id) {\n      id\n      status\n      outcome\n      deadline\n      registerNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallProject($id: ID!) {\n    callProject(id: $id) {\n      id\n      callId\n      number\n      status\n      title\n      summary\n      missions\n      targetPublic\n      proposer {\n        id\n        name\n        professionCode\n        email\n        created\n      }\n      coCarriers {\n        id\n        name\n        professionCode\n      }\n      workshopCount\n      workshopMinutes\n      speakers\n      budgetLines {\n        kind\n        label\n        amountCents\n      }\n      criteria {\n        criterion\n        indicator\n        target\n        actual\n      }\n      speakerFeesCents\n      budgetCents\n      approvedCents\n      decision {\n        id\n        status\n        outcome\n        deadline\n        registerNumber\n      }\n      debriefWorked\n      debriefNotWorked\n      debriefedAt\n      evaluatedAt\n      submittedAt\n      createdAt\n      updatedAt\n      events {\n        at\n        fromStatus\n        toStatus\n        actorName\n        note\n      }\n      comments {\n        id\n        author\n        authorName\n        body\n        createdAt\n      }\n      workshops {\n        id\n        heldOn\n        startTime\n        minutes\n        place\n        participants\n        knownParticipants\n        speakers {\n          id\n          name\n        }\n        recordedAt\n      }\n      paymentLines {\n        id\n        professionalName\n        kind\n        workDate\n        minutes\n        amountCents\n        label\n        source\n        sourceRef\n        status\n        paidOn\n      }\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        byProposer\n        url\n      }\n      scores {\n        lines {\n          label\n          weight\n          average\n          scorers\n          mine\n        }\n        weighted\n      }\n    }\n  }\n"): (typeof documents)["\n  query CallProject($id: ID!) {\n    callProject(id: $id) {\n      id\n      callId\n      number\n      status\n      title\n      summary\n      missions\n      targetPublic\n      proposer {\n        id\n        name\n        professionCode\n        email\n        created\n      }\n      coCarriers {\n        id\n        name\n        professionCode\n      }\n      workshopCount\n      workshopMinutes\n      speakers\n      budgetLines {\n        kind\n        label\n        amountCents\n      }\n      criteria {\n        criterion\n        indicator\n        target\n        actual\n      }\n      speakerFeesCents\n      budgetCents\n      approvedCents\n      decision {\n        id\n        status\n        outcome\n        deadline\n        registerNumber\n      }\n      debriefWorked\n      debriefNotWorked\n      debriefedAt\n      evaluatedAt\n      submittedAt\n      createdAt\n      updatedAt\n      events {\n        at\n        fromStatus\n        toStatus\n        actorName\n        note\n      }\n      comments {\n        id\n        author\n        authorName\n        body\n        createdAt\n      }\n      workshops {\n        id\n        heldOn\n        startTime\n        minutes\n        place\n        participants\n        knownParticipants\n        speakers {\n          id\n          name\n        }\n        recordedAt\n      }\n      paymentLines {\n        id\n        professionalName\n        kind\n        workDate\n        minutes\n        amountCents\n        label\n        source\n        sourceRef\n        status\n        paidOn\n      }\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        byProposer\n        url\n      }\n      scores {\n        lines {\n          label\n          weight\n          average\n          scorers\n          mine\n        }\n        weighted\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectCall($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      year\n      flatFeeCents\n      hourlyRateCents\n      envelope {\n        ...CallEnvelopeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectCall($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      year\n      flatFeeCents\n      hourlyRateCents\n      envelope {\n        ...CallEnvelopeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallCptsSlug {\n    currentCpts {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  query CallCptsSlug {\n    currentCpts {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCall($input: CallInput!) {\n    createCall(input: $input) {\n      ...CallFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCall($input: CallInput!) {\n    createCall(input: $input) {\n      ...CallFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCall($id: ID!, $input: CallInput!) {\n    updateCall(id: $id, input: $input) {\n      ...CallFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCall($id: ID!, $input: CallInput!) {\n    updateCall(id: $id, input: $input) {\n      ...CallFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishCall($id: ID!) {\n    publishCall(id: $id) {\n      id\n      publishedAt\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation PublishCall($id: ID!) {\n    publishCall(id: $id) {\n      id\n      publishedAt\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartProjectReview($id: ID!) {\n    startProjectReview(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StartProjectReview($id: ID!) {\n    startProjectReview(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestProjectChanges($id: ID!, $note: String!) {\n    requestProjectChanges(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RequestProjectChanges($id: ID!, $note: String!) {\n    requestProjectChanges(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkProjectReady($id: ID!, $note: String) {\n    markProjectReady(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation MarkProjectReady($id: ID!, $note: String) {\n    markProjectReady(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnProjectToReview($id: ID!, $note: String) {\n    returnProjectToReview(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnProjectToReview($id: ID!, $note: String) {\n    returnProjectToReview(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentOnProject($id: ID!, $body: String!) {\n    commentOnProject(id: $id, body: $body) {\n      id\n      author\n      authorName\n      body\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation CommentOnProject($id: ID!, $body: String!) {\n    commentOnProject(id: $id, body: $body) {\n      id\n      author\n      authorName\n      body\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScoreProject($id: ID!, $scores: [Int]!) {\n    scoreProject(id: $id, scores: $scores) {\n      lines {\n        label\n        weight\n        average\n        scorers\n        mine\n      }\n      weighted\n    }\n  }\n"): (typeof documents)["\n  mutation ScoreProject($id: ID!, $scores: [Int]!) {\n    scoreProject(id: $id, scores: $scores) {\n      lines {\n        label\n        weight\n        average\n        scorers\n        mine\n      }\n      weighted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PutProjectsToBureau($input: PutToBureauInput!) {\n    putProjectsToBureau(input: $input) {\n      id\n      status\n      decision {\n        id\n        status\n        outcome\n        registerNumber\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PutProjectsToBureau($input: PutToBureauInput!) {\n    putProjectsToBureau(input: $input) {\n      id\n      status\n      decision {\n        id\n        status\n        outcome\n        registerNumber\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaiseCallEnvelope($input: EnvelopeRaiseInput!) {\n    raiseCallEnvelope(input: $input) {\n      id\n      fromCents\n      toCents\n      reason\n      decisionId\n      requestedAt\n      appliedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RaiseCallEnvelope($input: EnvelopeRaiseInput!) {\n    raiseCallEnvelope(input: $input) {\n      id\n      fromCents\n      toCents\n      reason\n      decisionId\n      requestedAt\n      appliedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordProjectWorkshop($input: RecordWorkshopInput!) {\n    recordProjectWorkshop(input: $input) {\n      workshop {\n        id\n        projectId\n      }\n      warnings\n    }\n  }\n"): (typeof documents)["\n  mutation RecordProjectWorkshop($input: RecordWorkshopInput!) {\n    recordProjectWorkshop(input: $input) {\n      workshop {\n        id\n        projectId\n      }\n      warnings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProjectWorkshop($id: ID!) {\n    removeProjectWorkshop(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveProjectWorkshop($id: ID!) {\n    removeProjectWorkshop(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FileProjectDebrief($projectId: ID!, $worked: String!, $notWorked: String!) {\n    fileProjectDebrief(projectId: $projectId, worked: $worked, notWorked: $notWorked) {\n      project {\n        id\n        status\n      }\n      warnings\n    }\n  }\n"): (typeof documents)["\n  mutation FileProjectDebrief($projectId: ID!, $worked: String!, $notWorked: String!) {\n    fileProjectDebrief(projectId: $projectId, worked: $worked, notWorked: $notWorked) {\n      project {\n        id\n        status\n      }\n      warnings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FileProjectEvaluation($projectId: ID!, $actuals: [String!]!) {\n    fileProjectEvaluation(projectId: $projectId, actuals: $actuals) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation FileProjectEvaluation($projectId: ID!, $actuals: [String!]!) {\n    fileProjectEvaluation(projectId: $projectId, actuals: $actuals) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallSummary($callId: ID!) {\n    callSummary(callId: $callId) {\n      callId\n      title\n      year\n      envelope {\n        ...CallEnvelopeFields\n      }\n      projectCount\n      byStatus {\n        status\n        projects\n        budgetCents\n      }\n      byMission {\n        mission\n        projects\n        budgetCents\n        approvedCents\n      }\n      professionalCount\n      professionals {\n        id\n        name\n        professionLabel\n        carrier\n        coCarrier\n        projects\n      }\n      workshopCount\n      participants\n      knownParticipants\n      projects {\n        id\n        number\n        title\n        status\n        carrier\n        missions\n        budgetCents\n        approvedCents\n        paidCents\n        workshops\n        participants\n      }\n      workshops {\n        id\n        projectId\n        projectNumber\n        projectTitle\n        heldOn\n        minutes\n        place\n        participants\n        knownParticipants\n        speakers\n        feesCents\n      }\n    }\n  }\n"): (typeof documents)["\n  query CallSummary($callId: ID!) {\n    callSummary(callId: $callId) {\n      callId\n      title\n      year\n      envelope {\n        ...CallEnvelopeFields\n      }\n      projectCount\n      byStatus {\n        status\n        projects\n        budgetCents\n      }\n      byMission {\n        mission\n        projects\n        budgetCents\n        approvedCents\n      }\n      professionalCount\n      professionals {\n        id\n        name\n        professionLabel\n        carrier\n        coCarrier\n        projects\n      }\n      workshopCount\n      participants\n      knownParticipants\n      projects {\n        id\n        number\n        title\n        status\n        carrier\n        missions\n        budgetCents\n        approvedCents\n        paidCents\n        workshops\n        participants\n      }\n      workshops {\n        id\n        projectId\n        projectNumber\n        projectTitle\n        heldOn\n        minutes\n        place\n        participants\n        knownParticipants\n        speakers\n        feesCents\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignReport($campaignId: ID!) {\n    campaignReport(campaignId: $campaignId) {\n      campaignId\n      subject\n      sendingStartedAt\n      finishedAt\n      sent\n      failed\n      pending\n      cancelled\n      skipped\n      uniqueClickers\n      totalClicks\n      clickRate\n      links {\n        index\n        url\n        uniqueClickers\n        totalClicks\n      }\n      professions {\n        profession {\n          code\n          labelPlural\n        }\n        sent\n        clickers\n        clickRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignReport($campaignId: ID!) {\n    campaignReport(campaignId: $campaignId) {\n      campaignId\n      subject\n      sendingStartedAt\n      finishedAt\n      sent\n      failed\n      pending\n      cancelled\n      skipped\n      uniqueClickers\n      totalClicks\n      clickRate\n      links {\n        index\n        url\n        uniqueClickers\n        totalClicks\n      }\n      professions {\n        profession {\n          code\n          labelPlural\n        }\n        sent\n        clickers\n        clickRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignFollowUp($campaignId: ID!, $first: Int, $after: String) {\n    campaignFollowUp(campaignId: $campaignId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          deliveryId\n          professionalId\n          lastName\n          firstName\n          profession {\n            code\n            label\n          }\n          communes {\n            inseeCode\n            name\n          }\n          phone\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignFollowUp($campaignId: ID!, $first: Int, $after: String) {\n    campaignFollowUp(campaignId: $campaignId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          deliveryId\n          professionalId\n          lastName\n          firstName\n          profession {\n            code\n            label\n          }\n          communes {\n            inseeCode\n            name\n          }\n          phone\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaigns($status: CampaignStatus, $first: Int!, $after: String) {\n    campaigns(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          subject\n          status\n          audienceType\n          purpose\n          scheduledAt\n          sendingStartedAt\n          finishedAt\n          updatedAt\n          progress {\n            ...CampaignProgressFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Campaigns($status: CampaignStatus, $first: Int!, $after: String) {\n    campaigns(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          subject\n          status\n          audienceType\n          purpose\n          scheduledAt\n          sendingStartedAt\n          finishedAt\n          updatedAt\n          progress {\n            ...CampaignProgressFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      id\n      subject\n      bodyHtml\n      senderName\n      replyTo\n      audienceType\n      purpose\n      status\n      scheduledAt\n      sendingStartedAt\n      finishedAt\n      updatedAt\n      segment {\n        professionCodes\n        communeCodes\n        membership {\n          year\n          statuses\n        }\n        minInvolvementLevel\n        labelIds\n        includeIds\n        excludeIds\n      }\n      progress {\n        ...CampaignProgressFields\n      }\n      previewHtml\n    }\n  }\n"): (typeof documents)["\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      id\n      subject\n      bodyHtml\n      senderName\n      replyTo\n      audienceType\n      purpose\n      status\n      scheduledAt\n      sendingStartedAt\n      finishedAt\n      updatedAt\n      segment {\n        professionCodes\n        communeCodes\n        membership {\n          year\n          statuses\n        }\n        minInvolvementLevel\n        labelIds\n        includeIds\n        excludeIds\n      }\n      progress {\n        ...CampaignProgressFields\n      }\n      previewHtml\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AudiencePreview($audienceType: CampaignAudience!, $purpose: CampaignPurpose!, $segment: CampaignSegmentInput) {\n    audiencePreview(audienceType: $audienceType, purpose: $purpose, segment: $segment) {\n      recipients\n      matched\n      sharedAddresses\n      excluded {\n        noEmail\n        withdrawn\n        noConsent\n        bounced\n        blocked\n      }\n      excludedSample {\n        professionalId\n        name\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query AudiencePreview($audienceType: CampaignAudience!, $purpose: CampaignPurpose!, $segment: CampaignSegmentInput) {\n    audiencePreview(audienceType: $audienceType, purpose: $purpose, segment: $segment) {\n      recipients\n      matched\n      sharedAddresses\n      excluded {\n        noEmail\n        withdrawn\n        noConsent\n        bounced\n        blocked\n      }\n      excludedSample {\n        professionalId\n        name\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewslettersInMonth($at: DateTime, $except: ID) {\n    newslettersInMonth(at: $at, exceptCampaignId: $except)\n  }\n"): (typeof documents)["\n  query NewslettersInMonth($at: DateTime, $except: ID) {\n    newslettersInMonth(at: $at, exceptCampaignId: $except)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) {\n      id\n      status\n      scheduledAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) {\n      id\n      status\n      scheduledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCampaign($id: ID!) {\n    deleteCampaign(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCampaign($id: ID!) {\n    deleteCampaign(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DuplicateCampaign($id: ID!) {\n    duplicateCampaign(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DuplicateCampaign($id: ID!) {\n    duplicateCampaign(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCampaign($id: ID!) {\n    sendCampaign(id: $id) {\n      id\n      status\n      sendingStartedAt\n      progress {\n        ...CampaignProgressFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendCampaign($id: ID!) {\n    sendCampaign(id: $id) {\n      id\n      status\n      sendingStartedAt\n      progress {\n        ...CampaignProgressFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleCampaign($id: ID!, $at: DateTime!) {\n    scheduleCampaign(id: $id, at: $at) {\n      id\n      status\n      scheduledAt\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleCampaign($id: ID!, $at: DateTime!) {\n    scheduleCampaign(id: $id, at: $at) {\n      id\n      status\n      scheduledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnscheduleCampaign($id: ID!) {\n    unscheduleCampaign(id: $id) {\n      id\n      status\n      scheduledAt\n    }\n  }\n"): (typeof documents)["\n  mutation UnscheduleCampaign($id: ID!) {\n    unscheduleCampaign(id: $id) {\n      id\n      status\n      scheduledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      id\n      status\n      finishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      id\n      status\n      finishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestCampaign($id: ID!) {\n    sendTestCampaign(id: $id)\n  }\n"): (typeof documents)["\n  mutation SendTestCampaign($id: ID!) {\n    sendTestCampaign(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentOptions {\n    directoryLabels {\n      id\n      name\n    }\n    membershipYears {\n      year\n    }\n  }\n"): (typeof documents)["\n  query SegmentOptions {\n    directoryLabels {\n      id\n      name\n    }\n    membershipYears {\n      year\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignProgressFields on CampaignProgress {\n    total\n    sent\n    failed\n    pending\n    cancelled\n    skipped\n  }\n"): (typeof documents)["\n  fragment CampaignProgressFields on CampaignProgress {\n    total\n    sent\n    failed\n    pending\n    cancelled\n    skipped\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewProfessionalsCsv($content: String!) {\n    previewProfessionalsCsv(content: $content) {\n      columns\n      rows\n      rowCount\n      delimiter\n      suggestedMapping {\n        column\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewProfessionalsCsv($content: String!) {\n    previewProfessionalsCsv(content: $content) {\n      columns\n      rows\n      rowCount\n      delimiter\n      suggestedMapping {\n        column\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportProfessionalsCsv($content: String!, $mapping: [CsvColumnMappingInput!]!, $dryRun: Boolean!, $emailKind: CsvEmailKind!) {\n    importProfessionalsCsv(content: $content, mapping: $mapping, dryRun: $dryRun, emailKind: $emailKind) {\n      ...CsvImportReportFields\n    }\n  }\n\n  fragment CsvImportReportFields on CsvImportReport {\n    dryRun\n    rows\n    created\n    updated\n    unchanged\n    errors {\n      line\n      reason\n    }\n    kept {\n      line\n      reason\n    }\n    emailKind\n    emails\n  }\n"): (typeof documents)["\n  mutation ImportProfessionalsCsv($content: String!, $mapping: [CsvColumnMappingInput!]!, $dryRun: Boolean!, $emailKind: CsvEmailKind!) {\n    importProfessionalsCsv(content: $content, mapping: $mapping, dryRun: $dryRun, emailKind: $emailKind) {\n      ...CsvImportReportFields\n    }\n  }\n\n  fragment CsvImportReportFields on CsvImportReport {\n    dryRun\n    rows\n    created\n    updated\n    unchanged\n    errors {\n      line\n      reason\n    }\n    kept {\n      line\n      reason\n    }\n    emailKind\n    emails\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateCandidates {\n    duplicateCandidates {\n      reason\n      first {\n        ...DuplicateFields\n      }\n      second {\n        ...DuplicateFields\n      }\n    }\n  }\n\n  fragment DuplicateFields on Professional {\n    ...ProfessionalSummary\n    rpps\n    createdAt\n  }\n"): (typeof documents)["\n  query DuplicateCandidates {\n    duplicateCandidates {\n      reason\n      first {\n        ...DuplicateFields\n      }\n      second {\n        ...DuplicateFields\n      }\n    }\n  }\n\n  fragment DuplicateFields on Professional {\n    ...ProfessionalSummary\n    rpps\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeProfessionals($keptId: ID!, $mergedId: ID!) {\n    mergeProfessionals(keptId: $keptId, mergedId: $mergedId) {\n      id\n      mergedInto\n    }\n  }\n"): (typeof documents)["\n  mutation MergeProfessionals($keptId: ID!, $mergedId: ID!) {\n    mergeProfessionals(keptId: $keptId, mergedId: $mergedId) {\n      id\n      mergedInto\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissDuplicate($firstId: ID!, $secondId: ID!) {\n    dismissDuplicate(firstId: $firstId, secondId: $secondId)\n  }\n"): (typeof documents)["\n  mutation DismissDuplicate($firstId: ID!, $secondId: ID!) {\n    dismissDuplicate(firstId: $firstId, secondId: $secondId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateCount {\n    duplicateCandidates {\n      reason\n      first {\n        id\n      }\n      second {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query DuplicateCount {\n    duplicateCandidates {\n      reason\n      first {\n        id\n      }\n      second {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FicheFields on FicheAction {\n    id\n    year\n    title\n    objective\n    mission\n    actions\n    status\n    startsOn\n    endsOn\n    updatedAt\n    responsible {\n      kind\n      id\n      name\n    }\n    indicators {\n      id\n      label\n      kind\n      unit\n      target\n      actual\n      computedFrom\n      met\n      assessment\n    }\n    sources {\n      kind\n      id\n    }\n    reviewMeetings {\n      id\n      title\n      startsAt\n      endsAt\n      status\n      ficheIds\n    }\n  }\n"): (typeof documents)["\n  fragment FicheFields on FicheAction {\n    id\n    year\n    title\n    objective\n    mission\n    actions\n    status\n    startsOn\n    endsOn\n    updatedAt\n    responsible {\n      kind\n      id\n      name\n    }\n    indicators {\n      id\n      label\n      kind\n      unit\n      target\n      actual\n      computedFrom\n      met\n      assessment\n    }\n    sources {\n      kind\n      id\n    }\n    reviewMeetings {\n      id\n      title\n      startsAt\n      endsAt\n      status\n      ficheIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvaluationFile($year: Int!) {\n    evaluationFile(year: $year) {\n      year\n      cptsName\n      fiches\n      quantitativeIndicators\n      indicatorsMet\n      evidence\n      pdfUrl\n      xlsxUrl\n      perFiche {\n        id\n        title\n        mission\n        status\n        indicators\n        indicatorsMet\n        evidence\n      }\n    }\n  }\n"): (typeof documents)["\n  query EvaluationFile($year: Int!) {\n    evaluationFile(year: $year) {\n      year\n      cptsName\n      fiches\n      quantitativeIndicators\n      indicatorsMet\n      evidence\n      pdfUrl\n      xlsxUrl\n      perFiche {\n        id\n        title\n        mission\n        status\n        indicators\n        indicatorsMet\n        evidence\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Fiche($id: ID!) {\n    fiche(id: $id) {\n      ...FicheFields\n    }\n    ficheEvidence(ficheId: $id) {\n      id\n      kind\n      automatic\n      title\n      from\n      to\n      figures {\n        label\n        value\n        unit\n        key\n      }\n      details\n      url\n      gap\n    }\n  }\n"): (typeof documents)["\n  query Fiche($id: ID!) {\n    fiche(id: $id) {\n      ...FicheFields\n    }\n    ficheEvidence(ficheId: $id) {\n      id\n      kind\n      automatic\n      title\n      from\n      to\n      figures {\n        label\n        value\n        unit\n        key\n      }\n      details\n      url\n      gap\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FicheSourceChoices($year: Int!) {\n    ficheSourceChoices(year: $year) {\n      kind\n      id\n      name\n      detail\n    }\n  }\n"): (typeof documents)["\n  query FicheSourceChoices($year: Int!) {\n    ficheSourceChoices(year: $year) {\n      kind\n      id\n      name\n      detail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFiche($input: FicheInput!) {\n    createFiche(input: $input) {\n      ...FicheFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFiche($input: FicheInput!) {\n    createFiche(input: $input) {\n      ...FicheFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFiche($id: ID!, $input: FicheInput!) {\n    updateFiche(id: $id, input: $input) {\n      ...FicheFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFiche($id: ID!, $input: FicheInput!) {\n    updateFiche(id: $id, input: $input) {\n      ...FicheFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkFicheSource($ficheId: ID!, $kind: FicheSourceKind!, $sourceId: ID!) {\n    linkFicheSource(ficheId: $ficheId, kind: $kind, sourceId: $sourceId) {\n      ...FicheFields\n    }\n  }\n"): (typeof documents)["\n  mutation LinkFicheSource($ficheId: ID!, $kind: FicheSourceKind!, $sourceId: ID!) {\n    linkFicheSource(ficheId: $ficheId, kind: $kind, sourceId: $sourceId) {\n      ...FicheFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkFicheSource($ficheId: ID!, $kind: FicheSourceKind!, $sourceId: ID!) {\n    unlinkFicheSource(ficheId: $ficheId, kind: $kind, sourceId: $sourceId) {\n      ...FicheFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnlinkFicheSource($ficheId: ID!, $kind: FicheSourceKind!, $sourceId: ID!) {\n    unlinkFicheSource(ficheId: $ficheId, kind: $kind, sourceId: $sourceId) {\n      ...FicheFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddFicheEvidence($input: FicheEvidenceTextInput!) {\n    addFicheEvidence(input: $input) {\n      ...FicheFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddFicheEvidence($input: FicheEvidenceTextInput!) {\n    addFicheEvidence(input: $input) {\n      ...FicheFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFicheEvidence($id: ID!) {\n    removeFicheEvidence(id: $id) {\n      ...FicheFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveFicheEvidence($id: ID!) {\n    removeFicheEvidence(id: $id) {\n      ...FicheFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanFicheReview($input: PlanFicheReviewInput!) {\n    planFicheReview(input: $input) {\n      id\n      title\n      startsAt\n      ficheIds\n    }\n  }\n"): (typeof documents)["\n  mutation PlanFicheReview($input: PlanFicheReviewInput!) {\n    planFicheReview(input: $input) {\n      id\n      title\n      startsAt\n      ficheIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DecisionTallyFields on DecisionTally {\n    for\n    against\n    abstain\n    eligible\n    participating\n    byProxy\n    cast\n    quorumNeeded\n    quorumMet\n  }\n"): (typeof documents)["\n  fragment DecisionTallyFields on DecisionTally {\n    for\n    against\n    abstain\n    eligible\n    participating\n    byProxy\n    cast\n    quorumNeeded\n    quorumMet\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DecisionSummaryFields on Decision {\n    id\n    instanceId\n    instanceName\n    instanceKind\n    source\n    title\n    question\n    deadline\n    status\n    openedAt\n    closedAt\n    closedBecause\n    outcome\n    registerNumber\n    voterCount\n    votedCount\n    publishedAt\n    createdAt\n    myVoterId\n    tally {\n      ...DecisionTallyFields\n    }\n  }\n"): (typeof documents)["\n  fragment DecisionSummaryFields on Decision {\n    id\n    instanceId\n    instanceName\n    instanceKind\n    source\n    title\n    question\n    deadline\n    status\n    openedAt\n    closedAt\n    closedBecause\n    outcome\n    registerNumber\n    voterCount\n    votedCount\n    publishedAt\n    createdAt\n    myVoterId\n    tally {\n      ...DecisionTallyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Decisions($status: DecisionStatus) {\n    decisions(status: $status) {\n      ...DecisionSummaryFields\n    }\n  }\n"): (typeof documents)["\n  query Decisions($status: DecisionStatus) {\n    decisions(status: $status) {\n      ...DecisionSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingDecisions {\n    decisions(status: OPEN) {\n      id\n      title\n      instanceName\n      deadline\n      myVoterId\n      voterCount\n      votedCount\n      voters {\n        id\n        voted\n        conflict\n        proxyToId\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingDecisions {\n    decisions(status: OPEN) {\n      id\n      title\n      instanceName\n      deadline\n      myVoterId\n      voterCount\n      votedCount\n      voters {\n        id\n        voted\n        conflict\n        proxyToId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Decision($id: ID!) {\n    decision(id: $id) {\n      ...DecisionSummaryFields\n      canEditDraft\n      context\n      options\n      amountCents\n      missions\n      reopensId\n      reopenedById\n      meetingId\n      statutes {\n        quorumShare\n        majority\n        abstentionsCountAsCast\n        proxiesPerHolder\n        perCollege\n      }\n      colleges {\n        college\n        outcome\n        tally {\n          ...DecisionTallyFields\n        }\n      }\n      voters {\n        id\n        name\n        college\n        voted\n        choice\n        votedAt\n        channel\n        changes\n        conflict\n        conflictNote\n        proxyToId\n        proxyToName\n        holdsProxiesOf\n      }\n      comments {\n        id\n        authorName\n        body\n        createdAt\n      }\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  query Decision($id: ID!) {\n    decision(id: $id) {\n      ...DecisionSummaryFields\n      canEditDraft\n      context\n      options\n      amountCents\n      missions\n      reopensId\n      reopenedById\n      meetingId\n      statutes {\n        quorumShare\n        majority\n        abstentionsCountAsCast\n        proxiesPerHolder\n        perCollege\n      }\n      colleges {\n        college\n        outcome\n        tally {\n          ...DecisionTallyFields\n        }\n      }\n      voters {\n        id\n        name\n        college\n        voted\n        choice\n        votedAt\n        channel\n        changes\n        conflict\n        conflictNote\n        proxyToId\n        proxyToName\n        holdsProxiesOf\n      }\n      comments {\n        id\n        authorName\n        body\n        createdAt\n      }\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionAudit($id: ID!) {\n    decision(id: $id) {\n      id\n      audit {\n        seq\n        at\n        event\n        actor\n        channel\n        data\n        hash\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionAudit($id: ID!) {\n    decision(id: $id) {\n      id\n      audit {\n        seq\n        at\n        event\n        actor\n        channel\n        data\n        hash\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyDecisionAudit($id: ID!) {\n    verifyDecisionAudit(id: $id) {\n      ok\n      entries\n      brokenAt\n      problem\n    }\n  }\n"): (typeof documents)["\n  query VerifyDecisionAudit($id: ID!) {\n    verifyDecisionAudit(id: $id) {\n      ok\n      entries\n      brokenAt\n      problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionInstances {\n    governanceInstances {\n      id\n      kind\n      name\n      currentCount\n    }\n  }\n"): (typeof documents)["\n  query DecisionInstances {\n    governanceInstances {\n      id\n      kind\n      name\n      currentCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionRecipients($id: ID!) {\n    governanceInstance(id: $id) {\n      id\n      kind\n      name\n      currentCount\n      mandates {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionRecipients($id: ID!) {\n    governanceInstance(id: $id) {\n      id\n      kind\n      name\n      currentCount\n      mandates {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDecision($input: DecisionInput!) {\n    createDecision(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDecision($input: DecisionInput!) {\n    createDecision(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDecision($id: ID!, $input: DecisionInput!) {\n    updateDecision(id: $id, input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDecision($id: ID!, $input: DecisionInput!) {\n    updateDecision(id: $id, input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDecisionDraft($id: ID!) {\n    deleteDecisionDraft(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteDecisionDraft($id: ID!) {\n    deleteDecisionDraft(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenDecision($id: ID!) {\n    openDecision(id: $id) {\n      id\n      status\n      voterCount\n    }\n  }\n"): (typeof documents)["\n  mutation OpenDecision($id: ID!) {\n    openDecision(id: $id) {\n      id\n      status\n      voterCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenDecision($id: ID!, $deadline: DateTime!) {\n    reopenDecision(id: $id, deadline: $deadline) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenDecision($id: ID!, $deadline: DateTime!) {\n    reopenDecision(id: $id, deadline: $deadline) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishDecision($id: ID!) {\n    publishDecision(id: $id) {\n      id\n      publishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation PublishDecision($id: ID!) {\n    publishDecision(id: $id) {\n      id\n      publishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoteOnDecision($id: ID!, $choice: VoteChoice!) {\n    voteOnDecision(id: $id, choice: $choice) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation VoteOnDecision($id: ID!, $choice: VoteChoice!) {\n    voteOnDecision(id: $id, choice: $choice) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclareDecisionConflict($id: ID!, $note: String) {\n    declareDecisionConflict(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeclareDecisionConflict($id: ID!, $note: String) {\n    declareDecisionConflict(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GiveDecisionProxy($id: ID!, $holderId: ID) {\n    giveDecisionProxy(id: $id, holderId: $holderId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation GiveDecisionProxy($id: ID!, $holderId: ID) {\n    giveDecisionProxy(id: $id, holderId: $holderId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentOnDecision($id: ID!, $body: String!) {\n    commentOnDecision(id: $id, body: $body) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CommentOnDecision($id: ID!, $body: String!) {\n    commentOnDecision(id: $id, body: $body) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveDecisionDocument($id: ID!) {\n    removeDecisionDocument(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveDecisionDocument($id: ID!) {\n    removeDecisionDocument(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionRegister($year: Int, $first: Int!, $after: String) {\n    decisionRegister(year: $year, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          registerNumber\n          closedAt\n          instanceName\n          source\n          title\n          outcome\n          tally {\n            for\n            against\n            abstain\n            participating\n            byProxy\n            eligible\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionRegister($year: Int, $first: Int!, $after: String) {\n    decisionRegister(year: $year, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          registerNumber\n          closedAt\n          instanceName\n          source\n          title\n          outcome\n          tally {\n            for\n            against\n            abstain\n            participating\n            byProxy\n            eligible\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GovernanceInstanceFields on GovernanceInstance {\n    id\n    kind\n    name\n    seats\n    currentCount\n    seatsToFill\n    endingSoon\n    statutes {\n      quorumShare\n      majority\n      abstentionsCountAsCast\n      proxiesPerHolder\n      noticeDays\n      perCollege\n    }\n    colleges {\n      id\n      name\n      membershipCollege\n      seats\n      filled\n    }\n  }\n"): (typeof documents)["\n  fragment GovernanceInstanceFields on GovernanceInstance {\n    id\n    kind\n    name\n    seats\n    currentCount\n    seatsToFill\n    endingSoon\n    statutes {\n      quorumShare\n      majority\n      abstentionsCountAsCast\n      proxiesPerHolder\n      noticeDays\n      perCollege\n    }\n    colleges {\n      id\n      name\n      membershipCollege\n      seats\n      filled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MandateFields on Mandate {\n    id\n    instanceId\n    professionalId\n    name\n    office\n    collegeId\n    collegeName\n    startsOn\n    endsOn\n    obtained\n    obtainedNote\n    endedOn\n    endReason\n    current\n    daysLeft\n  }\n"): (typeof documents)["\n  fragment MandateFields on Mandate {\n    id\n    instanceId\n    professionalId\n    name\n    office\n    collegeId\n    collegeName\n    startsOn\n    endsOn\n    obtained\n    obtainedNote\n    endedOn\n    endReason\n    current\n    daysLeft\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GovernanceInstances {\n    governanceInstances {\n      ...GovernanceInstanceFields\n    }\n  }\n"): (typeof documents)["\n  query GovernanceInstances {\n    governanceInstances {\n      ...GovernanceInstanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GovernanceInstance($id: ID!) {\n    governanceInstance(id: $id) {\n      ...GovernanceInstanceFields\n      mandates {\n        ...MandateFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query GovernanceInstance($id: ID!) {\n    governanceInstance(id: $id) {\n      ...GovernanceInstanceFields\n      mandates {\n        ...MandateFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstanceMandatesOn($id: ID!, $on: String!) {\n    governanceInstance(id: $id) {\n      id\n      mandates(on: $on) {\n        ...MandateFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query InstanceMandatesOn($id: ID!, $on: String!) {\n    governanceInstance(id: $id) {\n      id\n      mandates(on: $on) {\n        ...MandateFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstanceMandateHistory($id: ID!) {\n    governanceInstance(id: $id) {\n      id\n      mandates(all: true) {\n        ...MandateFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query InstanceMandateHistory($id: ID!) {\n    governanceInstance(id: $id) {\n      id\n      mandates(all: true) {\n        ...MandateFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGovernanceInstance($input: InstanceInput!) {\n    createGovernanceInstance(input: $input) {\n      ...GovernanceInstanceFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGovernanceInstance($input: InstanceInput!) {\n    createGovernanceInstance(input: $input) {\n      ...GovernanceInstanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGovernanceInstance($id: ID!, $input: UpdateInstanceInput!) {\n    updateGovernanceInstance(id: $id, input: $input) {\n      ...GovernanceInstanceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateGovernanceInstance($id: ID!, $input: UpdateInstanceInput!) {\n    updateGovernanceInstance(id: $id, input: $input) {\n      ...GovernanceInstanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGovernanceColleges($instanceId: ID!, $colleges: [CollegeInput!]!) {\n    setGovernanceColleges(instanceId: $instanceId, colleges: $colleges) {\n      ...GovernanceInstanceFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetGovernanceColleges($instanceId: ID!, $colleges: [CollegeInput!]!) {\n    setGovernanceColleges(instanceId: $instanceId, colleges: $colleges) {\n      ...GovernanceInstanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMandate($instanceId: ID!, $input: MandateInput!) {\n    addMandate(instanceId: $instanceId, input: $input) {\n      ...MandateFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddMandate($instanceId: ID!, $input: MandateInput!) {\n    addMandate(instanceId: $instanceId, input: $input) {\n      ...MandateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMandate($id: ID!, $input: MandateInput!) {\n    updateMandate(id: $id, input: $input) {\n      ...MandateFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMandate($id: ID!, $input: MandateInput!) {\n    updateMandate(id: $id, input: $input) {\n      ...MandateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndMandate($id: ID!, $input: EndMandateInput!) {\n    endMandate(id: $id, input: $input) {\n      ...MandateFields\n    }\n  }\n"): (typeof documents)["\n  mutation EndMandate($id: ID!, $input: EndMandateInput!) {\n    endMandate(id: $id, input: $input) {\n      ...MandateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionDecisionFields on Decision {\n    id\n    title\n    question\n    status\n    outcome\n    registerNumber\n    tally {\n      for\n      against\n      abstain\n      participating\n      quorumNeeded\n      quorumMet\n    }\n    colleges {\n      college\n      outcome\n      tally {\n        for\n        against\n        abstain\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SessionDecisionFields on Decision {\n    id\n    title\n    question\n    status\n    outcome\n    registerNumber\n    tally {\n      for\n      against\n      abstain\n      participating\n      quorumNeeded\n      quorumMet\n    }\n    colleges {\n      college\n      outcome\n      tally {\n        for\n        against\n        abstain\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstanceMeeting($meetingId: ID!, $instanceId: ID!, $ownerKind: String!) {\n    meeting(id: $meetingId) {\n      id\n      startsAt\n      sessionDecisions {\n        ...SessionDecisionFields\n      }\n      minutesApproval {\n        approvedAt\n        atMeetingId\n      }\n    }\n    governanceInstance(id: $instanceId) {\n      ...GovernanceInstanceFields\n    }\n    meetings(ownerKind: $ownerKind, ownerId: $instanceId) {\n      id\n      title\n      startsAt\n      status\n      minutesPublishedAt\n      minutesApproval {\n        approvedAt\n        atMeetingId\n      }\n    }\n  }\n"): (typeof documents)["\n  query InstanceMeeting($meetingId: ID!, $instanceId: ID!, $ownerKind: String!) {\n    meeting(id: $meetingId) {\n      id\n      startsAt\n      sessionDecisions {\n        ...SessionDecisionFields\n      }\n      minutesApproval {\n        approvedAt\n        atMeetingId\n      }\n    }\n    governanceInstance(id: $instanceId) {\n      ...GovernanceInstanceFields\n    }\n    meetings(ownerKind: $ownerKind, ownerId: $instanceId) {\n      id\n      title\n      startsAt\n      status\n      minutesPublishedAt\n      minutesApproval {\n        approvedAt\n        atMeetingId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingQuorumFields on MeetingQuorum {\n    electorate\n    present\n    represented\n    needed\n    met\n    proxies {\n      giverId\n      giverName\n      holderId\n      holderName\n    }\n  }\n"): (typeof documents)["\n  fragment MeetingQuorumFields on MeetingQuorum {\n    electorate\n    present\n    represented\n    needed\n    met\n    proxies {\n      giverId\n      giverName\n      holderId\n      holderName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingQuorum($meetingId: ID!) {\n    meetingQuorum(meetingId: $meetingId) {\n      ...MeetingQuorumFields\n    }\n  }\n"): (typeof documents)["\n  query MeetingQuorum($meetingId: ID!) {\n    meetingQuorum(meetingId: $meetingId) {\n      ...MeetingQuorumFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMeetingProxy($meetingId: ID!, $giverId: ID!, $holderId: ID!) {\n    recordMeetingProxy(meetingId: $meetingId, giverId: $giverId, holderId: $holderId) {\n      ...MeetingQuorumFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordMeetingProxy($meetingId: ID!, $giverId: ID!, $holderId: ID!) {\n    recordMeetingProxy(meetingId: $meetingId, giverId: $giverId, holderId: $holderId) {\n      ...MeetingQuorumFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMeetingProxy($meetingId: ID!, $giverId: ID!) {\n    removeMeetingProxy(meetingId: $meetingId, giverId: $giverId) {\n      ...MeetingQuorumFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMeetingProxy($meetingId: ID!, $giverId: ID!) {\n    removeMeetingProxy(meetingId: $meetingId, giverId: $giverId) {\n      ...MeetingQuorumFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSessionVote($input: SessionVoteInput!) {\n    recordSessionVote(input: $input) {\n      ...SessionDecisionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordSessionVote($input: SessionVoteInput!) {\n    recordSessionVote(input: $input) {\n      ...SessionDecisionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveMeetingMinutes($meetingId: ID!, $atMeetingId: ID!) {\n    approveMeetingMinutes(meetingId: $meetingId, atMeetingId: $atMeetingId)\n  }\n"): (typeof documents)["\n  mutation ApproveMeetingMinutes($meetingId: ID!, $atMeetingId: ID!) {\n    approveMeetingMinutes(meetingId: $meetingId, atMeetingId: $atMeetingId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SpendingRequestFields on SpendingRequest {\n    id\n    amountCents\n    purpose\n    mission\n    requestedAt\n    requestedByName\n    route\n    decisionId\n    decisionStatus\n    decisionOutcome\n    check\n    checkedAt\n    checkedByName\n    checkNote\n  }\n"): (typeof documents)["\n  fragment SpendingRequestFields on SpendingRequest {\n    id\n    amountCents\n    purpose\n    mission\n    requestedAt\n    requestedByName\n    route\n    decisionId\n    decisionStatus\n    decisionOutcome\n    check\n    checkedAt\n    checkedByName\n    checkNote\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Spending {\n    delegationSettings {\n      staffLimitCents\n      bureauLimitCents\n      canCheck\n    }\n    spendingRequests {\n      ...SpendingRequestFields\n    }\n  }\n"): (typeof documents)["\n  query Spending {\n    delegationSettings {\n      staffLimitCents\n      bureauLimitCents\n      canCheck\n    }\n    spendingRequests {\n      ...SpendingRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDelegationSettings($input: DelegationInput!) {\n    updateDelegationSettings(input: $input) {\n      staffLimitCents\n      bureauLimitCents\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDelegationSettings($input: DelegationInput!) {\n    updateDelegationSettings(input: $input) {\n      staffLimitCents\n      bureauLimitCents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSpending($input: SpendingRequestInput!) {\n    recordSpending(input: $input) {\n      ...SpendingRequestFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordSpending($input: SpendingRequestInput!) {\n    recordSpending(input: $input) {\n      ...SpendingRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckSpending($id: ID!, $check: SpendingCheck!, $note: String) {\n    checkSpending(id: $id, check: $check, note: $note) {\n      ...SpendingRequestFields\n    }\n  }\n"): (typeof documents)["\n  mutation CheckSpending($id: ID!, $check: SpendingCheck!, $note: String) {\n    checkSpending(id: $id, check: $check, note: $note) {\n      ...SpendingRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LapsedMembers($year: Int!) {\n    lapsedMembers(year: $year) {\n      professional {\n        id\n        firstName\n        lastName\n        profession {\n          label\n        }\n      }\n      previous {\n        id\n        feeCents\n        college\n      }\n      current {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query LapsedMembers($year: Int!) {\n    lapsedMembers(year: $year) {\n      professional {\n        id\n        firstName\n        lastName\n        profession {\n          label\n        }\n      }\n      previous {\n        id\n        feeCents\n        college\n      }\n      current {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LapseUnpaidMemberships($year: Int!) {\n    lapseUnpaidMemberships(year: $year)\n  }\n"): (typeof documents)["\n  mutation LapseUnpaidMemberships($year: Int!) {\n    lapseUnpaidMemberships(year: $year)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembershipCounts($year: Int!) {\n    membershipCounts(year: $year) {\n      year\n      totals {\n        pending\n        active\n        lapsed\n        resigned\n        total\n      }\n      byProfession {\n        profession {\n          code\n          labelPlural\n        }\n        pending\n        active\n        lapsed\n        resigned\n        total\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembershipCounts($year: Int!) {\n    membershipCounts(year: $year) {\n      year\n      totals {\n        pending\n        active\n        lapsed\n        resigned\n        total\n      }\n      byProfession {\n        profession {\n          code\n          labelPlural\n        }\n        pending\n        active\n        lapsed\n        resigned\n        total\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Memberships($year: Int!, $status: MembershipStatus, $search: String, $first: Int, $after: String) {\n    memberships(year: $year, status: $status, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          status\n          feeCents\n          paidOn\n          college\n          professional {\n            id\n            firstName\n            lastName\n            profession {\n              code\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Memberships($year: Int!, $status: MembershipStatus, $search: String, $first: Int, $after: String) {\n    memberships(year: $year, status: $status, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...CursorPageInfo\n      }\n      edges {\n        node {\n          id\n          status\n          feeCents\n          paidOn\n          college\n          professional {\n            id\n            firstName\n            lastName\n            profession {\n              code\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembershipYears {\n    membershipYears {\n      year\n      defaultFeeCents\n      openedAt\n      membershipCount\n    }\n  }\n"): (typeof documents)["\n  query MembershipYears {\n    membershipYears {\n      year\n      defaultFeeCents\n      openedAt\n      membershipCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenMembershipYear($year: Int!, $defaultFeeCents: Int!) {\n    openMembershipYear(year: $year, defaultFeeCents: $defaultFeeCents) {\n      created\n      year {\n        year\n        defaultFeeCents\n        openedAt\n        membershipCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenMembershipYear($year: Int!, $defaultFeeCents: Int!) {\n    openMembershipYear(year: $year, defaultFeeCents: $defaultFeeCents) {\n      created\n      year {\n        year\n        defaultFeeCents\n        openedAt\n        membershipCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentLineFields on PaymentLine {\n    id\n    professionalId\n    professionalName\n    kind\n    workDate\n    year\n    minutes\n    amountCents\n    label\n    source\n    status\n    paidOn\n    paidReference\n    cancelledAt\n    cancelReason\n  }\n"): (typeof documents)["\n  fragment PaymentLineFields on PaymentLine {\n    id\n    professionalId\n    professionalName\n    kind\n    workDate\n    year\n    minutes\n    amountCents\n    label\n    source\n    status\n    paidOn\n    paidReference\n    cancelledAt\n    cancelReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentYear($year: Int!, $filter: PaymentLinesFilter!) {\n    paymentYear(year: $year) {\n      year\n      passCents\n      canManage\n      canMarkPaid\n      professionals {\n        professionalId\n        name\n        rpps\n        professionLabel\n        indemnityCents\n        remunerationCents\n        totalCents\n        paidCents\n        toPayCents\n        passPermille\n        warning\n      }\n    }\n    paymentLines(filter: $filter) {\n      ...PaymentLineFields\n    }\n  }\n"): (typeof documents)["\n  query PaymentYear($year: Int!, $filter: PaymentLinesFilter!) {\n    paymentYear(year: $year) {\n      year\n      passCents\n      canManage\n      canMarkPaid\n      professionals {\n        professionalId\n        name\n        rpps\n        professionLabel\n        indemnityCents\n        remunerationCents\n        totalCents\n        paidCents\n        toPayCents\n        passPermille\n        warning\n      }\n    }\n    paymentLines(filter: $filter) {\n      ...PaymentLineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkPaymentLinesPaid($input: MarkPaidInput!) {\n    markPaymentLinesPaid(input: $input) {\n      ...PaymentLineFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkPaymentLinesPaid($input: MarkPaidInput!) {\n    markPaymentLinesPaid(input: $input) {\n      ...PaymentLineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPaymentLine($id: ID!, $reason: String!) {\n    cancelPaymentLine(id: $id, reason: $reason) {\n      ...PaymentLineFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelPaymentLine($id: ID!, $reason: String!) {\n    cancelPaymentLine(id: $id, reason: $reason) {\n      ...PaymentLineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentSettings {\n    paymentSettings {\n      indemnityHourlyRateCents\n      updatedAt\n      updatedByName\n    }\n  }\n"): (typeof documents)["\n  query PaymentSettings {\n    paymentSettings {\n      indemnityHourlyRateCents\n      updatedAt\n      updatedByName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePaymentSettings($rate: Int!) {\n    updatePaymentSettings(indemnityHourlyRateCents: $rate) {\n      indemnityHourlyRateCents\n      updatedAt\n      updatedByName\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePaymentSettings($rate: Int!) {\n    updatePaymentSettings(indemnityHourlyRateCents: $rate) {\n      indemnityHourlyRateCents\n      updatedAt\n      updatedByName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstanceMeetingsForIndemnities($ownerId: ID!) {\n    meetings(ownerKind: \"governance_instance\", ownerId: $ownerId) {\n      id\n      title\n      startsAt\n      endsAt\n      status\n      presentCount\n    }\n  }\n"): (typeof documents)["\n  query InstanceMeetingsForIndemnities($ownerId: ID!) {\n    meetings(ownerKind: \"governance_instance\", ownerId: $ownerId) {\n      id\n      title\n      startsAt\n      endsAt\n      status\n      presentCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentInstances {\n    governanceInstances {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query PaymentInstances {\n    governanceInstances {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateMeetingIndemnities($meetingId: ID!) {\n    generateMeetingIndemnities(meetingId: $meetingId) {\n      meetingId\n      minutes\n      hourlyRateCents\n      amountCents\n      created {\n        warning\n        line {\n          ...PaymentLineFields\n        }\n      }\n      skipped {\n        professionalId\n        name\n        reason\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateMeetingIndemnities($meetingId: ID!) {\n    generateMeetingIndemnities(meetingId: $meetingId) {\n      meetingId\n      minutes\n      hourlyRateCents\n      amountCents\n      created {\n        warning\n        line {\n          ...PaymentLineFields\n        }\n      }\n      skipped {\n        professionalId\n        name\n        reason\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentStatement($professionalId: ID!, $year: Int!) {\n    paymentStatement(professionalId: $professionalId, year: $year) {\n      year\n      cptsName\n      professional {\n        id\n        name\n        rpps\n        professionLabel\n      }\n      lines {\n        ...PaymentLineFields\n      }\n      indemnityCents\n      remunerationCents\n      totalCents\n      paidCents\n      toPayCents\n      passCents\n      passPermille\n    }\n  }\n"): (typeof documents)["\n  query PaymentStatement($professionalId: ID!, $year: Int!) {\n    paymentStatement(professionalId: $professionalId, year: $year) {\n      year\n      cptsName\n      professional {\n        id\n        name\n        rpps\n        professionLabel\n      }\n      lines {\n        ...PaymentLineFields\n      }\n      indemnityCents\n      remunerationCents\n      totalCents\n      paidCents\n      toPayCents\n      passCents\n      passPermille\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PassCeilings {\n    passCeilings {\n      year\n      amountCents\n      updatedAt\n      updatedByName\n    }\n  }\n"): (typeof documents)["\n  query PassCeilings {\n    passCeilings {\n      year\n      amountCents\n      updatedAt\n      updatedByName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPassCeiling($year: Int!, $amountCents: Float!) {\n    setPassCeiling(year: $year, amountCents: $amountCents) {\n      year\n      amountCents\n      updatedAt\n      updatedByName\n    }\n  }\n"): (typeof documents)["\n  mutation SetPassCeiling($year: Int!, $amountCents: Float!) {\n    setPassCeiling(year: $year, amountCents: $amountCents) {\n      year\n      amountCents\n      updatedAt\n      updatedByName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonConsents($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      consents {\n        purpose\n        status\n        allowed\n        basis\n        reason\n        lastEvent {\n          id\n          action\n          method\n          wordingVersion\n          at\n        }\n      }\n      consentEvents {\n        id\n        purpose\n        action\n        method\n        wordingVersion\n        note\n        at\n        recordedByName\n      }\n    }\n    consentWordings {\n      version\n      purpose\n      text\n      current\n    }\n  }\n"): (typeof documents)["\n  query PersonConsents($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      consents {\n        purpose\n        status\n        allowed\n        basis\n        reason\n        lastEvent {\n          id\n          action\n          method\n          wordingVersion\n          at\n        }\n      }\n      consentEvents {\n        id\n        purpose\n        action\n        method\n        wordingVersion\n        note\n        at\n        recordedByName\n      }\n    }\n    consentWordings {\n      version\n      purpose\n      text\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GiveConsent($professionalId: ID!, $purpose: ConsentPurpose!, $method: ConsentMethod!, $wordingVersion: String!, $note: String) {\n    giveConsent(professionalId: $professionalId, purpose: $purpose, method: $method, wordingVersion: $wordingVersion, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation GiveConsent($professionalId: ID!, $purpose: ConsentPurpose!, $method: ConsentMethod!, $wordingVersion: String!, $note: String) {\n    giveConsent(professionalId: $professionalId, purpose: $purpose, method: $method, wordingVersion: $wordingVersion, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawConsent($professionalId: ID!, $purpose: ConsentPurpose!, $method: ConsentMethod!) {\n    withdrawConsent(professionalId: $professionalId, purpose: $purpose, method: $method) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawConsent($professionalId: ID!, $purpose: ConsentPurpose!, $method: ConsentMethod!) {\n    withdrawConsent(professionalId: $professionalId, purpose: $purpose, method: $method) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonGdpr($id: ID!) {\n    professional(id: $id) {\n      id\n      lastName\n      firstName\n      erasedAt\n    }\n  }\n"): (typeof documents)["\n  query PersonGdpr($id: ID!) {\n    professional(id: $id) {\n      id\n      lastName\n      firstName\n      erasedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseProfessional($id: ID!, $confirmation: String!) {\n    eraseProfessional(id: $id, confirmation: $confirmation) {\n      id\n      lastName\n      firstName\n      erasedAt\n    }\n  }\n"): (typeof documents)["\n  mutation EraseProfessional($id: ID!, $confirmation: String!) {\n    eraseProfessional(id: $id, confirmation: $confirmation) {\n      id\n      lastName\n      firstName\n      erasedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonHistory($id: ID!) {\n    professional(id: $id) {\n      id\n      history(first: 50) {\n        id\n        kind\n        summary\n        actorName\n        at\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonHistory($id: ID!) {\n    professional(id: $id) {\n      id\n      history(first: 50) {\n        id\n        kind\n        summary\n        actorName\n        at\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonInvolvementFields on Professional {\n    id\n    involvementLevel\n    involvements {\n      source\n      level\n      setAt\n      setByName\n    }\n  }\n"): (typeof documents)["\n  fragment PersonInvolvementFields on Professional {\n    id\n    involvementLevel\n    involvements {\n      source\n      level\n      setAt\n      setByName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonInvolvement($id: ID!) {\n    professional(id: $id) {\n      ...PersonInvolvementFields\n    }\n  }\n"): (typeof documents)["\n  query PersonInvolvement($id: ID!) {\n    professional(id: $id) {\n      ...PersonInvolvementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetInvolvementLevel($professionalId: ID!, $level: InvolvementLevel!) {\n    setInvolvementLevel(professionalId: $professionalId, level: $level) {\n      ...PersonInvolvementFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetInvolvementLevel($professionalId: ID!, $level: InvolvementLevel!) {\n    setInvolvementLevel(professionalId: $professionalId, level: $level) {\n      ...PersonInvolvementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonLabels($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      labels {\n        id\n        name\n      }\n    }\n    directoryLabels {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query PersonLabels($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      labels {\n        id\n        name\n      }\n    }\n    directoryLabels {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProfessionalLabels($professionalId: ID!, $labelIds: [ID!]!) {\n    setProfessionalLabels(professionalId: $professionalId, labelIds: $labelIds) {\n      id\n      labels {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetProfessionalLabels($professionalId: ID!, $labelIds: [ID!]!) {\n    setProfessionalLabels(professionalId: $professionalId, labelIds: $labelIds) {\n      id\n      labels {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonMembershipFields on Membership {\n    id\n    year\n    status\n    feeCents\n    paidOn\n    paymentMeans\n    college\n    note\n  }\n"): (typeof documents)["\n  fragment PersonMembershipFields on Membership {\n    id\n    year\n    status\n    feeCents\n    paidOn\n    paymentMeans\n    college\n    note\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonMemberships($id: ID!) {\n    professional(id: $id) {\n      id\n      archivedAt\n      memberships {\n        ...PersonMembershipFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonMemberships($id: ID!) {\n    professional(id: $id) {\n      id\n      archivedAt\n      memberships {\n        ...PersonMembershipFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveMembership($input: MembershipInput!) {\n    saveMembership(input: $input) {\n      ...PersonMembershipFields\n      professional {\n        id\n        involvementLevel\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveMembership($input: MembershipInput!) {\n    saveMembership(input: $input) {\n      ...PersonMembershipFields\n      professional {\n        id\n        involvementLevel\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMembership($id: ID!) {\n    deleteMembership(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteMembership($id: ID!) {\n    deleteMembership(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonData($id: ID!) {\n    personData(id: $id)\n  }\n"): (typeof documents)["\n  query PersonData($id: ID!) {\n    personData(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Person($id: ID!) {\n    professional(id: $id) {\n      ...ProfessionalSummary\n      rpps\n      archivedAt\n      erasedAt\n      emailIsWork\n      updatedAt\n      mergedInto\n    }\n  }\n"): (typeof documents)["\n  query Person($id: ID!) {\n    professional(id: $id) {\n      ...ProfessionalSummary\n      rpps\n      archivedAt\n      erasedAt\n      emailIsWork\n      updatedAt\n      mergedInto\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SiteFields on ProfessionalSite {\n    id\n    structureName\n    address\n    postalCode\n    communeCode\n    commune {\n      inseeCode\n      name\n    }\n    phone\n    practiceMode\n    isMain\n    fromImport\n    retiredAt\n  }\n"): (typeof documents)["\n  fragment SiteFields on ProfessionalSite {\n    id\n    structureName\n    address\n    postalCode\n    communeCode\n    commune {\n      inseeCode\n      name\n    }\n    phone\n    practiceMode\n    isMain\n    fromImport\n    retiredAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonSites($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      mergedInto\n      sites(includeRetired: true) {\n        ...SiteFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonSites($id: ID!) {\n    professional(id: $id) {\n      id\n      erasedAt\n      mergedInto\n      sites(includeRetired: true) {\n        ...SiteFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonSitesChange on Professional {\n    id\n    communeCode\n    structureName\n    phone\n    sites(includeRetired: true) {\n      ...SiteFields\n    }\n  }\n"): (typeof documents)["\n  fragment PersonSitesChange on Professional {\n    id\n    communeCode\n    structureName\n    phone\n    sites(includeRetired: true) {\n      ...SiteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddProfessionalSite($professionalId: ID!, $input: ProfessionalSiteInput!) {\n    addProfessionalSite(professionalId: $professionalId, input: $input) {\n      ...PersonSitesChange\n    }\n  }\n"): (typeof documents)["\n  mutation AddProfessionalSite($professionalId: ID!, $input: ProfessionalSiteInput!) {\n    addProfessionalSite(professionalId: $professionalId, input: $input) {\n      ...PersonSitesChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfessionalSite($id: ID!, $input: ProfessionalSiteInput!) {\n    updateProfessionalSite(id: $id, input: $input) {\n      ...PersonSitesChange\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfessionalSite($id: ID!, $input: ProfessionalSiteInput!) {\n    updateProfessionalSite(id: $id, input: $input) {\n      ...PersonSitesChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMainProfessionalSite($id: ID!) {\n    setMainProfessionalSite(id: $id) {\n      ...PersonSitesChange\n    }\n  }\n"): (typeof documents)["\n  mutation SetMainProfessionalSite($id: ID!) {\n    setMainProfessionalSite(id: $id) {\n      ...PersonSitesChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireProfessionalSite($id: ID!) {\n    retireProfessionalSite(id: $id) {\n      ...PersonSitesChange\n    }\n  }\n"): (typeof documents)["\n  mutation RetireProfessionalSite($id: ID!) {\n    retireProfessionalSite(id: $id) {\n      ...PersonSitesChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentCpts {\n    currentCpts {\n      ...CptsOverview\n      slug\n      contactEmail\n      communes {\n        inseeCode\n        name\n        population\n      }\n      region {\n        id\n        networkName\n      }\n    }\n  }\n"): (typeof documents)["\n  query CurrentCpts {\n    currentCpts {\n      ...CptsOverview\n      slug\n      contactEmail\n      communes {\n        inseeCode\n        name\n        population\n      }\n      region {\n        id\n        networkName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfessionalSummary on Professional {\n    id\n    firstName\n    lastName\n    structureName\n    email\n    phone\n    profession {\n      code\n      label\n    }\n    commune {\n      inseeCode\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ProfessionalSummary on Professional {\n    id\n    firstName\n    lastName\n    structureName\n    email\n    phone\n    profession {\n      code\n      label\n    }\n    commune {\n      inseeCode\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Professions {\n    professions {\n      code\n      label\n      labelPlural\n    }\n  }\n"): (typeof documents)["\n  query Professions {\n    professions {\n      code\n      label\n      labelPlural\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SurveyFields on Survey {\n    id\n    title\n    intro\n    anonymous\n    status\n    closesAt\n    reminderDays\n    adoptionId\n    audienceLabel\n    sentAt\n    closedAt\n    createdAt\n    recipientCount\n    answerCount\n    questions {\n      id\n      type\n      label\n      options\n      required\n    }\n  }\n"): (typeof documents)["\n  fragment SurveyFields on Survey {\n    id\n    title\n    intro\n    anonymous\n    status\n    closesAt\n    reminderDays\n    adoptionId\n    audienceLabel\n    sentAt\n    closedAt\n    createdAt\n    recipientCount\n    answerCount\n    questions {\n      id\n      type\n      label\n      options\n      required\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Surveys {\n    surveys {\n      ...SurveyFields\n    }\n  }\n"): (typeof documents)["\n  query Surveys {\n    surveys {\n      ...SurveyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Survey($id: ID!) {\n    survey(id: $id) {\n      ...SurveyFields\n      recipients {\n        id\n        name\n        email\n        answered\n        reminders\n      }\n    }\n  }\n"): (typeof documents)["\n  query Survey($id: ID!) {\n    survey(id: $id) {\n      ...SurveyFields\n      recipients {\n        id\n        name\n        email\n        answered\n        reminders\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurveyResults($id: ID!) {\n    surveyResults(id: $id) {\n      surveyId\n      recipients\n      answers\n      responseRate\n      questions {\n        questionId\n        type\n        label\n        answered\n        mean\n        counts {\n          label\n          count\n        }\n        texts\n      }\n    }\n  }\n"): (typeof documents)["\n  query SurveyResults($id: ID!) {\n    surveyResults(id: $id) {\n      surveyId\n      recipients\n      answers\n      responseRate\n      questions {\n        questionId\n        type\n        label\n        answered\n        mean\n        counts {\n          label\n          count\n        }\n        texts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSurvey($input: SurveyInput!) {\n    createSurvey(input: $input) {\n      ...SurveyFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSurvey($input: SurveyInput!) {\n    createSurvey(input: $input) {\n      ...SurveyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSurvey($id: ID!, $input: SurveyInput!) {\n    updateSurvey(id: $id, input: $input) {\n      ...SurveyFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSurvey($id: ID!, $input: SurveyInput!) {\n    updateSurvey(id: $id, input: $input) {\n      ...SurveyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSurveyQuestions($id: ID!, $input: SurveyQuestionsInput!) {\n    setSurveyQuestions(id: $id, input: $input) {\n      ...SurveyFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetSurveyQuestions($id: ID!, $input: SurveyQuestionsInput!) {\n    setSurveyQuestions(id: $id, input: $input) {\n      ...SurveyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendSurvey($id: ID!, $audience: SurveyAudienceInput!) {\n    sendSurvey(id: $id, audience: $audience) {\n      ...SurveyFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendSurvey($id: ID!, $audience: SurveyAudienceInput!) {\n    sendSurvey(id: $id, audience: $audience) {\n      ...SurveyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemindSurvey($id: ID!) {\n    remindSurvey(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemindSurvey($id: ID!) {\n    remindSurvey(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseSurvey($id: ID!) {\n    closeSurvey(id: $id) {\n      ...SurveyFields\n    }\n  }\n"): (typeof documents)["\n  mutation CloseSurvey($id: ID!) {\n    closeSurvey(id: $id) {\n      ...SurveyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurveyGroups {\n    workingGroups {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query SurveyGroups {\n    workingGroups {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurveyGroupMeetings($ownerId: ID!) {\n    meetings(ownerKind: \"working_group\", ownerId: $ownerId) {\n      id\n      title\n      startsAt\n      status\n    }\n  }\n"): (typeof documents)["\n  query SurveyGroupMeetings($ownerId: ID!) {\n    meetings(ownerKind: \"working_group\", ownerId: $ownerId) {\n      id\n      title\n      startsAt\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkingGroupJoinRequests($id: ID!) {\n    workingGroup(id: $id) {\n      id\n      joinUrl\n      joinRequests {\n        id\n        firstName\n        lastName\n        email\n        profession\n        message\n        requestedAt\n        matches {\n          professionalId\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkingGroupJoinRequests($id: ID!) {\n    workingGroup(id: $id) {\n      id\n      joinUrl\n      joinRequests {\n        id\n        firstName\n        lastName\n        email\n        profession\n        message\n        requestedAt\n        matches {\n          professionalId\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptWorkingGroupJoinRequest($id: ID!, $professionalId: ID) {\n    acceptWorkingGroupJoinRequest(id: $id, professionalId: $professionalId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptWorkingGroupJoinRequest($id: ID!, $professionalId: ID) {\n    acceptWorkingGroupJoinRequest(id: $id, professionalId: $professionalId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineWorkingGroupJoinRequest($id: ID!) {\n    declineWorkingGroupJoinRequest(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineWorkingGroupJoinRequest($id: ID!) {\n    declineWorkingGroupJoinRequest(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPollsToAnswer($ownerKind: String!, $ownerId: ID!) {\n    meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) {\n      id\n      title\n      status\n      slots {\n        id\n        startsAt\n        endsAt\n      }\n      myInvitation {\n        answerPath\n        answeredAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupPollsToAnswer($ownerKind: String!, $ownerId: ID!) {\n    meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) {\n      id\n      title\n      status\n      slots {\n        id\n        startsAt\n        endsAt\n      }\n      myInvitation {\n        answerPath\n        answeredAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActionItemFields on ActionItem {\n    id\n    ownerKind\n    ownerId\n    ownerName\n    meetingId\n    title\n    assigneeName\n    professionalId\n    userId\n    dueOn\n    status\n    statusAt\n    statusBy\n    statusByName\n    overdue\n    mine\n  }\n"): (typeof documents)["\n  fragment ActionItemFields on ActionItem {\n    id\n    ownerKind\n    ownerId\n    ownerName\n    meetingId\n    title\n    assigneeName\n    professionalId\n    userId\n    dueOn\n    status\n    statusAt\n    statusBy\n    statusByName\n    overdue\n    mine\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionItems($filter: ActionItemFilter) {\n    actionItems(filter: $filter) {\n      ...ActionItemFields\n    }\n  }\n"): (typeof documents)["\n  query ActionItems($filter: ActionItemFilter) {\n    actionItems(filter: $filter) {\n      ...ActionItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionItemPeople {\n    actionItems {\n      id\n      professionalId\n      userId\n      assigneeName\n    }\n  }\n"): (typeof documents)["\n  query ActionItemPeople {\n    actionItems {\n      id\n      professionalId\n      userId\n      assigneeName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateActionItem($input: ActionItemInput!) {\n    createActionItem(input: $input) {\n      ...ActionItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateActionItem($input: ActionItemInput!) {\n    createActionItem(input: $input) {\n      ...ActionItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetActionItemStatus($id: ID!, $status: ActionItemStatus!) {\n    setActionItemStatus(id: $id, status: $status) {\n      ...ActionItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetActionItemStatus($id: ID!, $status: ActionItemStatus!) {\n    setActionItemStatus(id: $id, status: $status) {\n      ...ActionItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupTeamUsers {\n    cptsTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n    }\n  }\n"): (typeof documents)["\n  query GroupTeamUsers {\n    cptsTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddGroupPeople($groupId: ID!, $professionalIds: [ID!], $userIds: [ID!], $role: WorkingGroupRole) {\n    addWorkingGroupMembers(groupId: $groupId, professionalIds: $professionalIds, userIds: $userIds, role: $role) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation AddGroupPeople($groupId: ID!, $professionalIds: [ID!], $userIds: [ID!], $role: WorkingGroupRole) {\n    addWorkingGroupMembers(groupId: $groupId, professionalIds: $professionalIds, userIds: $userIds, role: $role) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingPollFields on MeetingPoll {\n    id\n    ownerId\n    ownerName\n    title\n    place\n    videoUrl\n    status\n    meetingId\n    inviteeCount\n    answeredCount\n    createdAt\n    slots {\n      id\n      startsAt\n      endsAt\n      yes\n      ifNeedBe\n      no\n    }\n  }\n"): (typeof documents)["\n  fragment MeetingPollFields on MeetingPoll {\n    id\n    ownerId\n    ownerName\n    title\n    place\n    videoUrl\n    status\n    meetingId\n    inviteeCount\n    answeredCount\n    createdAt\n    slots {\n      id\n      startsAt\n      endsAt\n      yes\n      ifNeedBe\n      no\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingPolls($ownerKind: String!, $ownerId: ID!) {\n    meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) {\n      ...MeetingPollFields\n    }\n  }\n"): (typeof documents)["\n  query MeetingPolls($ownerKind: String!, $ownerId: ID!) {\n    meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) {\n      ...MeetingPollFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingPoll($id: ID!) {\n    meetingPoll(id: $id) {\n      ...MeetingPollFields\n      invitees {\n        id\n        name\n        emailed\n        answeredAt\n        answers {\n          slotId\n          answer\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeetingPoll($id: ID!) {\n    meetingPoll(id: $id) {\n      ...MeetingPollFields\n      invitees {\n        id\n        name\n        emailed\n        answeredAt\n        answers {\n          slotId\n          answer\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMeetingPoll($input: CreateMeetingPollInput!) {\n    createMeetingPoll(input: $input) {\n      ...MeetingPollFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMeetingPoll($input: CreateMeetingPollInput!) {\n    createMeetingPoll(input: $input) {\n      ...MeetingPollFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemindMeetingPoll($id: ID!) {\n    remindMeetingPoll(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemindMeetingPoll($id: ID!) {\n    remindMeetingPoll(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseMeetingPoll($id: ID!, $slotId: ID!) {\n    closeMeetingPoll(id: $id, slotId: $slotId) {\n      id\n      ownerId\n    }\n  }\n"): (typeof documents)["\n  mutation CloseMeetingPoll($id: ID!, $slotId: ID!) {\n    closeMeetingPoll(id: $id, slotId: $slotId) {\n      id\n      ownerId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingPage($id: ID!) {\n    meeting(id: $id) {\n      id\n      ownerKind\n      ownerId\n      ownerName\n      frame\n      title\n      startsAt\n      endsAt\n      place\n      videoUrl\n      status\n      agenda {\n        title\n        durationMinutes\n        presenter\n      }\n      presentCount\n      inviteeCount\n      minutesHtml\n      decisions\n      minutesPublishedAt\n      invitees {\n        id\n        professionalId\n        userId\n        name\n        emailed\n        reply\n        repliedAt\n        attendance\n      }\n      minutesRecipients {\n        name\n        emailed\n        sentAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeetingPage($id: ID!) {\n    meeting(id: $id) {\n      id\n      ownerKind\n      ownerId\n      ownerName\n      frame\n      title\n      startsAt\n      endsAt\n      place\n      videoUrl\n      status\n      agenda {\n        title\n        durationMinutes\n        presenter\n      }\n      presentCount\n      inviteeCount\n      minutesHtml\n      decisions\n      minutesPublishedAt\n      invitees {\n        id\n        professionalId\n        userId\n        name\n        emailed\n        reply\n        repliedAt\n        attendance\n      }\n      minutesRecipients {\n        name\n        emailed\n        sentAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingMinutes($id: ID!) {\n    meeting(id: $id) {\n      id\n      minutesHtml\n      decisions\n      minutesPublishedAt\n    }\n  }\n"): (typeof documents)["\n  query MeetingMinutes($id: ID!) {\n    meeting(id: $id) {\n      id\n      minutesHtml\n      decisions\n      minutesPublishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMeetingAttendance($meetingId: ID!, $entries: [AttendanceInput!]!) {\n    recordMeetingAttendance(meetingId: $meetingId, entries: $entries) {\n      id\n      invitees {\n        id\n        attendance\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordMeetingAttendance($meetingId: ID!, $entries: [AttendanceInput!]!) {\n    recordMeetingAttendance(meetingId: $meetingId, entries: $entries) {\n      id\n      invitees {\n        id\n        attendance\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveMeetingMinutes($meetingId: ID!, $input: MeetingMinutesInput!) {\n    saveMeetingMinutes(meetingId: $meetingId, input: $input) {\n      id\n      minutesHtml\n      decisions\n      minutesPublishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SaveMeetingMinutes($meetingId: ID!, $input: MeetingMinutesInput!) {\n    saveMeetingMinutes(meetingId: $meetingId, input: $input) {\n      id\n      minutesHtml\n      decisions\n      minutesPublishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishMeetingMinutes($meetingId: ID!) {\n    publishMeetingMinutes(meetingId: $meetingId) {\n      id\n      minutesPublishedAt\n      minutesRecipients {\n        name\n        emailed\n        sentAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishMeetingMinutes($meetingId: ID!) {\n    publishMeetingMinutes(meetingId: $meetingId) {\n      id\n      minutesPublishedAt\n      minutesRecipients {\n        name\n        emailed\n        sentAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingDocuments($id: ID!) {\n    meeting(id: $id) {\n      id\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        uploadedByName\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeetingDocuments($id: ID!) {\n    meeting(id: $id) {\n      id\n      documents {\n        id\n        fileName\n        contentType\n        bytes\n        uploadedAt\n        uploadedByName\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMeetingDocument($id: ID!) {\n    deleteMeetingDocument(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteMeetingDocument($id: ID!) {\n    deleteMeetingDocument(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkingGroupFields on WorkingGroup {\n    id\n    name\n    missions\n    theme\n    description\n    status\n    frame {\n      purpose\n      rules\n      confidentiality\n    }\n    memberCount\n    referentCount\n    referentWarning\n  }\n"): (typeof documents)["\n  fragment WorkingGroupFields on WorkingGroup {\n    id\n    name\n    missions\n    theme\n    description\n    status\n    frame {\n      purpose\n      rules\n      confidentiality\n    }\n    memberCount\n    referentCount\n    referentWarning\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkingGroups($status: WorkingGroupStatus) {\n    workingGroups(status: $status) {\n      ...WorkingGroupFields\n    }\n  }\n"): (typeof documents)["\n  query WorkingGroups($status: WorkingGroupStatus) {\n    workingGroups(status: $status) {\n      ...WorkingGroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkingGroup($id: ID!) {\n    workingGroup(id: $id) {\n      ...WorkingGroupFields\n    }\n  }\n"): (typeof documents)["\n  query WorkingGroup($id: ID!) {\n    workingGroup(id: $id) {\n      ...WorkingGroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkingGroupMembers($id: ID!, $includeFormer: Boolean!) {\n    workingGroup(id: $id) {\n      id\n      members(includeFormer: $includeFormer) {\n        id\n        kind\n        name\n        professionalId\n        userId\n        professionCode\n        role\n        joinedAt\n        leftAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkingGroupMembers($id: ID!, $includeFormer: Boolean!) {\n    workingGroup(id: $id) {\n      id\n      members(includeFormer: $includeFormer) {\n        id\n        kind\n        name\n        professionalId\n        userId\n        professionCode\n        role\n        joinedAt\n        leftAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkingGroup($input: WorkingGroupInput!) {\n    createWorkingGroup(input: $input) {\n      ...WorkingGroupFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkingGroup($input: WorkingGroupInput!) {\n    createWorkingGroup(input: $input) {\n      ...WorkingGroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWorkingGroup($id: ID!, $input: WorkingGroupInput!) {\n    updateWorkingGroup(id: $id, input: $input) {\n      ...WorkingGroupFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWorkingGroup($id: ID!, $input: WorkingGroupInput!) {\n    updateWorkingGroup(id: $id, input: $input) {\n      ...WorkingGroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWorkingGroupMemberRole($memberId: ID!, $role: WorkingGroupRole!) {\n    setWorkingGroupMemberRole(memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation SetWorkingGroupMemberRole($memberId: ID!, $role: WorkingGroupRole!) {\n    setWorkingGroupMemberRole(memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWorkingGroupMember($memberId: ID!) {\n    removeWorkingGroupMember(memberId: $memberId) {\n      id\n      leftAt\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveWorkingGroupMember($memberId: ID!) {\n    removeWorkingGroupMember(memberId: $memberId) {\n      id\n      leftAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingFields on Meeting {\n    id\n    title\n    startsAt\n    endsAt\n    place\n    videoUrl\n    status\n    agenda {\n      title\n      durationMinutes\n      presenter\n    }\n    presentCount\n    inviteeCount\n    minutesPublishedAt\n  }\n"): (typeof documents)["\n  fragment MeetingFields on Meeting {\n    id\n    title\n    startsAt\n    endsAt\n    place\n    videoUrl\n    status\n    agenda {\n      title\n      durationMinutes\n      presenter\n    }\n    presentCount\n    inviteeCount\n    minutesPublishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Meetings($ownerKind: String!, $ownerId: ID!) {\n    meetings(ownerKind: $ownerKind, ownerId: $ownerId) {\n      ...MeetingFields\n    }\n  }\n"): (typeof documents)["\n  query Meetings($ownerKind: String!, $ownerId: ID!) {\n    meetings(ownerKind: $ownerKind, ownerId: $ownerId) {\n      ...MeetingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Meeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingFields\n      invitees {\n        id\n        name\n        emailed\n        reply\n        repliedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Meeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingFields\n      invitees {\n        id\n        name\n        emailed\n        reply\n        repliedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $input) {\n      ...MeetingFields\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $input) {\n      ...MeetingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMeeting($id: ID!, $input: MeetingDetailsInput!) {\n    updateMeeting(id: $id, input: $input) {\n      ...MeetingFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMeeting($id: ID!, $input: MeetingDetailsInput!) {\n    updateMeeting(id: $id, input: $input) {\n      ...MeetingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelMeeting($id: ID!) {\n    cancelMeeting(id: $id) {\n      ...MeetingFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelMeeting($id: ID!) {\n    cancelMeeting(id: $id) {\n      ...MeetingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CptsDetail($id: ID!) {\n    cpts(id: $id) {\n      ...CptsOverview\n      slug\n      contactEmail\n      createdAt\n      updatedAt\n      departementCodes\n      communes {\n        inseeCode\n        name\n        population\n        departementCode\n        epciName\n      }\n      region {\n        id\n        name\n        networkName\n      }\n    }\n  }\n"): (typeof documents)["\n  query CptsDetail($id: ID!) {\n    cpts(id: $id) {\n      ...CptsOverview\n      slug\n      contactEmail\n      createdAt\n      updatedAt\n      departementCodes\n      communes {\n        inseeCode\n        name\n        population\n        departementCode\n        epciName\n      }\n      region {\n        id\n        name\n        networkName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteCoordinator($cptsId: ID!, $input: EmailInput!) {\n    inviteCoordinator(cptsId: $cptsId, input: $input) {\n      id\n      email\n      mailState\n    }\n  }\n"): (typeof documents)["\n  mutation InviteCoordinator($cptsId: ID!, $input: EmailInput!) {\n    inviteCoordinator(cptsId: $cptsId, input: $input) {\n      id\n      email\n      mailState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departements {\n    departements {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query Departements {\n    departements {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CptsSlugSuggestion($name: String!) {\n    cptsSlugSuggestion(name: $name)\n  }\n"): (typeof documents)["\n  query CptsSlugSuggestion($name: String!) {\n    cptsSlugSuggestion(name: $name)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCpts($input: CptsInput!) {\n    createCpts(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCpts($input: CptsInput!) {\n    createCpts(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCpts($id: ID!, $input: CptsInput!) {\n    updateCpts(id: $id, input: $input) {\n      id\n      name\n      slug\n      size\n      inhabitants\n      contactEmail\n      communeCodes\n      departementCodes\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCpts($id: ID!, $input: CptsInput!) {\n    updateCpts(id: $id, input: $input) {\n      id\n      name\n      slug\n      size\n      inhabitants\n      contactEmail\n      communeCodes\n      departementCodes\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CptsRegionFigures($id: ID!) {\n    regionOverview(cptsIds: [$id]) {\n      year\n      rows {\n        cptsId\n        current {\n          ...RegionYearFigures\n          participantsByMission {\n            mission\n            count\n          }\n        }\n        previous {\n          ...RegionYearFigures\n          participantsByMission {\n            mission\n            count\n          }\n        }\n        health {\n          level\n          signals {\n            level\n            text\n          }\n        }\n        membershipHistory {\n          year\n          total\n          professions {\n            code\n            label\n            count\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CptsRegionFigures($id: ID!) {\n    regionOverview(cptsIds: [$id]) {\n      year\n      rows {\n        cptsId\n        current {\n          ...RegionYearFigures\n          participantsByMission {\n            mission\n            count\n          }\n        }\n        previous {\n          ...RegionYearFigures\n          participantsByMission {\n            mission\n            count\n          }\n        }\n        health {\n          level\n          signals {\n            level\n            text\n          }\n        }\n        membershipHistory {\n          year\n          total\n          professions {\n            code\n            label\n            count\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionTable($year: Int) {\n    regionOverview(year: $year) {\n      year\n      computedAt\n      rows {\n        cptsId\n        name\n        departementCodes\n        current {\n          ...RegionYearFigures\n        }\n        previous {\n          ...RegionYearFigures\n        }\n        health {\n          level\n          signals {\n            level\n            text\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegionTable($year: Int) {\n    regionOverview(year: $year) {\n      year\n      computedAt\n      rows {\n        cptsId\n        name\n        departementCodes\n        current {\n          ...RegionYearFigures\n        }\n        previous {\n          ...RegionYearFigures\n        }\n        health {\n          level\n          signals {\n            level\n            text\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RegionYearFigures on CptsYearFigures {\n    year\n    professionals\n    members\n    workingGroups\n    meetingsHeld\n    participants\n    actionItemsDone\n    actionItemsOverdue\n    decisionsOpen\n    decisionsClosed\n    decisionsWithoutQuorum\n    mandatesEndingSoon\n    proActifProjects\n    proActifCommittedCents\n    proActifPaidCents\n    mailingsSent\n    clickRate\n    lastActivityAt\n  }\n"): (typeof documents)["\n  fragment RegionYearFigures on CptsYearFigures {\n    year\n    professionals\n    members\n    workingGroups\n    meetingsHeld\n    participants\n    actionItemsDone\n    actionItemsOverdue\n    decisionsOpen\n    decisionsClosed\n    decisionsWithoutQuorum\n    mandatesEndingSoon\n    proActifProjects\n    proActifCommittedCents\n    proActifPaidCents\n    mailingsSent\n    clickRate\n    lastActivityAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowedWorkingGroups($id: ID!) {\n    cpts(id: $id) {\n      id\n      workingGroups {\n        id\n        name\n        missions\n        theme\n        status\n        memberCount\n        referentCount\n        nextMeetingAt\n        meetingsThisYear\n        openActionItems\n        overdueActionItems\n        doneThisQuarter\n      }\n    }\n  }\n"): (typeof documents)["\n  query FollowedWorkingGroups($id: ID!) {\n    cpts(id: $id) {\n      id\n      workingGroups {\n        id\n        name\n        missions\n        theme\n        status\n        memberCount\n        referentCount\n        nextMeetingAt\n        meetingsThisYear\n        openActionItems\n        overdueActionItems\n        doneThisQuarter\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObservatoryTrend($indicator: ObservatoryIndicator!, $departementCode: String) {\n    observatoryTrend(indicator: $indicator, departementCode: $departementCode) {\n      indicator\n      years\n      cpts {\n        cptsId\n        name\n        departementCodes\n        values\n      }\n      departements {\n        code\n        values\n      }\n      total\n      lastTakenAt\n      includesDemo\n    }\n  }\n"): (typeof documents)["\n  query ObservatoryTrend($indicator: ObservatoryIndicator!, $departementCode: String) {\n    observatoryTrend(indicator: $indicator, departementCode: $departementCode) {\n      indicator\n      years\n      cpts {\n        cptsId\n        name\n        departementCodes\n        values\n      }\n      departements {\n        code\n        values\n      }\n      total\n      lastTakenAt\n      includesDemo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TakeRegionSnapshot {\n    takeRegionSnapshot {\n      year\n      count\n      takenAt\n    }\n  }\n"): (typeof documents)["\n  mutation TakeRegionSnapshot {\n    takeRegionSnapshot {\n      year\n      count\n      takenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionCpts {\n    regionCpts {\n      ...CptsOverview\n    }\n  }\n"): (typeof documents)["\n  query RegionCpts {\n    regionCpts {\n      ...CptsOverview\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionTeam {\n    regionTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n      followedCpts {\n        id\n        name\n      }\n    }\n    regionCpts {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query RegionTeam {\n    regionTeam {\n      user {\n        id\n        displayName\n        email\n      }\n      roles\n      followedCpts {\n        id\n        name\n      }\n    }\n    regionCpts {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionInvitations {\n    regionInvitations {\n      ...InvitationRowFields\n    }\n  }\n"): (typeof documents)["\n  query RegionInvitations {\n    regionInvitations {\n      ...InvitationRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToRegion($input: InviteToRegionInput!) {\n    inviteToRegion(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation InviteToRegion($input: InviteToRegionInput!) {\n    inviteToRegion(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRegionInvitation($id: ID!) {\n    revokeRegionInvitation(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeRegionInvitation($id: ID!) {\n    revokeRegionInvitation(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignMissionOfficer($userId: ID!, $cptsIds: [ID!]!) {\n    assignMissionOfficer(userId: $userId, cptsIds: $cptsIds) {\n      user {\n        id\n      }\n      roles\n      followedCpts {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignMissionOfficer($userId: ID!, $cptsIds: [ID!]!) {\n    assignMissionOfficer(userId: $userId, cptsIds: $cptsIds) {\n      user {\n        id\n      }\n      roles\n      followedCpts {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourceContentFields on ResourceContent {\n    kind\n    title\n    intro\n    body\n    objective\n    mission\n    actions\n    questions {\n      type\n      label\n      options\n      required\n    }\n    indicators {\n      label\n      kind\n      unit\n      target\n    }\n  }\n"): (typeof documents)["\n  fragment ResourceContentFields on ResourceContent {\n    kind\n    title\n    intro\n    body\n    objective\n    mission\n    actions\n    questions {\n      type\n      label\n      options\n      required\n    }\n    indicators {\n      label\n      kind\n      unit\n      target\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionResources($search: String, $category: ResourceCategory) {\n    regionResources(search: $search, category: $category) {\n      id\n      title\n      description\n      category\n      currentVersion\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query RegionResources($search: String, $category: ResourceCategory) {\n    regionResources(search: $search, category: $category) {\n      id\n      title\n      description\n      category\n      currentVersion\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionResource($id: ID!) {\n    regionResource(id: $id) {\n      id\n      title\n      description\n      category\n      currentVersion\n      versions {\n        version\n        note\n        publishedAt\n        content {\n          ...ResourceContentFields\n        }\n        files {\n          documentId\n          fileName\n          bytes\n          url\n        }\n      }\n    }\n    resourceUsage(resourceId: $id) {\n      adoptions\n      downloads\n      cpts {\n        cptsId\n        cptsName\n        adoptedVersion\n        adapted\n        adoptedAt\n        downloads\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegionResource($id: ID!) {\n    regionResource(id: $id) {\n      id\n      title\n      description\n      category\n      currentVersion\n      versions {\n        version\n        note\n        publishedAt\n        content {\n          ...ResourceContentFields\n        }\n        files {\n          documentId\n          fileName\n          bytes\n          url\n        }\n      }\n    }\n    resourceUsage(resourceId: $id) {\n      adoptions\n      downloads\n      cpts {\n        cptsId\n        cptsName\n        adoptedVersion\n        adapted\n        adoptedAt\n        downloads\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishResource($input: PublishResourceInput!) {\n    publishResource(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation PublishResource($input: PublishResourceInput!) {\n    publishResource(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishResourceVersion($input: PublishResourceVersionInput!) {\n    publishResourceVersion(input: $input) {\n      id\n      title\n      currentVersion\n    }\n  }\n"): (typeof documents)["\n  mutation PublishResourceVersion($input: PublishResourceVersionInput!) {\n    publishResourceVersion(input: $input) {\n      id\n      title\n      currentVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LibraryResources($search: String, $category: ResourceCategory) {\n    libraryResources(search: $search, category: $category) {\n      id\n      title\n      description\n      category\n      currentVersion\n      updatedAt\n      myAdoptionId\n    }\n  }\n"): (typeof documents)["\n  query LibraryResources($search: String, $category: ResourceCategory) {\n    libraryResources(search: $search, category: $category) {\n      id\n      title\n      description\n      category\n      currentVersion\n      updatedAt\n      myAdoptionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdoptResource($resourceId: ID!) {\n    adoptResource(resourceId: $resourceId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdoptResource($resourceId: ID!) {\n    adoptResource(resourceId: $resourceId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdoptionFields on ResourceAdoption {\n    id\n    resourceId\n    category\n    title\n    adoptedVersion\n    latestVersion\n    updateAvailable\n    adapted\n    adaptedAt\n    adoptedAt\n    content {\n      ...ResourceContentFields\n    }\n    files {\n      documentId\n      fileName\n      bytes\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment AdoptionFields on ResourceAdoption {\n    id\n    resourceId\n    category\n    title\n    adoptedVersion\n    latestVersion\n    updateAvailable\n    adapted\n    adaptedAt\n    adoptedAt\n    content {\n      ...ResourceContentFields\n    }\n    files {\n      documentId\n      fileName\n      bytes\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResourceAdoptions {\n    resourceAdoptions {\n      ...AdoptionFields\n    }\n  }\n"): (typeof documents)["\n  query ResourceAdoptions {\n    resourceAdoptions {\n      ...AdoptionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResourceAdoption($id: ID!) {\n    resourceAdoption(id: $id) {\n      ...AdoptionFields\n    }\n  }\n"): (typeof documents)["\n  query ResourceAdoption($id: ID!) {\n    resourceAdoption(id: $id) {\n      ...AdoptionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResourceUpdateDiff($id: ID!) {\n    resourceUpdateDiff(adoptionId: $id) {\n      fromVersion\n      toVersion\n      note\n      adapted\n      changes {\n        kind\n        label\n        before\n        after\n        lines {\n          kind\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResourceUpdateDiff($id: ID!) {\n    resourceUpdateDiff(adoptionId: $id) {\n      fromVersion\n      toVersion\n      note\n      adapted\n      changes {\n        kind\n        label\n        before\n        after\n        lines {\n          kind\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptResourceAdoption($input: AdaptResourceAdoptionInput!) {\n    adaptResourceAdoption(input: $input) {\n      ...AdoptionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdaptResourceAdoption($input: AdaptResourceAdoptionInput!) {\n    adaptResourceAdoption(input: $input) {\n      ...AdoptionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TakeResourceUpdate($id: ID!) {\n    takeResourceUpdate(adoptionId: $id) {\n      ...AdoptionFields\n    }\n  }\n"): (typeof documents)["\n  mutation TakeResourceUpdate($id: ID!) {\n    takeResourceUpdate(adoptionId: $id) {\n      ...AdoptionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissResourceUpdate($id: ID!) {\n    dismissResourceUpdate(adoptionId: $id) {\n      ...AdoptionFields\n    }\n  }\n"): (typeof documents)["\n  mutation DismissResourceUpdate($id: ID!) {\n    dismissResourceUpdate(adoptionId: $id) {\n      ...AdoptionFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;