import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parisYear } from '@cpts/directory';
import { CallsService, ProjectsService, ProposerLinks } from '@cpts/calls';
import { DecisionLinks } from '@cpts/governance';
import { CampaignLinks } from '@cpts/mailing';
import { MeetingLinks } from '@cpts/meetings';
import { WorkingGroupJoinLinks } from '@cpts/working-groups';
import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { LinkSigner } from '@cpts/platform-mail';
import { PDFParse } from 'pdf-parse';
import { errorCode, GraphQLClient, GraphQLResult, PgBouncer, startPgBouncer, startTenantLoad, TenantLoadReport } from '@cpts/testing';
import { Harness, startHarness } from './harness';
import { SURVEY_CASES, SURVEY_ROUTES } from './surveys-cross-tenant';
import { RESOURCE_CASES, RESOURCE_ROUTES } from './resources-cross-tenant';

/**
 * The tenancy wall, operation by operation and route by route: for every
 * Query and Mutation of the schema and every plain HTTP route of the gateway,
 * a user of CPTS A can neither read nor change CPTS B through it (and
 * region-level people stay within their region or assignments); a public
 * link or page of one CPTS never reaches another's data. A new operation or
 * route fails the enumeration tests until it gets a case here or is declared
 * public with a reason.
 */
const PUBLIC: Record<string, string> = {
  'Mutation.login': 'signs in; touches only the account whose password is given',
  'Mutation.refreshSession': 'acts on the session of the refresh cookie only',
  'Mutation.logout': 'ends the session of the refresh cookie only',
  'Mutation.requestPasswordReset': 'emails the owner of the address; answers the same whether it exists or not',
  'Mutation.resetPassword': 'acts only with the emailed single-use token',
  'Query.invitationPreview': 'reads only the invitation of the emailed token',
  'Mutation.acceptInvitation': 'acts only with the emailed single-use token',
};

interface World {
  h: Harness;
  a: { id: string; communes: string[]; slug: string };
  b: { id: string; communes: string[]; slug: string };
  c: { id: string; communes: string[]; slug: string };
  region1: string;
  region2: string;
  coordA: GraphQLClient;
  staffA: GraphQLClient;
  boardA: GraphQLClient;
  memberA: GraphQLClient;
  coordB: GraphQLClient;
  adminR1: GraphQLClient;
  adminR2: GraphQLClient;
  missionA: GraphQLClient;
  missionAId: string;
  missionR2Id: string;
  platformAdmin: GraphQLClient;
  proB: string;
  invitationB: string;
  staffBEmail: string;
  importB: string;
  /** Memberships of proB: last year active, this year pending. */
  membershipB: string;
  pendingB: string;
  labelB: string;
  /** A draft campaign of B (draftB), and one of B that is sending (a newsletter started this month). */
  draftB: string;
  sendingB: string;
  /** A sent campaign of B, to proB, who did not click, and its one delivery. */
  campaignB: string;
  deliveryB: string;
  /** Signs links as the gateway does (LINK_SECRET of the run): tokens naming any CPTS and delivery. */
  links: CampaignLinks;
  /** A working group of B, and its referent's row (a user of B's team: B's professionals' counts and levels are checked elsewhere). */
  groupB: string;
  groupMemberB: string;
  /** A meeting of B's group, its one invitee (B's staff user), and links signed like the gateway's. */
  meetingB: string;
  meetingInviteeB: string;
  /** A pending request to join B's group (from Bravo), and the group's join links signed like the gateway's. */
  joinRequestB: string;
  joinLinks: WorkingGroupJoinLinks;
  /** A document of B's meeting (a text file naming Bravo). */
  documentB: string;
  meetingLinks: MeetingLinks;
  /** An action item of B's group, for B's staff user. */
  actionB: string;
  /** A scheduling poll of B's group, one of its slots and its one invitee. */
  pollB: string;
  pollSlotB: string;
  pollInviteeB: string;
  /** B's bureau (proB its president) and its CA, with one of the CA's colleges. */
  bureauB: string;
  caB: string;
  collegeB: string;
  mandateB: string;
  /** An open decision of B's bureau (a document attached as a draft) and proB's voter row on it. */
  openDecisionB: string;
  voterB: string;
  openDocumentB: string;
  /** A decision of B closed by its one voter from the link (numbered in B's register), and that voter's row. */
  closedDecisionB: string;
  closedVoterB: string;
  /** A draft decision of B, with a document. */
  draftDecisionB: string;
  draftDocumentB: string;
  /** A spending of B under its staff threshold, awaiting the treasurer's check. */
  spendingB: string;
  /** A meeting of B's bureau and its one invitee (proB). */
  instanceMeetingB: string;
  instanceInviteeB: string;
  /** Vote links signed like the gateway's. */
  decisionLinks: DecisionLinks;
  /** B's governance as B's coordinator reads it after the setup: every governance case ends finding it so. */
  governanceB: unknown;
  /** A's own CA (one college; its one seat held by coordA's person of the directory), a meeting of it and its invitee. */
  caA: string;
  collegeA: string;
  professionalA: string;
  instanceMeetingA: string;
  instanceInviteeA: string;
  /** A's decisions on its CA: a draft, an open one (coordA its one voter), and one closed by coordA's vote. */
  draftDecisionA: string;
  openDecisionA: string;
  closedDecisionA: string;
  /** B's call for projects (published), a project put to B's bureau (its decision open) and one submitted; A's own call. */
  callB: string;
  projectAtBureauB: string;
  projectSubmittedB: string;
  callA: string;
  /** B's calls as B's coordinator reads them after the setup: every calls case ends finding them so. */
  callsB: unknown;
  /** Proposer links signed like the gateway's; a draft of B's call proposed from its public page, and the file its proposer attached. */
  proposerLinks: ProposerLinks;
  draftProjectB: string;
  projectDocumentB: string;
  /** What the public side of the calls may change in B, after the setup. */
  publicCallsB: unknown;
  /** A payment line of B to proB (last year, to pay), and B's indemnity rate (40 EUR an hour). */
  paymentLineB: string;
  /** A project of B's call approved (by a fast path) and in progress: its proposer (a member this year) and the workshop B's coordinator recorded. */
  projectApprovedB: string;
  proposerB: string;
  workshopB: string;
}

const denied = (res: GraphQLResult<unknown>, ...codes: string[]) => {
  expect(res.data === null || Object.values(res.data as object).every((v) => v === null)).toBe(true);
  expect(codes).toContain(errorCode(res));
};

const PRO = `query($id: ID!) { professional(id: $id) { id lastName } }`;
/** B's professional's practice sites, read as B. */
const sitesOfB = async (w: World) =>
  (await w.h.data.inTenant(w.b.id, (db) => db.query(`SELECT id, structure_name, retired_at FROM professional_sites WHERE tenant_id = $1 AND professional_id = $2`, [w.b.id, w.proB])))
    .rows as Array<{ id: string; structure_name: string | null; retired_at: Date | null }>;

const proOfB = async (w: World) => (await w.coordB.ok<{ professional: { lastName: string; archivedAt: string | null } }>(`query($id: ID!) { professional(id: $id) { lastName archivedAt } }`, { id: w.proB })).professional;
const cptsB = async (w: World) => (await w.adminR1.ok<{ cpts: { name: string; slug: string } }>(`query($id: ID!) { cpts(id: $id) { name slug } }`, { id: w.b.id })).cpts;
const consentsOfB = async (w: World) =>
  (await w.coordB.ok<{ professional: { consents: Array<{ purpose: string; status: string | null }> } }>(`query($id: ID!) { professional(id: $id) { consents { purpose status } } }`, { id: w.proB })).professional
    .consents;
const tenantRoles = (w: World) => [w.coordA, w.staffA, w.boardA, w.memberA];
/** The current year in France, as the membership rules count it. */
const Y = parisYear();
const membershipsOfB = async (w: World) =>
  (await w.coordB.ok<{ professional: { memberships: Array<{ id: string; status: string; college: string }> } }>(`query($id: ID!) { professional(id: $id) { memberships { id status college } } }`, { id: w.proB }))
    .professional.memberships;
const campaignOfB = async (w: World, id: string) => (await w.coordB.ok<{ campaign: { subject: string; status: string } }>(`query($id: ID!) { campaign(id: $id) { subject status } }`, { id })).campaign;
const CAMPAIGN_INPUT = (w: World) => ({
  subject: 'Changée par A',
  bodyHtml: '<p>A</p>',
  senderName: 'A',
  audienceType: 'PROFESSIONALS',
  purpose: 'PRO_NEWSLETTER',
  segment: { includeIds: [w.proB] },
});
/** A campaign mutation by id: A's team finds nothing of B's, the other roles are refused, and B's campaign is as it was. */
const campaignCommand = (name: string, target: 'draftB' | 'sendingB' = 'draftB', returnsObject = true) => async (w: World) => {
  const q = `mutation($id: ID!) { ${name}(id: $id)${returnsObject ? ' { id }' : ''} }`;
  for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { id: w[target] }), 'NOT_FOUND');
  for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { id: w[target] }), 'FORBIDDEN');
  expect(await campaignOfB(w, w[target])).toEqual({ subject: 'Lettre de B', status: target === 'draftB' ? 'DRAFT' : 'SENDING' });
};
const GROUP_INPUT = (name: string) => ({ name, missions: ['PREVENTION'], frame: { purpose: 'Objet' } });
/** B's working group as B's coordinator sees it. */
const groupOfB = async (w: World) =>
  (await w.coordB.ok<{ workingGroup: { name: string; members: Array<{ id: string; role: string; leftAt: string | null }> } }>(`query($id: ID!) { workingGroup(id: $id) { name members(includeFormer: true) { id role leftAt } } }`, { id: w.groupB }))
    .workingGroup;
/** A working-group operation on B's group or member: every role of A finds nothing, region people are refused, B's group is as it was. */
const groupCommand = (query: string, vars: (w: World) => Record<string, unknown>) => async (w: World) => {
  for (const client of tenantRoles(w)) denied(await client.request(query, vars(w)), 'NOT_FOUND');
  for (const client of [w.missionA, w.adminR1]) denied(await client.request(query, vars(w)), 'FORBIDDEN');
  expect(await groupOfB(w)).toEqual({ name: 'Groupe B', members: [{ id: w.groupMemberB, role: 'REFERENT', leftAt: null }] });
};
const MEETING_INPUT = () => ({ title: 'Réunion pirate', startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 9 * 86_400_000 + 3_600_000).toISOString(), place: 'Ailleurs' });
/** B's meeting as B's coordinator sees it. */
const meetingOfB = async (w: World) =>
  (await w.coordB.ok<{ meeting: { title: string; status: string; invitees: Array<{ reply: string | null }> } }>(`query($id: ID!) { meeting(id: $id) { title status invitees { reply } } }`, { id: w.meetingB })).meeting;
/** A meeting operation on B's meeting or group: every role of A finds nothing, region people are refused, B's meeting is as it was. */
const meetingCommand = (query: string, vars: (w: World) => Record<string, unknown>) => async (w: World) => {
  for (const client of tenantRoles(w)) denied(await client.request(query, vars(w)), 'NOT_FOUND');
  for (const client of [w.missionA, w.adminR1]) denied(await client.request(query, vars(w)), 'FORBIDDEN');
  expect(await meetingOfB(w)).toEqual({ title: 'Réunion de B', status: 'SCHEDULED', invitees: [{ reply: null }] });
};
/** B's poll as B's coordinator sees it. */
const pollOfB = async (w: World) =>
  (await w.coordB.ok<{ meetingPoll: { status: string; answeredCount: number } }>(`query($id: ID!) { meetingPoll(id: $id) { status answeredCount } }`, { id: w.pollB })).meetingPoll;
/** A poll operation on B's poll or group: every role of A finds nothing, region people are refused, B's poll is as it was. */
const pollCommand = (query: string, vars: (w: World) => Record<string, unknown>) => async (w: World) => {
  for (const client of tenantRoles(w)) denied(await client.request(query, vars(w)), 'NOT_FOUND');
  for (const client of [w.missionA, w.adminR1]) denied(await client.request(query, vars(w)), 'FORBIDDEN');
  expect(await pollOfB(w)).toEqual({ status: 'OPEN', answeredCount: 0 });
};
const SLOTS = () => [{ startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 10 * 86_400_000 + 3_600_000).toISOString() }];
/** A poll link signed for CPTS A naming B's poll invitee. */
const crossedPoll = (w: World) => w.meetingLinks.pollToken({ tenantId: w.a.id, inviteeId: w.pollInviteeB });
/** A meeting link signed for CPTS A naming B's invitee: it must reach nothing. */
const crossedMeeting = (w: World) => w.meetingLinks.token({ tenantId: w.a.id, inviteeId: w.meetingInviteeB });
const CPTS_INPUT = (w: World, name: string) => ({ name, size: 1, departementCodes: ['86'], communeCodes: [w.b.communes[0]], contactEmail: 'x@exemple.fr' });
/** B's governance as B's coordinator reads it: instances, colleges and mandates, decisions with their voters, comments, file and audit trail, spending, thresholds, the bureau's meeting. */
const GOVERNANCE_OF_B = `query($m: ID!) {
  governanceInstances { id name seats statutes { quorumShare proxiesPerHolder } colleges { id name seats } mandates(all: true) { id professionalId office collegeId startsOn endsOn endedOn } }
  decisions { id instanceId status title votedCount outcome registerNumber publishedAt reopenedById voters { id choice conflict proxyToId } comments { id } documents { id } audit { seq } }
  spendingRequests { id check checkNote route decisionId }
  delegationSettings { staffLimitCents bureauLimitCents }
  meeting(id: $m) { title status invitees { id reply attendance } minutesApproval { approvedAt } sessionDecisions { id } }
  meetingQuorum(meetingId: $m) { present represented proxies { giverId holderId } }
}`;
const governanceOfB = (w: World) => w.coordB.ok(GOVERNANCE_OF_B, { m: w.instanceMeetingB });
/** The roles of A a governance operation is for (its @Allow in governance.resolver.ts): they find nothing of B's; the others are refused first. */
const GOVERNANCE_ROLES = {
  coordinator: ['coordA'],
  team: ['coordA', 'staffA'],
  checkers: ['coordA', 'boardA'],
  readers: ['coordA', 'staffA', 'boardA'],
  all: ['coordA', 'staffA', 'boardA', 'memberA'],
} as const;
/** A governance operation on B's ids: A's roles it is for find nothing, its other roles and region people are refused, B's governance is as it was. */
const governanceCommand =
  (query: string, vars: (w: World) => Record<string, unknown>, allowed: keyof typeof GOVERNANCE_ROLES = 'all') =>
  async (w: World) => {
    for (const role of ['coordA', 'staffA', 'boardA', 'memberA'] as const) {
      denied(await w[role].request(query, vars(w)), (GOVERNANCE_ROLES[allowed] as readonly string[]).includes(role) ? 'NOT_FOUND' : 'FORBIDDEN');
    }
    for (const client of [w.missionA, w.adminR1]) denied(await client.request(query, vars(w)), 'FORBIDDEN');
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  };
/** A list of the CPTS's governance: A's roles it is for see none of B's ids, the others and region people are refused. */
const governanceList = <T>(query: string, ids: (data: T) => string[], ofB: (w: World) => string[], allowed: keyof typeof GOVERNANCE_ROLES) => async (w: World) => {
  for (const role of ['coordA', 'staffA', 'boardA', 'memberA'] as const) {
    if ((GOVERNANCE_ROLES[allowed] as readonly string[]).includes(role)) {
      const seen = ids(await w[role].ok<T>(query));
      expect(seen.filter((id) => ofB(w).includes(id))).toEqual([]);
    } else denied(await w[role].request(query), 'FORBIDDEN');
  }
  for (const client of [w.missionA, w.adminR1]) denied(await client.request(query), 'FORBIDDEN');
};
/** A meeting operation on B's group's meeting, then on B's bureau's meeting (the owner governance adds): the same wall for both. */
const onBothMeetings = (query: string, vars: (meetingId: string, inviteeId: string) => Record<string, unknown>) => async (w: World) => {
  await meetingCommand(query, (x) => vars(x.meetingB, x.meetingInviteeB))(w);
  await governanceCommand(query, (x) => vars(x.instanceMeetingB, x.instanceInviteeB))(w);
};
const decisionsOfB = (w: World) => [w.openDecisionB, w.closedDecisionB, w.draftDecisionB];
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const DECISION_INPUT = (instanceId: string, title: string) => ({ instanceId, title, question: `${title} ?`, deadline: inDays(3) });
const MANDATE_INPUT = (professionalId: string, collegeId: string | null = null) => ({ professionalId, office: 'MEMBER', collegeId, startsOn: '2025-01-01', obtained: 'ELECTED' });
const STATUTES_INPUT = { quorumShare: 0, majority: 'SIMPLE', abstentionsCountAsCast: false, proxiesPerHolder: 3, noticeDays: 0, perCollege: false };
/** The voter rows of a decision, read in its CPTS's tenant (the voters' links are signed for these ids). */
const voterIdsOf = async (w: World, tenantId: string, decisionId: string) =>
  (await w.h.data.inTenant(tenantId, (db) => db.query(`SELECT id FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2 ORDER BY id`, [tenantId, decisionId]))).rows.map(
    (r: { id: string }) => r.id,
  );

/** B's calls and projects as B's coordinator reads them. */
const CALLS_OF_B = `query($c: ID!) {
  calls { id slug title envelopeCents publishedAt projectCount envelope { committedCents pendingCents } envelopeRaises { id } }
  callProjects(callId: $c) { id status title summary events { toStatus note } comments { id body } scores { weighted lines { average } } decision { id status }
    workshops { id participants meetingId paymentLines { id status } } paymentLines { id status } criteria { actual } debriefedAt }
  callSummary(callId: $c) { projectCount workshopCount participants envelope { committedCents paidCents } }
}`;
const callsOfB = (w: World) => w.coordB.ok(CALLS_OF_B, { c: w.callB });
/** A Paris day `days` from today, as a date input gives it. */
const parisDayIn = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * 86_400_000));
/** A call open today, whatever the day the suite runs. */
const CALL_INPUT = (slug: string) => ({
  year: Number(parisDayIn(30).slice(0, 4)),
  slug,
  title: 'Pro Actif Pirate',
  rules: 'Règles',
  opensOn: parisDayIn(-10),
  closesOn: parisDayIn(30),
  envelopeCents: 100_000,
  missions: ['PREVENTION'],
  hourlyRateCents: 5_000,
  rubric: [{ label: 'Intérêt', weight: 1 }],
});
/** A calls operation on B's ids: A's roles it is for find nothing, its other roles and region people are refused, B's calls are as they were. */
const callsCommand =
  (query: string, vars: (w: World) => Record<string, unknown>, allowed: 'team' | 'readers') =>
  async (w: World) => {
    for (const role of ['coordA', 'staffA', 'boardA', 'memberA'] as const) {
      denied(await w[role].request(query, vars(w)), (GOVERNANCE_ROLES[allowed] as readonly string[]).includes(role) ? 'NOT_FOUND' : 'FORBIDDEN');
    }
    for (const client of [w.missionA, w.adminR1]) denied(await client.request(query, vars(w)), 'FORBIDDEN');
    expect(await callsOfB(w)).toEqual(w.callsB);
  };
const projectsOfB = (w: World) => [w.projectAtBureauB, w.projectSubmittedB];
/** Today in France (YYYY-MM-DD). */
const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** B's payments as B's coordinator reads them: its one line (to pay) and its rate; every payments case ends finding them so. */
const paymentsOfB = (w: World) =>
  w.coordB.ok(`query($y: Int!) { paymentLines(filter: { year: $y }) { id status amountCents paidReference } paymentSettings { indemnityHourlyRateCents } }`, { y: Y - 1 });
const PAYMENTS_OF_B = (w: World) => ({
  paymentLines: [{ id: w.paymentLineB, status: 'TO_PAY', amountCents: 12_345, paidReference: null }],
  paymentSettings: { indemnityHourlyRateCents: 4_000 },
});
/** A payments operation on B's ids: A's team finds nothing, A's board (no treasurer here), members and region people are refused, B's payments are as they were. */
const paymentCommand = (query: string, vars: (w: World) => Record<string, unknown>) => async (w: World) => {
  for (const client of [w.coordA, w.staffA]) denied(await client.request(query, vars(w)), 'NOT_FOUND');
  for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(query, vars(w)), 'FORBIDDEN');
  expect(await paymentsOfB(w)).toEqual(PAYMENTS_OF_B(w));
};
/** The PASS table is national: the platform admin's alone, no CPTS role nor region person reads or writes it. */
const passCommand = (query: string, vars: Record<string, unknown> = {}) => async (w: World) => {
  for (const client of [...tenantRoles(w), w.missionA, w.adminR1]) denied(await client.request(query, vars), 'FORBIDDEN');
  expect(errorCode(await w.platformAdmin.request(query, vars))).toBeUndefined();
};

/** B's fiche action (made once by B's coordinator: an indicator, B's group linked, a text and a file as evidence), for the evaluation cases. */
let ficheOfB: Promise<{ id: string; indicatorId: string; textId: string; fileId: string }> | undefined;
const FICHE_B = `query($id: ID!) { fiche(id: $id) { title status indicators { id actual target assessment } sources { kind id } reviewMeetings { id } } }`;
const evaluationOfB = (w: World) =>
  (ficheOfB ??= (async () => {
    const { createFiche } = await w.coordB.ok<{ createFiche: { id: string; indicators: Array<{ id: string }> } }>(
      `mutation($i: FicheInput!) { createFiche(input: $i) { id indicators { id } } }`,
      { i: { year: Y, title: 'Fiche Bravo', objective: 'Objectif Bravo', indicators: [{ label: 'Indicateur Bravo', kind: 'QUANTITATIVE', target: 3, actual: 1 }] } },
    );
    await w.coordB.ok(`mutation($f: ID!, $s: ID!) { linkFicheSource(ficheId: $f, kind: WORKING_GROUP, sourceId: $s) { id } }`, { f: createFiche.id, s: w.groupB });
    await w.coordB.ok(`mutation($i: FicheEvidenceTextInput!) { addFicheEvidence(input: $i) { id } }`, { i: { ficheId: createFiche.id, title: 'Preuve Bravo', datedOn: `${Y}-03-01` } });
    const file = await get(w, w.coordB, `/api/evaluation/fiches/${createFiche.id}/evidence`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'preuve-bravo.txt' },
      body: 'Preuve de Bravo',
    });
    expect(file.status).toBe(201);
    const { ficheEvidence } = await w.coordB.ok<{ ficheEvidence: Array<{ id: string; kind: string }> }>(`query($f: ID!) { ficheEvidence(ficheId: $f) { id kind } }`, { f: createFiche.id });
    return {
      id: createFiche.id,
      indicatorId: createFiche.indicators[0].id,
      textId: ficheEvidence.find((e) => e.kind === 'text')!.id,
      fileId: ficheEvidence.find((e) => e.kind === 'file')!.id,
    };
  })());
/** What B's coordinator sees of B's fiche and its evidence: nothing A does may change it. */
const ficheStateOfB = async (w: World) => {
  const f = await evaluationOfB(w);
  const { fiche } = await w.coordB.ok<{ fiche: unknown }>(FICHE_B, { id: f.id });
  const { ficheEvidence } = await w.coordB.ok<{ ficheEvidence: unknown }>(`query($f: ID!) { ficheEvidence(ficheId: $f) { id kind title } }`, { f: f.id });
  return { fiche, ficheEvidence };
};
type FicheB = Awaited<ReturnType<typeof evaluationOfB>>;
/** An evaluation operation on B's fiche: A's team and board find nothing, A's member, the officer and the region admin are refused; B's fiche unchanged. */
const evaluationCommand = (query: string, vars: (w: World, f: FicheB) => Record<string, unknown>, readers = false) => async (w: World) => {
  const f = await evaluationOfB(w);
  const before = await ficheStateOfB(w);
  for (const client of [w.coordA, w.staffA]) denied(await client.request(query, vars(w, f)), 'NOT_FOUND');
  denied(await w.boardA.request(query, vars(w, f)), ...(readers ? ['NOT_FOUND'] : ['FORBIDDEN']));
  for (const client of [w.memberA, w.missionA, w.adminR1]) denied(await client.request(query, vars(w, f)), 'FORBIDDEN');
  expect(await ficheStateOfB(w)).toEqual(before);
};
/** A year-wide evaluation read: A's readers get A's own (never B's fiche), the others are refused. */
const evaluationYearRead = (query: string, ids: (data: unknown) => string[], readers: Array<keyof World>) => async (w: World) => {
  const f = await evaluationOfB(w);
  for (const role of readers) expect(ids(await (w[role] as GraphQLClient).ok(query, { y: Y }))).not.toContain(f.id);
  for (const client of [w.coordA, w.staffA, w.boardA, w.memberA, w.missionA, w.adminR1].filter((c) => !readers.some((r) => w[r] === c)))
    denied(await client.request(query, { y: Y }), 'FORBIDDEN');
  // B's coordinator does see B's fiche (so the check is not vacuous).
  expect(ids(await w.coordB.ok(query, { y: Y }))).toContain(f.id);
};
const FICHE_INPUT_A = { year: Y, title: 'Fiche Alpha', indicators: [] };
const EVALUATION_CASES: Record<string, (w: World) => Promise<void>> = {
  'Query.fiches': evaluationYearRead(`query($y: Int!) { fiches(year: $y) { id } }`, (d) => (d as { fiches: Array<{ id: string }> }).fiches.map((x) => x.id), ['coordA', 'staffA', 'boardA']),
  'Query.evaluationFile': evaluationYearRead(
    `query($y: Int!) { evaluationFile(year: $y) { perFiche { id } } }`,
    (d) => (d as { evaluationFile: { perFiche: Array<{ id: string }> } }).evaluationFile.perFiche.map((x) => x.id),
    ['coordA', 'staffA', 'boardA'],
  ),
  'Query.ficheSourceChoices': async (w) => {
    const q = `query($y: Int!) { ficheSourceChoices(year: $y) { id } }`;
    for (const client of [w.coordA, w.staffA]) {
      const ids = (await client.ok<{ ficheSourceChoices: Array<{ id: string }> }>(q, { y: Y })).ficheSourceChoices.map((c) => c.id);
      expect([ids.includes(w.groupB), ids.includes(w.b.id), ids.includes(w.a.id)]).toEqual([false, false, true]);
    }
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { y: Y }), 'FORBIDDEN');
    expect((await w.coordB.ok<{ ficheSourceChoices: Array<{ id: string }> }>(q, { y: Y })).ficheSourceChoices.map((c) => c.id)).toContain(w.groupB);
  },
  'Query.fiche': evaluationCommand(FICHE_B, (_w, f) => ({ id: f.id }), true),
  'Query.ficheEvidence': evaluationCommand(`query($f: ID!) { ficheEvidence(ficheId: $f) { id title } }`, (_w, f) => ({ f: f.id }), true),
  'Mutation.updateFiche': evaluationCommand(`mutation($id: ID!, $i: FicheInput!) { updateFiche(id: $id, input: $i) { id } }`, (_w, f) => ({ id: f.id, i: FICHE_INPUT_A })),
  'Mutation.deleteFiche': evaluationCommand(`mutation($id: ID!) { deleteFiche(id: $id) }`, (_w, f) => ({ id: f.id })),
  'Mutation.setFicheIndicators': evaluationCommand(`mutation($f: ID!) { setFicheIndicators(ficheId: $f, indicators: []) { id } }`, (_w, f) => ({ f: f.id })),
  'Mutation.setIndicatorResult': evaluationCommand(`mutation($i: ID!) { setIndicatorResult(indicatorId: $i, actual: 99) { id } }`, (_w, f) => ({ i: f.indicatorId })),
  'Mutation.linkFicheSource': async (w) => {
    const q = `mutation($f: ID!, $s: ID!) { linkFicheSource(ficheId: $f, kind: WORKING_GROUP, sourceId: $s) { id } }`;
    await evaluationCommand(q, (x, f) => ({ f: f.id, s: x.groupB }))(w);
    // Nor does A's own fiche link B's group.
    const { createFiche } = await w.coordA.ok<{ createFiche: { id: string } }>(`mutation($i: FicheInput!) { createFiche(input: $i) { id } }`, { i: FICHE_INPUT_A });
    denied(await w.coordA.request(q, { f: createFiche.id, s: w.groupB }), 'NOT_FOUND');
  },
  'Mutation.unlinkFicheSource': evaluationCommand(`mutation($f: ID!, $s: ID!) { unlinkFicheSource(ficheId: $f, kind: WORKING_GROUP, sourceId: $s) { id } }`, (w, f) => ({ f: f.id, s: w.groupB })),
  'Mutation.addFicheEvidence': evaluationCommand(`mutation($i: FicheEvidenceTextInput!) { addFicheEvidence(input: $i) { id } }`, (_w, f) => ({ i: { ficheId: f.id, title: 'Pirate', datedOn: `${Y}-01-02` } })),
  'Mutation.removeFicheEvidence': evaluationCommand(`mutation($id: ID!) { removeFicheEvidence(id: $id) { id } }`, (_w, f) => ({ id: f.textId })),
  'Mutation.planFicheReview': evaluationCommand(
    `mutation($i: PlanFicheReviewInput!) { planFicheReview(input: $i) { id } }`,
    (w, f) => ({ i: { ficheIds: [f.id], title: 'Revue pirate', startsAt: inDays(9), endsAt: new Date(Date.now() + 9 * 86_400_000 + 3_600_000).toISOString(), place: 'Ailleurs', professionalIds: [w.proB] } }),
  ),
  'Mutation.createFicheFromTemplate': async (w) => {
    // B's adopted copy of a regional template: A's team finds no such adoption, the other roles are refused, nothing is made.
    const adoptionB = randomUUID();
    const regionB = (await w.h.data.pool.query(`SELECT region_id FROM tenants WHERE id = $1`, [w.b.id])).rows[0].region_id;
    const content = { kind: 'fiche_action', title: 'Modèle Bravo', objective: 'Bravo', mission: 'prevention', actions: [], indicators: [] };
    await w.h.data.inTenant(w.b.id, (db) =>
      db.query(
        `INSERT INTO resource_adoptions (tenant_id, id, region_id, resource_id, category, adopted_version, title, content) VALUES ($1, $2, $3, gen_random_uuid(), 'fiche_action_template', 1, 'Modèle Bravo', $4)`,
        [w.b.id, adoptionB, regionB, JSON.stringify(content)],
      ),
    );
    const q = `mutation($a: ID!, $y: Int!) { createFicheFromTemplate(adoptionId: $a, year: $y) { id title } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { a: adoptionB, y: Y }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { a: adoptionB, y: Y }), 'FORBIDDEN');
    const titles = async (c: GraphQLClient) => (await c.ok<{ fiches: Array<{ title: string }> }>(`query($y: Int!) { fiches(year: $y) { title } }`, { y: Y })).fiches.map((f) => f.title);
    expect(await titles(w.coordA)).not.toContain('Modèle Bravo');
    expect(await titles(w.coordB)).not.toContain('Modèle Bravo');
  },
  'Mutation.createFiche': async (w) => {
    const q = `mutation($i: FicheInput!) { createFiche(input: $i) { id } }`;
    const before = await ficheStateOfB(w);
    // A's coordinator writes in A, and cannot name B's professional as responsible.
    await w.coordA.ok(q, { i: FICHE_INPUT_A });
    denied(await w.coordA.request(q, { i: { ...FICHE_INPUT_A, responsibleProfessionalId: w.proB } }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { i: FICHE_INPUT_A }), 'FORBIDDEN');
    expect(await ficheStateOfB(w)).toEqual(before);
  },
};
/** The year's file as a route: A's readers get A's (no Bravo in it), the other roles are refused, B's coordinator gets B's. */
const evaluationFileRoute = (ext: 'pdf' | 'xlsx') => async (w: World) => {
  await evaluationOfB(w);
  const url = `/api/evaluation/${Y}/dossier.${ext}`;
  const text = async (res: Response) =>
    ext === 'pdf' ? (await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText()).text : await readable(res);
  for (const client of [w.coordA, w.staffA, w.boardA]) {
    const res = await get(w, client, url);
    expect(res.status).toBe(200);
    expect(await text(res)).not.toContain('Bravo');
  }
  for (const client of [w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await get(w, client, url), [403]);
  await refusedWithNothingOfB(await get(w, null, url), [401]);
  const own = await get(w, w.coordB, url);
  expect([own.status, (await text(own)).includes('Fiche Bravo')]).toEqual([200, true]);
};
const EVALUATION_ROUTES: Record<string, (w: World) => Promise<void>> = {
  'GET /api/evaluation/:year/dossier.pdf': evaluationFileRoute('pdf'),
  'GET /api/evaluation/:year/dossier.xlsx': evaluationFileRoute('xlsx'),
  'POST /api/evaluation/fiches/:id/evidence': async (w) => {
    const f = await evaluationOfB(w);
    const before = await ficheStateOfB(w);
    const upload = (client: GraphQLClient | null) =>
      get(w, client, `/api/evaluation/fiches/${f.id}/evidence`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'pirate.txt' }, body: 'Pirate' });
    for (const client of [w.coordA, w.staffA]) await refusedWithNothingOfB(await upload(client), [404]);
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await upload(client), [403]);
    await refusedWithNothingOfB(await upload(null), [401]);
    expect(await ficheStateOfB(w)).toEqual(before);
  },
  'GET /api/evaluation/evidence/:id': async (w) => {
    const f = await evaluationOfB(w);
    const url = `/api/evaluation/evidence/${f.fileId}`;
    for (const client of [w.coordA, w.staffA, w.boardA]) await refusedWithNothingOfB(await get(w, client, url), [404]);
    for (const client of [w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await get(w, client, url), [403]);
    await refusedWithNothingOfB(await get(w, null, url), [401]);
    const own = await get(w, w.coordB, url);
    expect([own.status, await own.text()]).toEqual([200, 'Preuve de Bravo']);
  },
};

const CASES: Record<string, (w: World) => Promise<void>> = {
  'Query.workingGroups': async (w) => {
    for (const client of tenantRoles(w)) {
      const { workingGroups } = await client.ok<{ workingGroups: Array<{ id: string }> }>(`{ workingGroups { id } }`);
      expect(workingGroups.map((g) => g.id)).not.toContain(w.groupB);
    }
    for (const client of [w.missionA, w.adminR1]) denied(await client.request(`{ workingGroups { id } }`), 'FORBIDDEN');
  },
  'Query.workingGroup': groupCommand(`query($id: ID!) { workingGroup(id: $id) { id name } }`, (w) => ({ id: w.groupB })),
  'Mutation.createWorkingGroup': async (w) => {
    // The same name in A is another group; B's list does not change; only a CPTS team creates.
    await w.coordA.ok(`mutation($i: WorkingGroupInput!) { createWorkingGroup(input: $i) { id } }`, { i: GROUP_INPUT('Groupe B') });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) {
      denied(await client.request(`mutation($i: WorkingGroupInput!) { createWorkingGroup(input: $i) { id } }`, { i: GROUP_INPUT('Pirate') }), 'FORBIDDEN');
    }
    const { workingGroups } = await w.coordB.ok<{ workingGroups: Array<{ id: string }> }>(`{ workingGroups { id } }`);
    expect(workingGroups.map((g) => g.id)).toEqual([w.groupB]);
  },
  'Mutation.updateWorkingGroup': groupCommand(`mutation($id: ID!, $i: WorkingGroupInput!) { updateWorkingGroup(id: $id, input: $i) { id } }`, (w) => ({ id: w.groupB, i: GROUP_INPUT('Pirate') })),
  'Mutation.addWorkingGroupMembers': async (w) => {
    await groupCommand(`mutation($g: ID!, $p: [ID!]) { addWorkingGroupMembers(groupId: $g, professionalIds: $p) { id } }`, (x) => ({ g: x.groupB, p: [x.proB] }))(w);
    // B's professional cannot be pulled into A's own group either.
    const { createWorkingGroup } = await w.coordA.ok<{ createWorkingGroup: { id: string } }>(`mutation($i: WorkingGroupInput!) { createWorkingGroup(input: $i) { id } }`, { i: GROUP_INPUT('Groupe A') });
    const res = await w.coordA.request(`mutation($g: ID!, $p: [ID!]) { addWorkingGroupMembers(groupId: $g, professionalIds: $p) { id } }`, { g: createWorkingGroup.id, p: [w.proB] });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect((await proOfB(w)).lastName).toBe('Bravo');
  },
  'Query.meetings': async (w) => {
    await meetingCommand(`query($o: ID!) { meetings(ownerKind: "working_group", ownerId: $o) { id } }`, (w) => ({ o: w.groupB }))(w);
    await governanceCommand(`query($o: ID!) { meetings(ownerKind: "governance_instance", ownerId: $o) { id } }`, (w) => ({ o: w.bureauB }))(w);
  },
  'Query.meeting': async (w) => {
    await meetingCommand(`query($id: ID!) { meeting(id: $id) { id title } }`, (w) => ({ id: w.meetingB }))(w);
    await governanceCommand(`query($id: ID!) { meeting(id: $id) { id title sessionDecisions { id } minutesApproval { approvedAt } } }`, (w) => ({ id: w.instanceMeetingB }))(w);
  },
  'Mutation.scheduleMeeting': async (w) => {
    const q = `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`;
    await meetingCommand(q, (w) => ({ i: { ownerKind: 'working_group', ownerId: w.groupB, ...MEETING_INPUT() } }))(w);
    // B's bureau convened by A: its team finds no such instance, its board and members do not convene instances.
    await governanceCommand(q, (w) => ({ i: { ownerKind: 'governance_instance', ownerId: w.bureauB, ...MEETING_INPUT() } }), 'team')(w);
  },
  'Mutation.updateMeeting': onBothMeetings(`mutation($id: ID!, $i: MeetingDetailsInput!) { updateMeeting(id: $id, input: $i) { id } }`, (m) => ({ id: m, i: MEETING_INPUT() })),
  // At a meeting of B's bureau, attendance would make its quorum: the same wall.
  'Mutation.recordMeetingAttendance': onBothMeetings(`mutation($m: ID!, $e: [AttendanceInput!]!) { recordMeetingAttendance(meetingId: $m, entries: $e) { id } }`, (m, invitee) => ({
    m,
    e: [{ inviteeId: invitee, attendance: 'PRESENT' }],
  })),
  'Mutation.saveMeetingMinutes': onBothMeetings(`mutation($m: ID!) { saveMeetingMinutes(meetingId: $m, input: { html: "<p>Pirate</p>" }) { id } }`, (m) => ({ m })),
  'Mutation.publishMeetingMinutes': onBothMeetings(`mutation($m: ID!) { publishMeetingMinutes(meetingId: $m) { id } }`, (m) => ({ m })),
  'Mutation.deleteMeetingDocument': async (w) => {
    await meetingCommand(`mutation($id: ID!) { deleteMeetingDocument(id: $id) }`, (w) => ({ id: w.documentB }))(w);
    expect(await documentsOfB(w)).toEqual([w.documentB]);
  },
  'Mutation.cancelMeeting': onBothMeetings(`mutation($id: ID!) { cancelMeeting(id: $id) { id } }`, (id) => ({ id })),
  'Query.actionItems': async (w) => {
    for (const client of tenantRoles(w)) {
      const { actionItems } = await client.ok<{ actionItems: Array<{ id: string }> }>(`{ actionItems { id } }`);
      expect(actionItems.map((a) => a.id)).not.toContain(w.actionB);
    }
    for (const client of [w.missionA, w.adminR1]) denied(await client.request(`{ actionItems { id } }`), 'FORBIDDEN');
  },
  // The group is B's: refused before the person is even looked at.
  'Mutation.createActionItem': meetingCommand(`mutation($i: ActionItemInput!) { createActionItem(input: $i) { id } }`, (w) => ({
    i: { ownerKind: 'working_group', ownerId: w.groupB, title: 'Pirate', professionalId: w.proB, dueOn: '2031-01-01' },
  })),
  'Mutation.setActionItemStatus': async (w) => {
    for (const client of tenantRoles(w)) denied(await client.request(`mutation($id: ID!) { setActionItemStatus(id: $id, status: DONE) { id } }`, { id: w.actionB }), 'NOT_FOUND');
    for (const client of [w.missionA, w.adminR1]) denied(await client.request(`mutation($id: ID!) { setActionItemStatus(id: $id, status: DONE) { id } }`, { id: w.actionB }), 'FORBIDDEN');
    expect((await w.coordB.ok<{ actionItems: Array<{ id: string; status: string }> }>(`{ actionItems { id status } }`)).actionItems).toEqual([{ id: w.actionB, status: 'OPEN' }]);
  },
  'Query.meetingParticipation': async (w) => {
    const q = `query($y: Int!) { meetingParticipation(year: $y) { perMeeting { meetingId } } }`;
    for (const client of [w.coordA, w.staffA, w.boardA]) {
      const { meetingParticipation } = await client.ok<{ meetingParticipation: { perMeeting: Array<{ meetingId: string }> } }>(q, { y: Y });
      expect(meetingParticipation.perMeeting.map((m) => m.meetingId)).not.toContain(w.meetingB);
    }
    for (const client of [w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { y: Y }), 'FORBIDDEN');
  },
  'Query.meetingPolls': async (w) => {
    await pollCommand(`query($o: ID!) { meetingPolls(ownerKind: "working_group", ownerId: $o) { id } }`, (w) => ({ o: w.groupB }))(w);
    await governanceCommand(`query($o: ID!) { meetingPolls(ownerKind: "governance_instance", ownerId: $o) { id } }`, (w) => ({ o: w.bureauB }))(w);
  },
  'Query.meetingPoll': pollCommand(`query($id: ID!) { meetingPoll(id: $id) { id title } }`, (w) => ({ id: w.pollB })),
  'Mutation.createMeetingPoll': async (w) => {
    const q = `mutation($i: CreateMeetingPollInput!) { createMeetingPoll(input: $i) { id } }`;
    const poll = (ownerKind: string, ownerId: string) => ({ i: { ownerKind, ownerId, title: 'Sondage pirate', place: 'Ailleurs', slots: SLOTS() } });
    await pollCommand(q, (w) => poll('working_group', w.groupB))(w);
    await governanceCommand(q, (w) => poll('governance_instance', w.bureauB), 'team')(w);
  },
  'Mutation.remindMeetingPoll': pollCommand(`mutation($id: ID!) { remindMeetingPoll(id: $id) }`, (w) => ({ id: w.pollB })),
  'Mutation.closeMeetingPoll': pollCommand(`mutation($id: ID!, $s: ID!) { closeMeetingPoll(id: $id, slotId: $s) { id } }`, (w) => ({ id: w.pollB, s: w.pollSlotB })),
  'Mutation.setWorkingGroupMemberRole': groupCommand(`mutation($m: ID!) { setWorkingGroupMemberRole(memberId: $m, role: MEMBER) { id } }`, (w) => ({ m: w.groupMemberB })),
  'Mutation.acceptWorkingGroupJoinRequest': async (w) => {
    await groupCommand(`mutation($id: ID!) { acceptWorkingGroupJoinRequest(id: $id) { id } }`, (w) => ({ id: w.joinRequestB }))(w);
    expect(await joinRequestsOfB(w)).toEqual([w.joinRequestB]);
  },
  'Mutation.declineWorkingGroupJoinRequest': async (w) => {
    await groupCommand(`mutation($id: ID!) { declineWorkingGroupJoinRequest(id: $id) { id } }`, (w) => ({ id: w.joinRequestB }))(w);
    expect(await joinRequestsOfB(w)).toEqual([w.joinRequestB]);
  },
  'Mutation.removeWorkingGroupMember': groupCommand(`mutation($m: ID!) { removeWorkingGroupMember(memberId: $m) { id } }`, (w) => ({ m: w.groupMemberB })),
  'Query.me': async (w) => {
    const { me } = await w.coordA.ok<{ me: { memberships: Array<{ cpts: { id: string } }> } }>(`{ me { memberships { cpts { id } } } }`);
    expect(me.memberships.map((m) => m.cpts.id)).toEqual([w.a.id]);
  },
  'Query.professions': async (w) => {
    const q = `{ professions { code label } }`;
    expect(await w.coordA.ok(q)).toEqual(await w.coordB.ok(q)); // shared reference data, nothing per CPTS
  },
  'Query.departements': async (w) => {
    const q = `{ departements { code name } }`;
    expect(await w.coordA.ok(q)).toEqual(await w.coordB.ok(q));
  },
  'Query.communes': async (w) => {
    const q = `{ communes(filter: { departementCodes: ["86"], first: 50 }) { inseeCode } }`;
    expect(await w.coordA.ok(q)).toEqual(await w.coordB.ok(q));
  },
  'Query.professionals': async (w) => {
    for (const client of tenantRoles(w)) {
      const res = await client.request<{ professionals: { edges: Array<{ node: { id: string } }> } }>(
        `query($f: ProfessionalFilter) { professionals(first: 100, filter: $f) { edges { node { id } } } }`,
        { f: { communeCodes: w.b.communes } },
      );
      if (res.errors) denied(res, 'FORBIDDEN');
      else expect(res.data?.professionals.edges).toEqual([]);
    }
    const all = await w.coordA.ok<{ professionals: { edges: Array<{ node: { id: string } }> } }>(`{ professionals(first: 100) { edges { node { id } } } }`);
    expect(all.professionals.edges.map((e) => e.node.id)).not.toContain(w.proB);
  },
  'Query.professional': async (w) => {
    for (const client of tenantRoles(w)) denied(await client.request(PRO, { id: w.proB }), 'NOT_FOUND', 'FORBIDDEN');
    denied(await w.missionA.request(PRO, { id: w.proB }), 'FORBIDDEN');
    denied(await w.adminR1.request(PRO, { id: w.proB }), 'FORBIDDEN');
  },
  'Mutation.createProfessional': async (w) => {
    const input = { lastName: 'Intrus', firstName: 'Test', professionCode: '60', communeCode: w.b.communes[0] };
    denied(await w.coordA.request(`mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`, { i: input }), 'BAD_USER_INPUT');
    const created = await w.coordA.ok<{ createProfessional: { id: string } }>(`mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`, {
      i: { ...input, communeCode: w.a.communes[0] },
    });
    denied(await w.coordB.request(PRO, { id: created.createProfessional.id }), 'NOT_FOUND');
  },
  'Mutation.updateProfessional': async (w) => {
    const i = { lastName: 'Pirate', firstName: 'X', professionCode: '60', communeCode: w.a.communes[0] };
    denied(await w.coordA.request(`mutation($id: ID!, $i: ProfessionalInput!) { updateProfessional(id: $id, input: $i) { id } }`, { id: w.proB, i }), 'NOT_FOUND');
    expect((await proOfB(w)).lastName).toBe('Bravo');
  },
  'Mutation.archiveProfessional': async (w) => {
    denied(await w.coordA.request(`mutation($id: ID!) { archiveProfessional(id: $id) { id } }`, { id: w.proB }), 'NOT_FOUND');
    expect((await proOfB(w)).archivedAt).toBeNull();
  },
  'Mutation.restoreProfessional': async (w) => {
    denied(await w.coordA.request(`mutation($id: ID!) { restoreProfessional(id: $id) { id } }`, { id: w.proB }), 'NOT_FOUND');
  },
  'Query.directoryImports': async (w) => {
    for (const client of [w.coordA, w.staffA]) expect((await client.ok<{ directoryImports: unknown[] }>(`{ directoryImports { id } }`)).directoryImports).toEqual([]);
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(`{ directoryImports { id } }`), 'FORBIDDEN');
  },
  'Query.directoryImport': async (w) => {
    const q = `query($id: ID!) { directoryImport(id: $id) { id issues { seq } } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { id: w.importB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { id: w.importB }), 'FORBIDDEN');
    expect((await w.coordB.ok<{ directoryImport: { id: string } }>(q, { id: w.importB })).directoryImport.id).toBe(w.importB);
  },
  'Query.directoryImportCheck': async (w) => {
    // B has an import under way (queued: no worker here): it holds B's import slot only, and A learns nothing of it.
    const q = `query($n: String!) { directoryImportCheck(fileName: $n) { extractedAt olderWarning } }`;
    const n = 'PS_LibreAcces_Personne_activite_202601010930.txt';
    for (const client of [w.coordA, w.staffA]) expect((await client.ok<{ directoryImportCheck: { olderWarning: string | null } }>(q, { n })).directoryImportCheck.olderWarning).toBeNull();
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { n }), 'FORBIDDEN');
    expect(errorCode(await w.coordB.request(q, { n }))).toBe('CONFLICT');
  },
  'Mutation.resolveImportConflict': async (w) => {
    // A conflict in B's import report, about B's professional.
    await w.h.data.inTenant(w.b.id, (db) =>
      db.query(
        `INSERT INTO directory_import_issues (tenant_id, import_id, seq, kind, reason, professional_id, field, current_value, imported_value)
         VALUES ($1, $2, 1000, 'conflict', 'test', $3, 'lastName', 'Bravo', 'Pirate')`,
        [w.b.id, w.importB, w.proB],
      ),
    );
    const m = `mutation($i: ID!) { resolveImportConflict(importId: $i, seq: 1000, keep: IMPORTED) { seq } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(m, { i: w.importB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(m, { i: w.importB }), 'FORBIDDEN');
    expect((await proOfB(w)).lastName).toBe('Bravo');
  },
  'Mutation.resolvePersonImportConflicts': async (w) => {
    // A conflict in B's import report, about B's professional (its own row: this case runs on its own).
    await w.h.data.inTenant(w.b.id, (db) =>
      db.query(
        `INSERT INTO directory_import_issues (tenant_id, import_id, seq, kind, reason, professional_id, field, current_value, imported_value)
         VALUES ($1, $2, 1001, 'conflict', 'test', $3, 'lastName', 'Bravo', 'Corsaire') ON CONFLICT DO NOTHING`,
        [w.b.id, w.importB, w.proB],
      ),
    );
    const m = `mutation($i: ID!, $p: ID!) { resolvePersonImportConflicts(importId: $i, professionalId: $p, keep: IMPORTED) { seq } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(m, { i: w.importB, p: w.proB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(m, { i: w.importB, p: w.proB }), 'FORBIDDEN');
    expect((await proOfB(w)).lastName).toBe('Bravo');
  },
  'Mutation.addProfessionalSite': async (w) => {
    const m = `mutation($p: ID!, $i: ProfessionalSiteInput!) { addProfessionalSite(professionalId: $p, input: $i) { id } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(m, { p: w.proB, i: { communeCode: w.a.communes[0] } }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(m, { p: w.proB, i: { communeCode: w.b.communes[0] } }), 'FORBIDDEN');
    expect(await sitesOfB(w)).toHaveLength(1);
  },
  'Mutation.updateProfessionalSite': async (w) => {
    const [site] = await sitesOfB(w);
    const m = `mutation($id: ID!, $i: ProfessionalSiteInput!) { updateProfessionalSite(id: $id, input: $i) { id } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(m, { id: site.id, i: { communeCode: w.a.communes[0], structureName: 'Pirate' } }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(m, { id: site.id, i: { communeCode: w.b.communes[0] } }), 'FORBIDDEN');
    expect((await sitesOfB(w))[0].structure_name).toBe(site.structure_name);
  },
  'Mutation.retireProfessionalSite': async (w) => {
    const [site] = await sitesOfB(w);
    const m = `mutation($id: ID!) { retireProfessionalSite(id: $id) { id } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(m, { id: site.id }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(m, { id: site.id }), 'FORBIDDEN');
    expect((await sitesOfB(w))[0].retired_at).toBeNull();
  },
  'Mutation.setMainProfessionalSite': async (w) => {
    const [site] = await sitesOfB(w);
    const m = `mutation($id: ID!) { setMainProfessionalSite(id: $id) { id } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(m, { id: site.id }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(m, { id: site.id }), 'FORBIDDEN');
  },
  'Query.cpts': async (w) => {
    const q = `query($id: ID!) { cpts(id: $id) { id name } }`;
    for (const client of tenantRoles(w)) denied(await client.request(q, { id: w.b.id }), 'NOT_FOUND');
    denied(await w.missionA.request(q, { id: w.b.id }), 'NOT_FOUND');
    denied(await w.adminR2.request(q, { id: w.a.id }), 'NOT_FOUND');
  },
  'Query.currentCpts': async (w) => {
    expect(await w.coordA.ok(`{ currentCpts { id } }`)).toEqual({ currentCpts: { id: w.a.id } });
  },
  'Query.cptsTeam': async (w) => {
    const team = await w.coordA.ok<{ cptsTeam: Array<{ user: { email: string } }> }>(`{ cptsTeam { user { email } } }`);
    expect(team.cptsTeam.map((m) => m.user.email)).not.toContain(w.staffBEmail);
  },
  'Query.cptsInvitations': async (w) => {
    const list = await w.coordA.ok<{ cptsInvitations: Array<{ id: string }> }>(`{ cptsInvitations { id } }`);
    expect(list.cptsInvitations.map((i) => i.id)).not.toContain(w.invitationB);
  },
  'Mutation.inviteToCpts': async (w) => {
    const { inviteToCpts } = await w.coordA.ok<{ inviteToCpts: { id: string } }>(`mutation($i: InviteToCptsInput!) { inviteToCpts(input: $i) { id } }`, {
      i: { email: 'pour-a@exemple.fr', role: 'MEMBER' },
    });
    const listB = await w.coordB.ok<{ cptsInvitations: Array<{ id: string }> }>(`{ cptsInvitations { id } }`);
    expect(listB.cptsInvitations.map((i) => i.id)).not.toContain(inviteToCpts.id);
  },
  'Mutation.revokeCptsInvitation': async (w) => {
    denied(await w.coordA.request(`mutation($id: ID!) { revokeCptsInvitation(id: $id) }`, { id: w.invitationB }), 'NOT_FOUND');
    const listB = await w.coordB.ok<{ cptsInvitations: Array<{ id: string; revokedAt: string | null }> }>(`{ cptsInvitations { id revokedAt } }`);
    expect(listB.cptsInvitations.find((i) => i.id === w.invitationB)?.revokedAt).toBeNull();
  },
  'Mutation.switchCpts': async (w) => {
    denied(await w.coordA.request(`mutation($id: ID!) { switchCpts(cptsId: $id) { accessToken } }`, { id: w.b.id }), 'FORBIDDEN');
  },
  'Query.regions': async (w) => {
    denied(await w.coordA.request(`{ regions { id } }`), 'FORBIDDEN');
    denied(await w.adminR1.request(`{ regions { id } }`), 'FORBIDDEN');
    expect((await w.platformAdmin.ok<{ regions: unknown[] }>(`{ regions { id } }`)).regions.length).toBeGreaterThanOrEqual(2);
  },
  'Query.regionCpts': async (w) => {
    denied(await w.coordA.request(`{ regionCpts { id } }`), 'FORBIDDEN');
    const r2 = await w.adminR2.ok<{ regionCpts: Array<{ id: string }> }>(`{ regionCpts { id professionalCount } }`);
    expect(r2.regionCpts.map((c) => c.id)).toEqual([w.c.id]);
    const r1 = await w.adminR1.ok<{ regionCpts: Array<{ id: string; professionalCount: number }> }>(`{ regionCpts { id professionalCount } }`);
    // B's own count (proB, and the proposer of B's call for projects), not A's nor C's.
    const ofB = await w.h.data.inTenant(w.b.id, (db) => db.query(`SELECT count(*)::int AS n FROM professionals WHERE tenant_id = $1 AND archived_at IS NULL AND merged_into IS NULL`, [w.b.id]));
    expect(r1.regionCpts.find((c) => c.id === w.b.id)?.professionalCount).toBe(ofB.rows[0].n);
    expect(ofB.rows[0].n).toBe(2);
  },
  'Query.followedCpts': async (w) => {
    denied(await w.coordA.request(`{ followedCpts { id } }`), 'FORBIDDEN');
    const followed = await w.missionA.ok<{ followedCpts: Array<{ id: string; professionalCount: number }> }>(`{ followedCpts { id professionalCount } }`);
    expect(followed.followedCpts.map((c) => c.id)).toEqual([w.a.id]);
  },
  'Mutation.createCpts': async (w) => {
    const q = `mutation($i: CptsInput!) { createCpts(input: $i) { id } }`;
    denied(await w.coordA.request(q, { i: CPTS_INPUT(w, 'CPTS pirate') }), 'FORBIDDEN');
    denied(await w.missionA.request(q, { i: CPTS_INPUT(w, 'CPTS pirate') }), 'FORBIDDEN');
    // Not over the territory of B, even for its own region admin.
    denied(await w.adminR1.request(q, { i: CPTS_INPUT(w, 'CPTS chevauchante') }), 'CONFLICT');
  },
  'Mutation.updateCpts': async (w) => {
    const q = `mutation($id: ID!, $i: CptsInput!) { updateCpts(id: $id, input: $i) { id } }`;
    denied(await w.coordA.request(q, { id: w.b.id, i: CPTS_INPUT(w, 'Renommée') }), 'FORBIDDEN');
    denied(await w.adminR2.request(q, { id: w.b.id, i: CPTS_INPUT(w, 'Renommée') }), 'NOT_FOUND');
    denied(await w.adminR2.request(q, { id: w.b.id, i: { ...CPTS_INPUT(w, 'CPTS Bravo'), slug: 'prise-par-r2' } }), 'NOT_FOUND');
    // A's own region admin cannot give A the address of B (its links would then show A).
    const aInput = { name: 'CPTS Alpha', size: 1, departementCodes: ['86'], communeCodes: w.a.communes, contactEmail: 'x@exemple.fr', slug: w.b.slug };
    denied(await w.adminR1.request(q, { id: w.a.id, i: aInput }), 'CONFLICT');
    expect(await cptsB(w)).toEqual({ name: 'CPTS Bravo', slug: w.b.slug });
  },
  'Query.cptsSlugSuggestion': async (w) => {
    const q = `query($n: String!, $id: ID) { cptsSlugSuggestion(name: $n, cptsId: $id) }`;
    for (const client of [...tenantRoles(w), w.missionA]) denied(await client.request(q, { n: 'CPTS Bravo' }), 'FORBIDDEN');
    denied(await w.adminR2.request(q, { n: 'CPTS Bravo', id: w.b.id }), 'NOT_FOUND');
    // One namespace for the platform: B's address is never proposed to anyone else.
    expect(await w.adminR2.ok(q, { n: 'CPTS Bravo' })).toEqual({ cptsSlugSuggestion: `${w.b.slug}-2` });
  },
  'Mutation.inviteCoordinator': async (w) => {
    const q = `mutation($id: ID!, $i: EmailInput!) { inviteCoordinator(cptsId: $id, input: $i) { id } }`;
    denied(await w.coordA.request(q, { id: w.b.id, i: { email: 'coord@exemple.fr' } }), 'FORBIDDEN');
    denied(await w.adminR2.request(q, { id: w.b.id, i: { email: 'coord@exemple.fr' } }), 'FORBIDDEN');
  },
  'Mutation.inviteToRegion': async (w) => {
    const q = `mutation($i: InviteToRegionInput!) { inviteToRegion(input: $i) { id } }`;
    denied(await w.coordA.request(q, { i: { email: 'x@exemple.fr', role: 'MISSION_OFFICER' } }), 'FORBIDDEN');
    denied(await w.adminR2.request(q, { i: { email: 'x@exemple.fr', role: 'MISSION_OFFICER', regionId: w.region1 } }), 'FORBIDDEN');
  },
  'Query.regionInvitations': async (w) => {
    denied(await w.coordA.request(`{ regionInvitations { id } }`), 'FORBIDDEN');
    denied(await w.adminR2.request(`query($r: ID) { regionInvitations(regionId: $r) { id } }`, { r: w.region1 }), 'FORBIDDEN');
  },
  'Mutation.revokeRegionInvitation': async (w) => {
    const { inviteToRegion } = await w.adminR1.ok<{ inviteToRegion: { id: string } }>(`mutation($i: InviteToRegionInput!) { inviteToRegion(input: $i) { id } }`, {
      i: { email: 'officer@exemple.fr', role: 'MISSION_OFFICER' },
    });
    denied(await w.coordA.request(`mutation($id: ID!) { revokeRegionInvitation(id: $id) }`, { id: inviteToRegion.id }), 'FORBIDDEN');
    denied(await w.adminR2.request(`mutation($id: ID!) { revokeRegionInvitation(id: $id) }`, { id: inviteToRegion.id }), 'NOT_FOUND');
  },
  'Mutation.assignMissionOfficer': async (w) => {
    const q = `mutation($u: ID!, $c: [ID!]!) { assignMissionOfficer(userId: $u, cptsIds: $c) { followedCpts { id } } }`;
    denied(await w.coordA.request(q, { u: w.missionAId, c: [w.b.id] }), 'FORBIDDEN');
    denied(await w.adminR2.request(q, { u: w.missionAId, c: [w.c.id] }), 'NOT_FOUND');
    denied(await w.adminR2.request(q, { u: w.missionR2Id, c: [w.b.id] }), 'BAD_USER_INPUT');
    const followed = await w.missionA.ok<{ followedCpts: Array<{ id: string }> }>(`{ followedCpts { id } }`);
    expect(followed.followedCpts.map((c) => c.id)).toEqual([w.a.id]);
  },
  'Query.consentWordings': async (w) => {
    const q = `{ consentWordings { version text } }`;
    expect(await w.coordA.ok(q)).toEqual(await w.coordB.ok(q)); // texts in code, the same for every CPTS
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q), 'FORBIDDEN');
  },
  'Mutation.giveConsent': async (w) => {
    const q = `mutation($p: ID!) { giveConsent(professionalId: $p, purpose: PUBLIC_LISTING, method: FORM, wordingVersion: "public_listing.2026-11") { id } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { p: w.proB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { p: w.proB }), 'FORBIDDEN');
    expect((await consentsOfB(w)).find((c) => c.purpose === 'PUBLIC_LISTING')?.status).toBeNull();
  },
  'Mutation.withdrawConsent': async (w) => {
    const q = `mutation($p: ID!) { withdrawConsent(professionalId: $p, purpose: PRO_NEWSLETTER, method: FORM) { id } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { p: w.proB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA]) denied(await client.request(q, { p: w.proB }), 'FORBIDDEN');
    expect((await consentsOfB(w)).find((c) => c.purpose === 'PRO_NEWSLETTER')?.status).toBeNull();
  },
  'Query.directoryLabels': async (w) => {
    const list = await w.coordA.ok<{ directoryLabels: Array<{ id: string }> }>(`{ directoryLabels { id } }`);
    expect(list.directoryLabels.map((l) => l.id)).not.toContain(w.labelB);
    for (const client of [w.boardA, w.memberA, w.missionA]) denied(await client.request(`{ directoryLabels { id } }`), 'FORBIDDEN');
  },
  'Mutation.createDirectoryLabel': async (w) => {
    const { createDirectoryLabel } = await w.coordA.ok<{ createDirectoryLabel: { id: string } }>(`mutation { createDirectoryLabel(input: { name: "Étiquette B" }) { id } }`);
    const listB = await w.coordB.ok<{ directoryLabels: Array<{ id: string }> }>(`{ directoryLabels { id } }`);
    expect(listB.directoryLabels.map((l) => l.id)).toEqual([w.labelB]); // same name allowed in A, invisible in B
    expect(listB.directoryLabels.map((l) => l.id)).not.toContain(createDirectoryLabel.id);
  },
  'Mutation.renameDirectoryLabel': async (w) => {
    denied(await w.coordA.request(`mutation($id: ID!) { renameDirectoryLabel(id: $id, input: { name: "Pirate" }) { id } }`, { id: w.labelB }), 'NOT_FOUND');
    const listB = await w.coordB.ok<{ directoryLabels: Array<{ name: string }> }>(`{ directoryLabels { name } }`);
    expect(listB.directoryLabels.map((l) => l.name)).toEqual(['Étiquette B']);
  },
  'Mutation.deleteDirectoryLabel': async (w) => {
    denied(await w.coordA.request(`mutation($id: ID!) { deleteDirectoryLabel(id: $id) }`, { id: w.labelB }), 'NOT_FOUND');
    expect((await w.coordB.ok<{ directoryLabels: unknown[] }>(`{ directoryLabels { id } }`)).directoryLabels).toHaveLength(1);
  },
  'Query.emailSuppressions': async (w) => {
    await w.h.data.inTenant(w.b.id, (db) => db.query(`INSERT INTO email_suppressions (tenant_id, email, reason) VALUES ($1, 'rebond.b@exemple.fr', 'hard_bounce') ON CONFLICT DO NOTHING`, [w.b.id]));
    const q = `{ emailSuppressions { email } }`;
    expect((await w.coordA.ok<{ emailSuppressions: Array<{ email: string }> }>(q)).emailSuppressions.map((x) => x.email)).not.toContain('rebond.b@exemple.fr');
    expect((await w.coordB.ok<{ emailSuppressions: Array<{ email: string }> }>(q)).emailSuppressions.map((x) => x.email)).toContain('rebond.b@exemple.fr');
    for (const client of [w.boardA, w.memberA, w.missionA]) denied(await client.request(q), 'FORBIDDEN');
  },
  'Mutation.liftEmailSuppression': async (w) => {
    await w.h.data.inTenant(w.b.id, (db) => db.query(`INSERT INTO email_suppressions (tenant_id, email, reason) VALUES ($1, 'leve.b@exemple.fr', 'hard_bounce') ON CONFLICT DO NOTHING`, [w.b.id]));
    const q = `mutation($e: String!) { liftEmailSuppression(email: $e) }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { e: 'leve.b@exemple.fr' }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA]) denied(await client.request(q, { e: 'leve.b@exemple.fr' }), 'FORBIDDEN');
    const listB = await w.coordB.ok<{ emailSuppressions: Array<{ email: string }> }>(`{ emailSuppressions { email } }`);
    expect(listB.emailSuppressions.map((x) => x.email)).toContain('leve.b@exemple.fr');
  },
  'Mutation.setProfessionalLabels': async (w) => {
    const q = `mutation($p: ID!, $l: [ID!]!) { setProfessionalLabels(professionalId: $p, labelIds: $l) { id } }`;
    denied(await w.coordA.request(q, { p: w.proB, l: [] }), 'NOT_FOUND');
    const own = (await w.coordA.ok<{ professionals: { edges: Array<{ node: { id: string } }> } }>(`{ professionals(first: 1) { edges { node { id } } } }`)).professionals.edges[0].node.id;
    denied(await w.coordA.request(q, { p: own, l: [w.labelB] }), 'BAD_USER_INPUT');
  },
  'Query.personData': async (w) => {
    const q = `query($id: ID!) { personData(id: $id) }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { id: w.proB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { id: w.proB }), 'FORBIDDEN');
  },
  'Mutation.eraseProfessional': async (w) => {
    const q = `mutation($id: ID!) { eraseProfessional(id: $id, confirmation: "Bravo") { id } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { id: w.proB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { id: w.proB }), 'FORBIDDEN');
    expect((await proOfB(w)).lastName).toBe('Bravo');
  },
  'Query.regionTeam': async (w) => {
    denied(await w.coordA.request(`{ regionTeam { user { id } } }`), 'FORBIDDEN');
    const team = await w.adminR2.ok<{ regionTeam: Array<{ user: { id: string } }> }>(`{ regionTeam { user { id } } }`);
    expect(team.regionTeam.map((m) => m.user.id)).not.toContain(w.missionAId);
  },
  'Query.memberships': async (w) => {
    const q = `query($y: Int!) { memberships(year: $y) { totalCount edges { node { professional { id } } } } }`;
    expect(await w.coordA.ok(q, { y: Y - 1 })).toEqual({ memberships: { totalCount: 0, edges: [] } });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { y: Y - 1 }), 'FORBIDDEN');
    expect((await w.coordB.ok<{ memberships: { totalCount: number } }>(q, { y: Y - 1 })).memberships.totalCount).toBe(1);
  },
  'Query.membershipYears': async (w) => {
    for (const client of [w.coordA, w.staffA]) expect(await client.ok(`{ membershipYears { year } }`)).toEqual({ membershipYears: [] });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(`{ membershipYears { year } }`), 'FORBIDDEN');
  },
  'Query.membershipCounts': async (w) => {
    const q = `query($y: Int!) { membershipCounts(year: $y) { totals { total } } }`;
    expect(await w.coordA.ok(q, { y: Y - 1 })).toEqual({ membershipCounts: { totals: { total: 0 } } });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { y: Y - 1 }), 'FORBIDDEN');
    expect(await w.coordB.ok(q, { y: Y - 1 })).toEqual({ membershipCounts: { totals: { total: 1 } } });
  },
  'Query.lapsedMembers': async (w) => {
    const q = `query($y: Int!) { lapsedMembers(year: $y) { professional { id } } }`;
    expect(await w.coordA.ok(q, { y: Y })).toEqual({ lapsedMembers: [] });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { y: Y }), 'FORBIDDEN');
    expect(await w.coordB.ok(q, { y: Y })).toEqual({ lapsedMembers: [{ professional: { id: w.proB } }] });
  },
  'Mutation.saveMembership': async (w) => {
    const q = `mutation($i: MembershipInput!) { saveMembership(input: $i) { id } }`;
    const i = { professionalId: w.proB, year: Y, status: 'RESIGNED', feeCents: 0, college: 'USER' };
    denied(await w.coordA.request(q, { i }), 'NOT_FOUND');
    denied(await w.coordA.request(q, { i: { ...i, id: w.pendingB } }), 'NOT_FOUND');
    denied(await w.boardA.request(q, { i }), 'FORBIDDEN');
    expect(await membershipsOfB(w)).toEqual([
      { id: w.pendingB, status: 'PENDING', college: 'MSP' },
      { id: w.membershipB, status: 'ACTIVE', college: 'MSP' },
    ]);
  },
  'Mutation.deleteMembership': async (w) => {
    denied(await w.coordA.request(`mutation($id: ID!) { deleteMembership(id: $id) }`, { id: w.membershipB }), 'NOT_FOUND');
    expect((await membershipsOfB(w)).map((m) => m.id)).toContain(w.membershipB);
  },
  'Mutation.openMembershipYear': async (w) => {
    const q = `mutation($y: Int!) { openMembershipYear(year: $y, defaultFeeCents: 1000) { created } }`;
    denied(await w.memberA.request(q, { y: Y + 1 }), 'FORBIDDEN');
    expect(await w.coordA.ok(q, { y: Y + 1 })).toEqual({ openMembershipYear: { created: 0 } });
    expect((await membershipsOfB(w)).length).toBe(2);
    expect(await w.coordB.ok(`{ membershipYears { year } }`)).toEqual({ membershipYears: [{ year: Y }, { year: Y - 1 }] });
  },
  'Mutation.lapseUnpaidMemberships': async (w) => {
    const q = `mutation($y: Int!) { lapseUnpaidMemberships(year: $y) }`;
    denied(await w.boardA.request(q, { y: Y }), 'FORBIDDEN');
    expect(await w.coordA.ok(q, { y: Y })).toEqual({ lapseUnpaidMemberships: 0 });
    expect((await membershipsOfB(w))[0]).toMatchObject({ id: w.pendingB, status: 'PENDING' });
  },
  'Mutation.setInvolvementLevel': async (w) => {
    const q = `mutation($id: ID!) { setInvolvementLevel(professionalId: $id, level: GOVERNANCE) { id } }`;
    denied(await w.coordA.request(q, { id: w.proB }), 'NOT_FOUND');
    denied(await w.memberA.request(q, { id: w.proB }), 'FORBIDDEN');
    const b = await w.coordB.ok<{ professional: { involvementLevel: string } }>(`query($id: ID!) { professional(id: $id) { involvementLevel } }`, { id: w.proB });
    expect(b.professional.involvementLevel).toBe('MEMBER');
  },
  'Query.duplicateCandidates': async (w) => {
    const q = `{ duplicateCandidates { first { id } second { id } } }`;
    // A pair in B (a twin of Bravo), seen by B only; merged back at the end so B keeps one active professional.
    const twin = await w.h.data.professional(w.b.id, w.b.communes[0], { lastName: 'Bravo' });
    const ids = (list: { duplicateCandidates: Array<{ first: { id: string }; second: { id: string } }> }) => list.duplicateCandidates.flatMap((p) => [p.first.id, p.second.id]);
    expect(ids(await w.coordB.ok(q))).toEqual(expect.arrayContaining([w.proB, twin]));
    for (const client of [w.coordA, w.staffA]) {
      const seen = ids(await client.ok(q));
      expect(seen).not.toContain(w.proB);
      expect(seen).not.toContain(twin);
    }
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q), 'FORBIDDEN');
    await w.coordB.ok(`mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id } }`, { k: w.proB, m: twin });
  },
  'Mutation.dismissDuplicate': async (w) => {
    const q = `mutation($a: ID!, $b: ID!) { dismissDuplicate(firstId: $a, secondId: $b) }`;
    const ours = await w.coordA.ok<{ createProfessional: { id: string } }>(`mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`, {
      i: { lastName: 'Bravo', firstName: 'Prénom', professionCode: '60', communeCode: w.a.communes[0] },
    });
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { a: ours.createProfessional.id, b: w.proB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { a: ours.createProfessional.id, b: w.proB }), 'FORBIDDEN');
  },
  'Mutation.mergeProfessionals': async (w) => {
    const q = `mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id } }`;
    const ours = await w.coordA.ok<{ createProfessional: { id: string } }>(`mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`, {
      i: { lastName: 'Fusion', firstName: 'Test', professionCode: '60', communeCode: w.a.communes[0] },
    });
    const id = ours.createProfessional.id;
    for (const client of [w.coordA, w.staffA]) {
      denied(await client.request(q, { k: id, m: w.proB }), 'NOT_FOUND');
      denied(await client.request(q, { k: w.proB, m: id }), 'NOT_FOUND');
    }
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { k: id, m: w.proB }), 'FORBIDDEN');
    const b = await w.coordB.ok<{ professional: { archivedAt: string | null; mergedInto: string | null } }>(`query($id: ID!) { professional(id: $id) { archivedAt mergedInto } }`, { id: w.proB });
    expect(b.professional).toEqual({ archivedAt: null, mergedInto: null });
  },
  'Query.previewProfessionalsCsv': async (w) => {
    // Reads only the text it is given; the CPTS team only.
    const q = `query($c: String!) { previewProfessionalsCsv(content: $c) { rowCount } }`;
    expect(await w.coordA.ok(q, { c: 'Nom;Prénom\nBravo;Prénom\n' })).toEqual({ previewProfessionalsCsv: { rowCount: 1 } });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { c: 'Nom\n' }), 'FORBIDDEN');
  },
  'Mutation.importProfessionalsCsv': async (w) => {
    const q = `mutation($c: String!, $m: [CsvColumnMappingInput!]!) { importProfessionalsCsv(content: $c, mapping: $m, dryRun: false) { created updated unchanged errors { line reason } } }`;
    const m = ['LAST_NAME', 'FIRST_NAME', 'PROFESSION', 'COMMUNE'].map((field, column) => ({ column, field }));
    // Bravo of B, in B's commune: not found in A, and B's commune is not A's territory.
    const res = await w.coordA.ok<{ importProfessionalsCsv: { created: number; updated: number; errors: unknown[] } }>(q, { c: `Nom;Prénom;Profession;Commune\nBravo;Prénom;60;${w.b.communes[0]}\n`, m });
    expect(res.importProfessionalsCsv).toMatchObject({ created: 0, updated: 0, errors: [{ line: 2, reason: `Commune hors du territoire de la CPTS : « ${w.b.communes[0]} ».` }] });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { c: 'Nom\n', m }), 'FORBIDDEN');
    expect((await proOfB(w)).lastName).toBe('Bravo');
  },
  'Query.campaigns': async (w) => {
    const q = `query($after: String) { campaigns(after: $after) { totalCount edges { node { id } cursor } } }`;
    expect(await w.coordA.ok(q)).toEqual({ campaigns: { totalCount: 0, edges: [] } });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q), 'FORBIDDEN');
    // B's draft, B's campaign being sent, and the sent one of the report cases.
    const ofB = await w.coordB.ok<{ campaigns: { totalCount: number; edges: Array<{ cursor: string }> } }>(q);
    expect(ofB.campaigns.totalCount).toBe(3);
    expect(ofB.campaigns.edges).toHaveLength(3);
    // A cursor of B's list read in A pages A's campaigns only: none.
    expect(await w.coordA.ok(q, { after: ofB.campaigns.edges[0].cursor })).toEqual({ campaigns: { totalCount: 0, edges: [] } });
  },
  'Query.campaign': async (w) => {
    const q = `query($id: ID!) { campaign(id: $id) { id subject previewHtml } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { id: w.draftB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { id: w.draftB }), 'FORBIDDEN');
  },
  'Query.audiencePreview': async (w) => {
    const q = `query($s: CampaignSegmentInput) { audiencePreview(audienceType: PROFESSIONALS, purpose: PRO_NEWSLETTER, segment: $s) { matched recipients excludedSample { professionalId } } }`;
    // B's professional named explicitly: not in A's directory, so not counted.
    const seen = await w.coordA.ok<{ audiencePreview: { excludedSample: Array<{ professionalId: string }> } }>(q, { s: { includeIds: [w.proB] } });
    expect(seen.audiencePreview.excludedSample.map((p) => p.professionalId)).not.toContain(w.proB);
    expect(await w.coordA.ok(q, { s: { includeIds: [w.proB], communeCodes: [w.b.communes[0]] } })).toEqual({ audiencePreview: { matched: 0, recipients: 0, excludedSample: [] } });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { s: {} }), 'FORBIDDEN');
  },
  'Query.newslettersInMonth': async (w) => {
    expect(await w.coordA.ok(`{ newslettersInMonth }`)).toEqual({ newslettersInMonth: 0 });
    expect(await w.coordB.ok(`{ newslettersInMonth }`)).toEqual({ newslettersInMonth: 2 });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(`{ newslettersInMonth }`), 'FORBIDDEN');
  },
  'Mutation.createCampaign': async (w) => {
    const q = `mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`;
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { i: CAMPAIGN_INPUT(w) }), 'FORBIDDEN');
    // Created in A (naming B's professional selects nobody there), never in B.
    const { createCampaign } = await w.coordA.ok<{ createCampaign: { id: string } }>(q, { i: CAMPAIGN_INPUT(w) });
    denied(await w.coordB.request(`query($id: ID!) { campaign(id: $id) { id } }`, { id: createCampaign.id }), 'NOT_FOUND');
    await w.coordA.ok(`mutation($id: ID!) { deleteCampaign(id: $id) }`, { id: createCampaign.id });
  },
  'Mutation.updateCampaign': async (w) => {
    const q = `mutation($id: ID!, $i: CampaignInput!) { updateCampaign(id: $id, input: $i) { id } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { id: w.draftB, i: CAMPAIGN_INPUT(w) }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { id: w.draftB, i: CAMPAIGN_INPUT(w) }), 'FORBIDDEN');
    expect(await campaignOfB(w, w.draftB)).toEqual({ subject: 'Lettre de B', status: 'DRAFT' });
  },
  'Mutation.deleteCampaign': campaignCommand('deleteCampaign', 'draftB', false),
  'Mutation.duplicateCampaign': async (w) => {
    await campaignCommand('duplicateCampaign')(w);
    expect(await w.coordA.ok(`{ campaigns { totalCount edges { node { id } } } }`)).toEqual({ campaigns: { totalCount: 0, edges: [] } });
  },
  'Mutation.sendCampaign': campaignCommand('sendCampaign'),
  'Mutation.scheduleCampaign': async (w) => {
    const q = `mutation($id: ID!, $at: DateTime!) { scheduleCampaign(id: $id, at: $at) { id } }`;
    const at = new Date(Date.now() + 86_400_000).toISOString();
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { id: w.draftB, at }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { id: w.draftB, at }), 'FORBIDDEN');
    expect(await campaignOfB(w, w.draftB)).toEqual({ subject: 'Lettre de B', status: 'DRAFT' });
  },
  'Mutation.unscheduleCampaign': campaignCommand('unscheduleCampaign'),
  'Mutation.pauseCampaign': campaignCommand('pauseCampaign', 'sendingB'),
  'Mutation.resumeCampaign': campaignCommand('resumeCampaign', 'sendingB'),
  'Mutation.cancelCampaign': campaignCommand('cancelCampaign', 'sendingB'),
  'Mutation.sendTestCampaign': campaignCommand('sendTestCampaign', 'draftB', false),
  'Query.campaignReport': async (w) => {
    const q = `query($id: ID!) { campaignReport(campaignId: $id) { sent } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { id: w.campaignB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { id: w.campaignB }), 'FORBIDDEN');
    expect(await w.coordB.ok(q, { id: w.campaignB })).toEqual({ campaignReport: { sent: 1 } });
  },
  'Query.campaignFollowUp': async (w) => {
    const q = `query($id: ID!) { campaignFollowUp(campaignId: $id) { edges { node { lastName phone } } } }`;
    for (const client of [w.coordA, w.staffA]) denied(await client.request(q, { id: w.campaignB }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { id: w.campaignB }), 'FORBIDDEN');
    expect(await w.coordB.ok(q, { id: w.campaignB })).toEqual({ campaignFollowUp: { edges: [{ node: { lastName: 'Bravo', phone: null } }] } });
  },
  'Query.calls': async (w) => {
    await governanceList(`{ calls { id } }`, (d: { calls: Array<{ id: string }> }) => d.calls.map((c) => c.id), (w) => [w.callB], 'readers')(w);
    expect((await w.coordA.ok<{ calls: Array<{ id: string }> }>(`{ calls { id } }`)).calls.map((c) => c.id)).toContain(w.callA);
  },
  'Query.call': callsCommand(`query($id: ID!) { call(id: $id) { id title envelope { committedCents } } }`, (w) => ({ id: w.callB }), 'readers'),
  'Mutation.createCall': async (w) => {
    // B's address is free in A (addresses are per CPTS); B's calls do not change; only a CPTS team creates.
    const q = `mutation($i: CallInput!) { createCall(input: $i) { id } }`;
    await w.coordA.ok(q, { i: CALL_INPUT('pro-actif-bravo') });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { i: CALL_INPUT('pirate') }), 'FORBIDDEN');
    expect(await callsOfB(w)).toEqual(w.callsB);
  },
  'Mutation.updateCall': callsCommand(`mutation($id: ID!, $i: CallInput!) { updateCall(id: $id, input: $i) { id } }`, (w) => ({ id: w.callB, i: CALL_INPUT('pirate') }), 'team'),
  'Mutation.publishCall': callsCommand(`mutation($id: ID!) { publishCall(id: $id) { id } }`, (w) => ({ id: w.callB }), 'team'),
  'Mutation.raiseCallEnvelope': callsCommand(
    `mutation($i: EnvelopeRaiseInput!) { raiseCallEnvelope(input: $i) { id } }`,
    (w) => ({ i: { callId: w.callB, toCents: 900_000, reason: 'Pirate', deadline: inDays(3) } }),
    'team',
  ),
  'Query.callProjects': callsCommand(`query($c: ID!) { callProjects(callId: $c) { id } }`, (w) => ({ c: w.callB }), 'readers'),
  'Query.callProject': async (w) => {
    for (const id of projectsOfB(w)) await callsCommand(`query($id: ID!) { callProject(id: $id) { id title events { note } } }`, () => ({ id }), 'readers')(w);
  },
  'Mutation.startProjectReview': callsCommand(`mutation($id: ID!) { startProjectReview(id: $id) { id } }`, (w) => ({ id: w.projectSubmittedB }), 'team'),
  'Mutation.requestProjectChanges': callsCommand(`mutation($id: ID!) { requestProjectChanges(id: $id, note: "Pirate") { id } }`, (w) => ({ id: w.projectSubmittedB }), 'team'),
  'Mutation.markProjectReady': callsCommand(`mutation($id: ID!) { markProjectReady(id: $id) { id } }`, (w) => ({ id: w.projectSubmittedB }), 'team'),
  'Mutation.returnProjectToReview': callsCommand(`mutation($id: ID!) { returnProjectToReview(id: $id) { id } }`, (w) => ({ id: w.projectAtBureauB }), 'team'),
  'Mutation.commentOnProject': callsCommand(`mutation($id: ID!) { commentOnProject(id: $id, body: "Pirate") { id } }`, (w) => ({ id: w.projectSubmittedB }), 'team'),
  'Mutation.scoreProject': callsCommand(`mutation($id: ID!) { scoreProject(id: $id, scores: [0]) { weighted } }`, (w) => ({ id: w.projectSubmittedB }), 'team'),
  'Mutation.putProjectsToBureau': async (w) => {
    const q = `mutation($i: PutToBureauInput!) { putProjectsToBureau(input: $i) { id } }`;
    await callsCommand(q, (x) => ({ i: { projectIds: [x.projectSubmittedB], deadline: inDays(3) } }), 'team')(w);
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'Mutation.recordProjectWorkshop': callsCommand(
    `mutation($i: RecordWorkshopInput!) { recordProjectWorkshop(input: $i) { warnings } }`,
    (w) => ({ i: { projectId: w.projectApprovedB, heldOn: parisToday(), startTime: '00:00', minutes: 60, place: 'Pirate', participants: 1, speakerIds: [w.proposerB] } }),
    'team',
  ),
  'Mutation.removeProjectWorkshop': callsCommand(`mutation($id: ID!) { removeProjectWorkshop(id: $id) { id } }`, (w) => ({ id: w.workshopB }), 'team'),
  'Mutation.fileProjectDebrief': callsCommand(
    `mutation($p: ID!) { fileProjectDebrief(projectId: $p, worked: "Pirate", notWorked: "Pirate") { warnings } }`,
    (w) => ({ p: w.projectApprovedB }),
    'team',
  ),
  'Mutation.fileProjectEvaluation': callsCommand(`mutation($p: ID!) { fileProjectEvaluation(projectId: $p, actuals: ["Pirate"]) { id } }`, (w) => ({ p: w.projectApprovedB }), 'team'),
  'Query.callSummary': callsCommand(`query($c: ID!) { callSummary(callId: $c) { projectCount projects { title } } }`, (w) => ({ c: w.callB }), 'readers'),
  'Query.governanceInstances': governanceList(`{ governanceInstances { id } }`, (d: { governanceInstances: Array<{ id: string }> }) => d.governanceInstances.map((i) => i.id), (w) => [w.bureauB, w.caB], 'readers'),
  'Query.governanceInstance': async (w) => {
    for (const id of [w.bureauB, w.caB]) await governanceCommand(`query($id: ID!) { governanceInstance(id: $id) { id name mandates { name } } }`, () => ({ id }), 'readers')(w);
  },
  'Mutation.createGovernanceInstance': async (w) => {
    // B has its bureau: A sets up its own (one bureau per CPTS, not per platform), and a second one of A's is A's own conflict.
    const q = `mutation($i: InstanceInput!) { createGovernanceInstance(input: $i) { id } }`;
    const { createGovernanceInstance } = await w.coordA.ok<{ createGovernanceInstance: { id: string } }>(q, { i: { kind: 'BUREAU' } });
    expect(errorCode(await w.staffA.request(q, { i: { kind: 'BUREAU' } }))).toBe('CONFLICT');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { i: { kind: 'COMMISSION', name: 'Pirate' } }), 'FORBIDDEN');
    expect(await governanceOfB(w)).toEqual(w.governanceB);
    denied(await w.coordB.request(`query($id: ID!) { governanceInstance(id: $id) { id } }`, { id: createGovernanceInstance.id }), 'NOT_FOUND');
  },
  'Mutation.updateGovernanceInstance': governanceCommand(
    `mutation($id: ID!, $i: UpdateInstanceInput!) { updateGovernanceInstance(id: $id, input: $i) { id } }`,
    (w) => ({ id: w.bureauB, i: { name: 'Pirate', seats: 2, statutes: STATUTES_INPUT } }),
    'coordinator',
  ),
  'Mutation.setGovernanceColleges': async (w) => {
    const q = `mutation($inst: ID!, $c: [CollegeInput!]!) { setGovernanceColleges(instanceId: $inst, colleges: $c) { id } }`;
    await governanceCommand(q, (x) => ({ inst: x.caB, c: [{ id: x.collegeB, name: 'Pirate', seats: 1 }] }), 'team')(w);
    // B's college cannot be taken into A's own CA either.
    expect(errorCode(await w.coordA.request(q, { inst: w.caA, c: [{ id: w.collegeA, name: 'Collège A', seats: 1 }, { id: w.collegeB, name: 'Pirate', seats: 1 }] }))).toBe('BAD_USER_INPUT');
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'Mutation.addMandate': async (w) => {
    const q = `mutation($inst: ID!, $i: MandateInput!) { addMandate(instanceId: $inst, input: $i) { id } }`;
    await governanceCommand(q, (x) => ({ inst: x.bureauB, i: MANDATE_INPUT(x.proB) }), 'team')(w);
    // Nor does A's own CA seat B's professional, or sit A's person in B's college.
    denied(await w.coordA.request(q, { inst: w.caA, i: MANDATE_INPUT(w.proB, w.collegeA) }), 'NOT_FOUND');
    denied(await w.coordA.request(q, { inst: w.caA, i: { ...MANDATE_INPUT(w.professionalA, w.collegeB), startsOn: '2020-01-01', endsOn: '2020-12-31' } }), 'BAD_USER_INPUT');
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'Mutation.updateMandate': governanceCommand(`mutation($id: ID!, $i: MandateInput!) { updateMandate(id: $id, input: $i) { id } }`, (w) => ({ id: w.mandateB, i: MANDATE_INPUT(w.proB) }), 'team'),
  'Mutation.endMandate': governanceCommand(
    `mutation($id: ID!, $i: EndMandateInput!) { endMandate(id: $id, input: $i) { id } }`,
    (w) => ({ id: w.mandateB, i: { endedOn: new Date().toISOString().slice(0, 10), reason: 'Pirate' } }),
    'team',
  ),
  'Query.decisions': async (w) => {
    await governanceList(`{ decisions { id } }`, (d: { decisions: Array<{ id: string }> }) => d.decisions.map((x) => x.id), decisionsOfB, 'all')(w);
    // Filtered on B's bureau: nothing (and A's own list is not empty, so the check is not vacuous).
    expect(await w.coordA.ok(`query($i: ID) { decisions(instanceId: $i) { id } }`, { i: w.bureauB })).toEqual({ decisions: [] });
    expect((await w.coordA.ok<{ decisions: Array<{ id: string }> }>(`{ decisions { id } }`)).decisions.map((d) => d.id)).toEqual(
      expect.arrayContaining([w.draftDecisionA, w.openDecisionA, w.closedDecisionA]),
    );
  },
  'Query.decision': async (w) => {
    const q = `query($id: ID!) { decision(id: $id) { id title voters { name } comments { body } documents { fileName } } }`;
    for (const id of decisionsOfB(w)) await governanceCommand(q, () => ({ id }), 'all')(w);
  },
  'Query.decisionRegister': async (w) => {
    const q = `query($after: String, $i: ID) { decisionRegister(first: 10, after: $after, instanceId: $i) { totalCount edges { cursor node { id } } } }`;
    type Register = { decisionRegister: { totalCount: number; edges: Array<{ cursor: string; node: { id: string } }> } };
    for (const client of tenantRoles(w)) {
      const { decisionRegister } = await client.ok<Register>(q);
      expect(decisionRegister.edges.map((e) => e.node.id)).not.toContain(w.closedDecisionB);
    }
    for (const client of [w.missionA, w.adminR1]) denied(await client.request(q), 'FORBIDDEN');
    // A's team reads A's register (not empty); B's bureau names nothing there; a cursor of B's register pages A's only.
    expect((await w.coordA.ok<Register>(q)).decisionRegister.edges.map((e) => e.node.id)).toEqual([w.closedDecisionA]);
    expect((await w.coordA.ok<Register>(q, { i: w.bureauB })).decisionRegister).toEqual({ totalCount: 0, edges: [] });
    const ofB = (await w.coordB.ok<Register>(q)).decisionRegister;
    expect(ofB.edges.map((e) => e.node.id)).toEqual([w.closedDecisionB]);
    expect((await w.coordA.ok<Register>(q, { after: ofB.edges[0].cursor })).decisionRegister.edges.map((e) => e.node.id)).not.toContain(w.closedDecisionB);
  },
  'Query.verifyDecisionAudit': governanceCommand(`query($id: ID!) { verifyDecisionAudit(id: $id) { ok entries } }`, (w) => ({ id: w.closedDecisionB }), 'readers'),
  'Mutation.createDecision': governanceCommand(
    `mutation($i: DecisionInput!) { createDecision(input: $i) { id } }`,
    (w) => ({ i: DECISION_INPUT(w.bureauB, 'Pirate') }),
    'readers',
  ),
  'Mutation.updateDecision': async (w) => {
    const q = `mutation($id: ID!, $i: DecisionInput!) { updateDecision(id: $id, input: $i) { id } }`;
    await governanceCommand(q, (x) => ({ id: x.draftDecisionB, i: DECISION_INPUT(x.bureauB, 'Pirate') }), 'readers')(w);
    // A's own draft cannot be moved to B's bureau.
    denied(await w.coordA.request(q, { id: w.draftDecisionA, i: DECISION_INPUT(w.bureauB, 'Pirate') }), 'NOT_FOUND');
    expect((await w.coordA.ok<{ decision: unknown }>(`query($id: ID!) { decision(id: $id) { instanceId title } }`, { id: w.draftDecisionA })).decision).toEqual({
      instanceId: w.caA,
      title: 'Brouillon Alpha',
    });
  },
  'Mutation.deleteDecisionDraft': governanceCommand(`mutation($id: ID!) { deleteDecisionDraft(id: $id) }`, (w) => ({ id: w.draftDecisionB }), 'readers'),
  'Mutation.openDecision': governanceCommand(`mutation($id: ID!) { openDecision(id: $id) { id } }`, (w) => ({ id: w.draftDecisionB }), 'readers'),
  'Mutation.reopenDecision': governanceCommand(
    `mutation($id: ID!, $d: DateTime!) { reopenDecision(id: $id, deadline: $d) { id } }`,
    (w) => ({ id: w.closedDecisionB, d: inDays(3) }),
    'team',
  ),
  'Mutation.publishDecision': governanceCommand(`mutation($id: ID!) { publishDecision(id: $id) { id } }`, (w) => ({ id: w.closedDecisionB }), 'team'),
  'Mutation.voteOnDecision': governanceCommand(`mutation($id: ID!) { voteOnDecision(id: $id, choice: FOR) { id } }`, (w) => ({ id: w.openDecisionB }), 'all'),
  'Mutation.declareDecisionConflict': governanceCommand(`mutation($id: ID!) { declareDecisionConflict(id: $id, note: "Pirate") { id } }`, (w) => ({ id: w.openDecisionB }), 'all'),
  'Mutation.giveDecisionProxy': async (w) => {
    const q = `mutation($id: ID!, $h: ID) { giveDecisionProxy(id: $id, holderId: $h) { id } }`;
    await governanceCommand(q, (x) => ({ id: x.openDecisionB, h: x.voterB }), 'all')(w);
    // On A's own decision, coordA (its voter) cannot give their vote to B's voter.
    expect(errorCode(await w.coordA.request(q, { id: w.openDecisionA, h: w.voterB }))).toBe('BAD_USER_INPUT');
    const { decision } = await w.coordA.ok<{ decision: { voters: Array<{ proxyToId: string | null }> } }>(`query($id: ID!) { decision(id: $id) { voters { proxyToId } } }`, { id: w.openDecisionA });
    expect(decision.voters).toEqual([{ proxyToId: null }]);
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'Mutation.commentOnDecision': governanceCommand(`mutation($id: ID!) { commentOnDecision(id: $id, body: "Pirate") { id } }`, (w) => ({ id: w.openDecisionB }), 'all'),
  'Mutation.removeDecisionDocument': async (w) => {
    for (const id of [w.draftDocumentB, w.openDocumentB]) await governanceCommand(`mutation($id: ID!) { removeDecisionDocument(id: $id) }`, () => ({ id }), 'readers')(w);
  },
  'Query.spendingRequests': governanceList(`{ spendingRequests { id } }`, (d: { spendingRequests: Array<{ id: string }> }) => d.spendingRequests.map((x) => x.id), (w) => [w.spendingB], 'readers'),
  'Query.delegationSettings': async (w) => {
    const q = `{ delegationSettings { staffLimitCents bureauLimitCents } }`;
    for (const client of [w.coordA, w.staffA, w.boardA]) expect(await client.ok(q)).not.toEqual(await w.coordB.ok(q));
    for (const client of [w.memberA, w.missionA, w.adminR1]) denied(await client.request(q), 'FORBIDDEN');
  },
  'Mutation.updateDelegationSettings': async (w) => {
    // A's coordinator sets A's thresholds; B's stay B's.
    const q = `mutation($i: DelegationInput!) { updateDelegationSettings(input: $i) { staffLimitCents bureauLimitCents } }`;
    const i = { staffLimitCents: 300_000, bureauLimitCents: 900_000 };
    expect(await w.coordA.ok(q, { i })).toEqual({ updateDelegationSettings: i });
    for (const client of [w.staffA, w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { i }), 'FORBIDDEN');
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'Mutation.recordSpending': async (w) => {
    // Recorded in A (under A's staff threshold); B's spending list does not change.
    const q = `mutation($i: SpendingRequestInput!) { recordSpending(input: $i) { id route } }`;
    const i = { amountCents: 4_200, purpose: 'Fournitures Alpha' };
    const { recordSpending } = await w.coordA.ok<{ recordSpending: { id: string; route: string } }>(q, { i });
    expect(recordSpending.route).toBe('STAFF');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { i }), 'FORBIDDEN');
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'Mutation.checkSpending': governanceCommand(`mutation($id: ID!) { checkSpending(id: $id, check: CHECKED) { id } }`, (w) => ({ id: w.spendingB }), 'checkers'),
  'Query.meetingQuorum': governanceCommand(`query($m: ID!) { meetingQuorum(meetingId: $m) { electorate present } }`, (w) => ({ m: w.instanceMeetingB }), 'readers'),
  'Mutation.recordMeetingProxy': async (w) => {
    const q = `mutation($m: ID!, $g: ID!, $h: ID!) { recordMeetingProxy(meetingId: $m, giverId: $g, holderId: $h) { present } }`;
    await governanceCommand(q, (x) => ({ m: x.instanceMeetingB, g: x.instanceInviteeB, h: x.meetingInviteeB }), 'team')(w);
    // At A's own meeting, B's invitee holds nothing.
    expect(errorCode(await w.coordA.request(q, { m: w.instanceMeetingA, g: w.instanceInviteeA, h: w.instanceInviteeB }))).toBe('BAD_USER_INPUT');
    expect((await w.coordA.ok<{ meetingQuorum: { proxies: unknown[] } }>(`query($m: ID!) { meetingQuorum(meetingId: $m) { proxies { giverId } } }`, { m: w.instanceMeetingA })).meetingQuorum.proxies).toEqual([]);
  },
  'Mutation.removeMeetingProxy': governanceCommand(
    `mutation($m: ID!, $g: ID!) { removeMeetingProxy(meetingId: $m, giverId: $g) { present } }`,
    (w) => ({ m: w.instanceMeetingB, g: w.instanceInviteeB }),
    'team',
  ),
  'Mutation.recordSessionVote': governanceCommand(
    `mutation($i: SessionVoteInput!) { recordSessionVote(input: $i) { id } }`,
    (w) => ({ i: { meetingId: w.instanceMeetingB, title: 'Pirate', question: 'Pirate ?', counts: [{ for: 1, against: 0, abstain: 0 }] } }),
    'team',
  ),
  'Mutation.approveMeetingMinutes': async (w) => {
    const q = `mutation($m: ID!, $at: ID!) { approveMeetingMinutes(meetingId: $m, atMeetingId: $at) }`;
    await governanceCommand(q, (x) => ({ m: x.instanceMeetingB, at: x.instanceMeetingB }), 'team')(w);
    // Nor are A's minutes approved "at" B's meeting, or B's at A's.
    for (const vars of [
      { m: w.instanceMeetingA, at: w.instanceMeetingB },
      { m: w.instanceMeetingB, at: w.instanceMeetingA },
    ])
      denied(await w.coordA.request(q, vars), 'NOT_FOUND');
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'Query.paymentLines': async (w) => {
    const q = `query($f: PaymentLinesFilter!) { paymentLines(filter: $f) { id } }`;
    for (const client of [w.coordA, w.staffA]) {
      for (const f of [{ year: Y - 1 }, { year: Y - 1, professionalId: w.proB }])
        expect((await client.ok<{ paymentLines: Array<{ id: string }> }>(q, { f })).paymentLines).toEqual([]);
    }
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { f: { year: Y - 1 } }), 'FORBIDDEN');
  },
  'Query.paymentYear': async (w) => {
    const q = `query($y: Int!) { paymentYear(year: $y) { professionals { professionalId } } }`;
    for (const client of [w.coordA, w.staffA]) expect((await client.ok<{ paymentYear: { professionals: unknown[] } }>(q, { y: Y - 1 })).paymentYear.professionals).toEqual([]);
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { y: Y - 1 }), 'FORBIDDEN');
  },
  'Query.paymentStatement': paymentCommand(`query($p: ID!, $y: Int!) { paymentStatement(professionalId: $p, year: $y) { totalCents lines { id } } }`, (w) => ({
    p: w.proB,
    y: Y - 1,
  })),
  'Mutation.markPaymentLinesPaid': paymentCommand(`mutation($i: MarkPaidInput!) { markPaymentLinesPaid(input: $i) { id } }`, (w) => ({
    i: { lineIds: [w.paymentLineB], paidOn: `${Y - 1}-12-01`, reference: 'VIR-PIRATE' },
  })),
  'Mutation.cancelPaymentLine': paymentCommand(`mutation($id: ID!) { cancelPaymentLine(id: $id, reason: "Pirate") { id } }`, (w) => ({ id: w.paymentLineB })),
  // B's bureau's meeting: A's team finds no such meeting.
  'Mutation.generateMeetingIndemnities': paymentCommand(`mutation($m: ID!) { generateMeetingIndemnities(meetingId: $m) { amountCents } }`, (w) => ({ m: w.instanceMeetingB })),
  'Query.paymentSettings': async (w) => {
    const q = `{ paymentSettings { indemnityHourlyRateCents } }`;
    for (const client of [w.coordA, w.staffA]) expect((await client.ok<{ paymentSettings: { indemnityHourlyRateCents: number | null } }>(q)).paymentSettings.indemnityHourlyRateCents).not.toBe(4_000);
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q), 'FORBIDDEN');
  },
  'Mutation.updatePaymentSettings': async (w) => {
    // A's coordinator sets A's rate; B's stays B's.
    const q = `mutation($r: Int!) { updatePaymentSettings(indemnityHourlyRateCents: $r) { indemnityHourlyRateCents } }`;
    expect(await w.coordA.ok(q, { r: 2_500 })).toEqual({ updatePaymentSettings: { indemnityHourlyRateCents: 2_500 } });
    for (const client of [w.staffA, w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { r: 2_500 }), 'FORBIDDEN');
    expect(await paymentsOfB(w)).toEqual(PAYMENTS_OF_B(w));
  },
  'Query.passCeilings': passCommand(`{ passCeilings { year amountCents } }`),
  // A far year, so that no test's payments meet it.
  'Mutation.setPassCeiling': passCommand(`mutation { setPassCeiling(year: 2199, amountCents: 9900000) { year } }`),
  // The region's table: the officer reads the CPTS they follow, a region admin their region's, nobody a CPTS outside; CPTS people are refused.
  'Query.regionOverview': async (w) => {
    const q = `query($ids: [ID!]) { regionOverview(cptsIds: $ids) { rows { cptsId name current { professionals members } health { level } } } }`;
    type Rows = { regionOverview: { rows: Array<{ cptsId: string; name: string }> } };
    for (const client of tenantRoles(w)) denied(await client.request(q), 'FORBIDDEN');
    expect((await w.missionA.ok<Rows>(q)).regionOverview.rows.map((r) => r.cptsId)).toEqual([w.a.id]);
    denied(await w.missionA.request(q, { ids: [w.b.id] }), 'NOT_FOUND');
    expect((await w.adminR2.ok<Rows>(q)).regionOverview.rows.map((r) => r.cptsId)).toEqual([w.c.id]);
    denied(await w.adminR2.request(q, { ids: [w.a.id] }), 'NOT_FOUND');
    // Not vacuous: the admin of B's region reads B.
    expect((await w.adminR1.ok<Rows>(q, { ids: [w.b.id] })).regionOverview.rows.map((r) => r.name)).toEqual(['CPTS Bravo']);
  },
  'Query.observatoryTrend': async (w) => {
    await w.adminR1.ok(`mutation { takeRegionSnapshot { count } }`);
    const q = `{ observatoryTrend(indicator: PROFESSIONALS) { cpts { cptsId name } } }`;
    type Trend = { observatoryTrend: { cpts: Array<{ cptsId: string; name: string }> } };
    for (const client of tenantRoles(w)) denied(await client.request(q), 'FORBIDDEN');
    expect((await w.missionA.ok<Trend>(q)).observatoryTrend.cpts.map((c) => c.cptsId)).toEqual([w.a.id]);
    const r2 = (await w.adminR2.ok<Trend>(q)).observatoryTrend.cpts.map((c) => c.cptsId);
    expect(r2.filter((id) => id === w.a.id || id === w.b.id)).toEqual([]);
    expect((await w.adminR1.ok<Trend>(q)).observatoryTrend.cpts.map((c) => c.cptsId)).toContain(w.b.id);
  },
  'Mutation.takeRegionSnapshot': async (w) => {
    const q = `mutation($r: ID) { takeRegionSnapshot(regionId: $r) { count } }`;
    for (const client of [...tenantRoles(w), w.missionA]) denied(await client.request(q), 'FORBIDDEN');
    denied(await w.adminR2.request(q, { r: w.region1 }), 'FORBIDDEN');
    expect((await w.adminR2.ok<{ takeRegionSnapshot: { count: number } }>(q)).takeRegionSnapshot.count).toBeGreaterThanOrEqual(1);
    const trend = await w.adminR2.ok<{ observatoryTrend: { cpts: Array<{ cptsId: string }> } }>(`{ observatoryTrend(indicator: MEMBERS) { cpts { cptsId } } }`);
    expect(trend.observatoryTrend.cpts.map((c) => c.cptsId).filter((id) => id === w.a.id || id === w.b.id)).toEqual([]);
  },
  ...EVALUATION_CASES,
  ...SURVEY_CASES,
  ...RESOURCE_CASES,
};

const WEBHOOK_TOKEN = 'jeton-du-webhook-des-tests-inter-cpts';

/** GraphQL's two routes: every operation has its case in CASES or PUBLIC above. */
const GRAPHQL_ROUTES = ['GET /graphql', 'POST /graphql'];

/** Plain HTTP routes that show no CPTS's data, with the reason. */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /health/live': 'public, because it answers {status: ok} and nothing else',
  'GET /health/ready': 'public, because it reports whether PostgreSQL and Redis answer, nothing of any CPTS',
  'GET /metrics': 'public (or behind METRICS_TOKEN), because its figures are per route, operation and queue, never per CPTS',
};

const get = (w: World, client: GraphQLClient | null, url: string, init: RequestInit = {}) =>
  fetch(`${w.h.gateway.url}${url}`, { ...init, redirect: 'manual', headers: { ...(client ? { authorization: `Bearer ${client.accessToken}` } : {}), ...(init.headers as Record<string, string>) } });

/** What a person could read in an answer: text, JSON, or the sheets of an Excel workbook. */
async function readable(res: Response): Promise<string> {
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!res.headers.get('content-type')?.includes('spreadsheetml')) return bytes.toString('utf8');
  const dir = mkdtempSync(path.join(tmpdir(), 'cross-tenant-'));
  try {
    writeFileSync(path.join(dir, 'f.xlsx'), bytes);
    return execFileSync('/usr/bin/unzip', ['-p', path.join(dir, 'f.xlsx')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The public join form, as the join page posts it (from Bravo). */
const askToJoin = (w: World, token: string) =>
  get(w, null, `/api/public/working-groups/${token}/join-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ firstName: 'Bravo', lastName: 'Bravo', email: 'bravo@exemple.fr', profession: 'Infirmière' }),
  });
/** B's pending join requests as B's coordinator sees them. */
const joinRequestsOfB = async (w: World) =>
  (await w.coordB.ok<{ workingGroup: { joinRequests: Array<{ id: string }> } }>(`query($id: ID!) { workingGroup(id: $id) { joinRequests { id } } }`, { id: w.groupB })).workingGroup.joinRequests.map((r) => r.id);
/** A join link signed for CPTS A naming B's group: it must reach nothing. */
const crossedJoin = (w: World) => w.joinLinks.token({ tenantId: w.a.id, groupId: w.groupB });
/** A text file attached to a meeting, as the web app sends it. */
const uploadDocument = (w: World, client: GraphQLClient, meetingId: string) =>
  get(w, client, `/api/meetings/${meetingId}/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'notes-bravo.txt' },
    body: 'Notes de la réunion de Bravo',
  });
/** B's meeting documents as B's coordinator sees them. */
const documentsOfB = async (w: World) =>
  (await w.coordB.ok<{ meeting: { documents: Array<{ id: string }> } }>(`query($id: ID!) { meeting(id: $id) { documents { id } } }`, { id: w.meetingB })).meeting.documents.map((d) => d.id);
/** Refused (403 or 404 as given) with nothing of CPTS B's in the answer. */
async function refusedWithNothingOfB(res: Response, statuses: number[]) {
  const body = await readable(res);
  expect({ refused: statuses.includes(res.status) ? 'yes' : res.status, leaks: ['Bravo', 'bravo@exemple.fr', 'cpts.test/b'].filter((s) => body.includes(s)) }).toEqual({ refused: 'yes', leaks: [] });
}

/** An export route: A's team gets A's rows only, the other roles of A are refused, B's team gets B's rows (so the check is not vacuous). */
const exportRoute = (url: (w: World) => string, options: { aFinds: 'nothing' | 'own' }) => async (w: World) => {
  for (const client of [w.coordA, w.staffA]) {
    const res = await get(w, client, url(w));
    if (options.aFinds === 'nothing') await refusedWithNothingOfB(res, [404]);
    else {
      // Filtered on B's communes: A's own export, and no row of B's (B's commune codes stand for its rows).
      expect(res.status).toBe(200);
      const body = await readable(res);
      expect(w.b.communes.filter((code) => body.includes(code))).toEqual([]);
    }
  }
  for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await get(w, client, url(w)), [403]);
  const own = await get(w, w.coordB, url(w));
  expect(own.status).toBe(200);
  expect(await readable(own)).toContain('Bravo');
};

/** A public link's token, signed like the gateway's, naming CPTS A with B's delivery: it must reach nothing. */
const crossed = (w: World) => w.links.forDelivery(w.a.id, w.a.slug, w.deliveryB);
/** B's own token for its delivery. */
const ownOfB = (w: World) => tokenOf(w.links.forDelivery(w.b.id, w.b.slug, w.deliveryB).unsubscribeUrl);
const tokenOf = (url: string) => url.split('/').pop() as string;

/** A vote link signed for CPTS A naming one of B's voters: it must reach nothing. */
const crossedVote = (w: World, voterId = w.voterB) => w.decisionLinks.token({ tenantId: w.a.id, voterId });
/** B's own vote link for one of its voters. */
const ownVote = (w: World, voterId = w.voterB) => w.decisionLinks.token({ tenantId: w.b.id, voterId });
/** The vote page's API (a GET, or a POST of `body`), from an address of its own: the public routes are limited per address. */
const votePage = (w: World, client: GraphQLClient | null, path: string, body?: unknown) =>
  get(w, client, `/api/public/decisions/${path}`, {
    ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
    headers: { 'x-forwarded-for': '203.0.113.18', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  });
/** A text file attached to a decision, as the web app sends it. */
const uploadDecisionDocument = (w: World, client: GraphQLClient | null, decisionId: string, fileName = 'devis-bravo.txt') =>
  get(w, client, `/api/governance/decisions/${decisionId}/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': fileName },
    body: 'Devis de Bravo',
  });
/** B's draft project under a proposer link signed for A: it must reach nothing. */
const crossedProposer = (w: World) => w.proposerLinks.token(w.a.id, w.draftProjectB);
const ownProposer = (w: World) => w.proposerLinks.token(w.b.id, w.draftProjectB);
/** The public calls API (a GET, or `method` with a JSON `body` or a file), from an address of its own. */
const publicCalls = (w: World, client: GraphQLClient | null, url: string, method = 'GET', body?: unknown) =>
  get(w, client, url, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    headers: {
      'x-forwarded-for': '203.0.113.19',
      ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'application/octet-stream' : 'application/json' }),
      ...(typeof body === 'string' ? { 'x-file-name': 'pirate.txt' } : {}),
    },
  });
/** What the public side of the calls may change in B: its projects, their history, threads and files, a co-carrier entered, a link emailed. */
const publicCallsOfB = (w: World) =>
  w.h.data.inTenant(w.b.id, async (db) => ({
    projects: (await db.query(`SELECT id, status, title, summary, co_carriers, criteria, updated_at FROM call_projects WHERE tenant_id = $1 ORDER BY id`, [w.b.id])).rows,
    events: (await db.query(`SELECT count(*)::int AS n FROM call_project_events WHERE tenant_id = $1`, [w.b.id])).rows[0].n,
    comments: (await db.query(`SELECT count(*)::int AS n FROM call_project_comments WHERE tenant_id = $1`, [w.b.id])).rows[0].n,
    documents: (await db.query(`SELECT id FROM call_project_documents WHERE tenant_id = $1 ORDER BY id`, [w.b.id])).rows,
    pirates: (await db.query(`SELECT count(*)::int AS n FROM professionals WHERE tenant_id = $1 AND last_name = 'Pirate'`, [w.b.id])).rows[0].n,
    mailsToProposer: (await db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE tenant_id = $1 AND to_address = 'porteur@bravo.fr'`, [w.b.id])).rows[0].n,
  }));
/** A proposer route under B's draft's link signed for A: 404 to anyone, nothing of B's in the answer, nothing of B's changed. */
const proposerRoute = (method: string, suffix: string, body?: unknown) => async (w: World) => {
  for (const client of [null, w.coordA]) await refusedWithNothingOfB(await publicCalls(w, client, `/api/public/projects/${crossedProposer(w)}${suffix}`, method, body), [404]);
  expect(await publicCallsOfB(w)).toEqual(w.publicCallsB);
  expect(await callsOfB(w)).toEqual(w.callsB);
};
const proposal = (w: World) => ({ firstName: 'Porteur', lastName: 'Bravo', professionCode: '40', communeCode: w.b.communes[0], email: 'porteur@bravo.fr', title: 'Pirate' });
/** A call's public route under A's address with B's call's address: A has no such published call (at most a draft of that name). */
const callRoute = (method: string, suffix: string, body?: (w: World) => unknown) => async (w: World) => {
  await refusedWithNothingOfB(await publicCalls(w, null, `/api/public/calls/${w.a.slug}/pro-actif-bravo${suffix}`, method, body?.(w)), [404]);
  expect(await publicCallsOfB(w)).toEqual(w.publicCallsB);
};

/** The register's export: A's team and board get A's register (its closed decision) and nothing of B's; members and region people are refused; B's team gets B's. */
const registerRoute = (ext: 'csv' | 'xlsx') => async (w: World) => {
  const url = `/api/governance/register.${ext}`;
  for (const client of [w.coordA, w.staffA, w.boardA]) {
    const res = await get(w, client, url);
    expect(res.status).toBe(200);
    const body = await readable(res);
    expect(body).toContain('Vote clos Alpha');
    expect(body).not.toContain('Bravo');
  }
  for (const client of [w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await get(w, client, url), [403]);
  await refusedWithNothingOfB(await get(w, null, url), [401]);
  const own = await get(w, w.coordB, url);
  expect(own.status).toBe(200);
  expect(await readable(own)).toContain('Vote clos Bravo');
};

const ROUTES: Record<string, (w: World) => Promise<void>> = {
  'GET /api/public/action-items/:token': async (w) => {
    const crossedItem = w.meetingLinks.actionToken({ tenantId: w.a.id, inviteeId: w.actionB });
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await get(w, client, `/api/public/action-items/${crossedItem}`), [404]);
    const own = await get(w, null, `/api/public/action-items/${w.meetingLinks.actionToken({ tenantId: w.b.id, inviteeId: w.actionB })}`);
    expect(((await own.json()) as { title: string }).title).toBe('Action de B');
  },
  'POST /api/public/action-items/:token/done': async (w) => {
    const crossedItem = w.meetingLinks.actionToken({ tenantId: w.a.id, inviteeId: w.actionB });
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await get(w, client, `/api/public/action-items/${crossedItem}/done`, { method: 'POST' }), [404]);
    expect((await w.coordB.ok<{ actionItems: Array<{ status: string }> }>(`{ actionItems { status } }`)).actionItems).toEqual([{ status: 'OPEN' }]);
  },
  'GET /api/public/working-groups/:token': async (w) => {
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await get(w, client, `/api/public/working-groups/${crossedJoin(w)}`), [404]);
    const own = await get(w, null, `/api/public/working-groups/${w.joinLinks.token({ tenantId: w.b.id, groupId: w.groupB })}`);
    expect([own.status, ((await own.json()) as { groupName: string }).groupName]).toEqual([200, 'Groupe B']);
  },
  'POST /api/public/working-groups/:token/join-requests': async (w) => {
    await refusedWithNothingOfB(await askToJoin(w, crossedJoin(w)), [404]);
    expect(await joinRequestsOfB(w)).toEqual([w.joinRequestB]);
  },
  'GET /api/meetings/documents/:id': async (w) => {
    for (const client of tenantRoles(w)) await refusedWithNothingOfB(await get(w, client, `/api/meetings/documents/${w.documentB}`), [404]);
    for (const client of [null, w.missionA, w.adminR1]) await refusedWithNothingOfB(await get(w, client, `/api/meetings/documents/${w.documentB}`), [401, 403]);
    const own = await get(w, w.coordB, `/api/meetings/documents/${w.documentB}`);
    expect([own.status, await own.text()]).toEqual([200, 'Notes de la réunion de Bravo']);
  },
  'POST /api/meetings/:meetingId/documents': async (w) => {
    for (const meetingId of [w.meetingB, w.instanceMeetingB]) {
      for (const client of tenantRoles(w)) await refusedWithNothingOfB(await uploadDocument(w, client, meetingId), [404]);
      for (const client of [w.missionA, w.adminR1]) await refusedWithNothingOfB(await uploadDocument(w, client, meetingId), [403]);
    }
    expect(await documentsOfB(w)).toEqual([w.documentB]);
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'GET /api/public/meeting-polls/:token': async (w) => {
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await get(w, client, `/api/public/meeting-polls/${crossedPoll(w)}`), [404]);
    const own = await get(w, null, `/api/public/meeting-polls/${w.meetingLinks.pollToken({ tenantId: w.b.id, inviteeId: w.pollInviteeB })}`);
    expect(((await own.json()) as { title: string }).title).toBe('Sondage de B');
  },
  'POST /api/public/meeting-polls/:token/answers': async (w) => {
    for (const client of [null, w.coordA]) {
      const res = await get(w, client, `/api/public/meeting-polls/${crossedPoll(w)}/answers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers: [{ slotId: w.pollSlotB, answer: 'yes' }] }),
      });
      await refusedWithNothingOfB(res, [404]);
    }
    expect(await pollOfB(w)).toEqual({ status: 'OPEN', answeredCount: 0 });
  },
  'GET /api/public/meetings/:token': async (w) => {
    // B's invitee under a token signed for A reaches nothing; B's own token reads B's invitation (so the check is not vacuous).
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await get(w, client, `/api/public/meetings/${crossedMeeting(w)}`), [404]);
    const crossedInstance = w.meetingLinks.token({ tenantId: w.a.id, inviteeId: w.instanceInviteeB });
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await get(w, client, `/api/public/meetings/${crossedInstance}`), [404]);
    const own = await get(w, null, `/api/public/meetings/${w.meetingLinks.token({ tenantId: w.b.id, inviteeId: w.meetingInviteeB })}`);
    expect(((await own.json()) as { title: string }).title).toBe('Réunion de B');
  },
  'POST /api/public/meetings/:token/reply': async (w) => {
    for (const client of [null, w.coordA]) {
      const res = await get(w, client, `/api/public/meetings/${crossedMeeting(w)}/reply`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reply: 'absent' }) });
      await refusedWithNothingOfB(res, [404]);
    }
    expect((await meetingOfB(w)).invitees).toEqual([{ reply: null }]);
  },
  'GET /api/public/meetings/:token/invitation.ics': async (w) => {
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await get(w, client, `/api/public/meetings/${crossedMeeting(w)}/invitation.ics`), [404]);
  },
  'GET /api/directory/professionals/:id/export.json': exportRoute((w) => `/api/directory/professionals/${w.proB}/export.json`, { aFinds: 'nothing' }),
  'GET /api/directory/professionals.csv': exportRoute((w) => `/api/directory/professionals.csv?communes=${w.b.communes.join(',')}`, { aFinds: 'own' }),
  'GET /api/directory/professionals.xlsx': exportRoute((w) => `/api/directory/professionals.xlsx?communes=${w.b.communes.join(',')}`, { aFinds: 'own' }),
  'GET /api/campaigns/:id/follow-up.csv': exportRoute((w) => `/api/campaigns/${w.campaignB}/follow-up.csv`, { aFinds: 'nothing' }),
  'GET /api/campaigns/:id/follow-up.xlsx': exportRoute((w) => `/api/campaigns/${w.campaignB}/follow-up.xlsx`, { aFinds: 'nothing' }),
  'POST /api/directory/imports': async (w) => {
    const upload = (client: GraphQLClient) =>
      get(w, client, '/api/directory/imports', {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'PS_LibreAcces_Personne_activite_202611010930.txt' },
        body: "Identification nationale PP|Nom d'exercice|\n",
      });
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await upload(client), [403]);
    // An upload lands in the uploader's CPTS (a CPTS of its own here, so A's and B's lists stay as the cases above expect).
    const d = await w.h.data.cpts(w.region1, { name: 'CPTS Delta', departement: '79', communes: 1 });
    const coordD = await w.h.signedIn((await w.h.data.user([{ role: Role.COORDINATOR, tenantId: d.id }])).email);
    const res = await upload(coordD);
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { data: { directoryImport: { id: string } } }).data.directoryImport.id;
    const q = `query($id: ID!) { directoryImport(id: $id) { id } }`;
    denied(await w.coordB.request(q, { id }), 'NOT_FOUND');
    expect((await w.coordB.ok<{ directoryImports: Array<{ id: string }> }>(`{ directoryImports { id } }`)).directoryImports.map((i) => i.id)).toEqual([w.importB]);
    expect((await coordD.ok<{ directoryImport: { id: string } }>(q, { id })).directoryImport.id).toBe(id);
  },
  'GET /api/public/cpts/:slug/directory': async (w) => {
    // A listed professional of B: A's page never shows them, whoever asks (a session of A plays no part); B's page does.
    const listed = await w.h.data.professional(w.b.id, w.b.communes[0], { lastName: 'Publiquebravo' });
    await w.coordB.ok(`mutation($p: ID!) { giveConsent(professionalId: $p, purpose: PUBLIC_LISTING, method: FORM, wordingVersion: "public_listing.2026-11") { id } }`, { p: listed });
    const pageOf = async (slug: string, client: GraphQLClient | null) => {
      const res = await get(w, client, `/api/public/cpts/${slug}/directory`);
      expect(res.status).toBe(200);
      return (await res.json()) as { cpts: { slug: string } };
    };
    for (const client of [null, w.coordA]) {
      const pageA = await pageOf(w.a.slug, client);
      expect(pageA.cpts.slug).toBe(w.a.slug);
      expect(JSON.stringify(pageA)).not.toContain('Publiquebravo');
    }
    expect(JSON.stringify(await pageOf(w.b.slug, w.coordA))).toContain('Publiquebravo');
  },
  'GET /api/public/c/:token': async (w) => {
    // B's own token leads to B's link (HEAD: no click recorded); the same delivery under A's name leads nowhere.
    const own = await get(w, null, tokenOfUrl(w.links.forDelivery(w.b.id, w.b.slug, w.deliveryB).track(0)), { method: 'HEAD' });
    expect([own.status, own.headers.get('location')]).toEqual([302, 'https://cpts.test/b']);
    for (const client of [null, w.coordA]) {
      const res = await get(w, client, tokenOfUrl(crossed(w).track(0)));
      expect([res.status, res.headers.get('location')]).toEqual([404, null]);
      expect(await res.text()).not.toContain('cpts.test/b');
    }
    expect(await w.coordB.ok(`query($id: ID!) { campaignReport(campaignId: $id) { uniqueClickers } }`, { id: w.campaignB })).toEqual({ campaignReport: { uniqueClickers: 0 } });
  },
  'GET /api/public/preferences/:token': async (w) => {
    // An address of before (no CPTS in it): redirected to the token's CPTS's address, whoever calls (here a session of A).
    const own = await get(w, w.coordA, `/api/public/preferences/${ownOfB(w)}`);
    expect([own.status, own.headers.get('location')]).toEqual([308, `/api/public/cpts/${w.b.slug}/preferences/${ownOfB(w)}`]);
    // A token naming A with B's delivery: sent to A's address (the token's CPTS), where it reaches nothing.
    const token = tokenOf(crossed(w).unsubscribeUrl);
    for (const client of [null, w.coordA]) {
      const res = await get(w, client, `/api/public/preferences/${token}`);
      expect([res.status, res.headers.get('location')]).toEqual([308, `/api/public/cpts/${w.a.slug}/preferences/${token}`]);
      await refusedWithNothingOfB(await get(w, client, res.headers.get('location') as string), [404]);
    }
  },
  'GET /api/public/cpts/:slug/preferences/:token': async (w) => {
    // B's token at A's address reaches nothing; at B's address, B's page (so the check is not vacuous).
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await get(w, client, `/api/public/cpts/${w.a.slug}/preferences/${ownOfB(w)}`), [404]);
    const own = await get(w, null, `/api/public/cpts/${w.b.slug}/preferences/${ownOfB(w)}`);
    expect(((await own.json()) as { cpts: { name: string } }).cpts.name).toBe('CPTS Bravo');
  },
  'POST /api/public/cpts/:slug/preferences/:token': async (w) => {
    for (const client of [null, w.coordA]) {
      const res = await get(w, client, `/api/public/cpts/${w.a.slug}/preferences/${ownOfB(w)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ purpose: 'pro_newsletter', receive: false }),
      });
      await refusedWithNothingOfB(res, [404]);
    }
    expect((await consentsOfB(w)).find((c) => c.purpose === 'PRO_NEWSLETTER')?.status).toBeNull();
  },
  'POST /api/public/cpts/:slug/unsubscribe/:token': async (w) => {
    for (const client of [null, w.coordA]) {
      const res = await get(w, client, `/api/public/cpts/${w.a.slug}/unsubscribe/${ownOfB(w)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      await refusedWithNothingOfB(res, [404]);
    }
    expect((await consentsOfB(w)).find((c) => c.purpose === 'PRO_NEWSLETTER')?.status).toBeNull();
  },
  'GET /api/public/cpts/:slug/unsubscribe/:token': async (w) => {
    // A GET never acts; B's token at A's address leads nowhere (a French page), at B's to B's preferences page.
    const res = await get(w, w.coordA, `/api/public/cpts/${w.a.slug}/unsubscribe/${ownOfB(w)}`);
    expect([res.status, res.headers.get('location')]).toEqual([404, null]);
    const own = await get(w, null, `/api/public/cpts/${w.b.slug}/unsubscribe/${ownOfB(w)}`);
    expect([own.status, own.headers.get('location')]).toEqual([303, `${process.env.APP_URL}/cpts/${w.b.slug}/preferences/${ownOfB(w)}`]);
    expect((await consentsOfB(w)).find((c) => c.purpose === 'PRO_NEWSLETTER')?.status).toBeNull();
  },
  'POST /api/public/preferences/:token': async (w) => {
    for (const client of [null, w.coordA]) {
      const res = await get(w, client, `/api/public/preferences/${tokenOf(crossed(w).unsubscribeUrl)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ purpose: 'pro_newsletter', receive: false }),
      });
      await refusedWithNothingOfB(res, [404]);
    }
    expect((await consentsOfB(w)).find((c) => c.purpose === 'PRO_NEWSLETTER')?.status).toBeNull();
  },
  'POST /api/public/unsubscribe/:token': async (w) => {
    for (const client of [null, w.coordA]) {
      const res = await get(w, client, `/api/public/unsubscribe/${tokenOf(crossed(w).unsubscribeUrl)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      await refusedWithNothingOfB(res, [404]);
    }
    expect((await consentsOfB(w)).find((c) => c.purpose === 'PRO_NEWSLETTER')?.status).toBeNull();
  },
  'GET /api/public/unsubscribe/:token': async (w) => {
    // A GET never acts: a token naming A with B's delivery leads to A's page (the token's CPTS), which finds nothing; B's own, to B's page.
    const token = tokenOf(crossed(w).unsubscribeUrl);
    const res = await get(w, w.coordA, `/api/public/unsubscribe/${token}`);
    expect([res.status, res.headers.get('location')]).toEqual([303, `${process.env.APP_URL}/cpts/${w.a.slug}/preferences/${token}`]);
    await refusedWithNothingOfB(await get(w, w.coordA, `/api/public/cpts/${w.a.slug}/preferences/${token}`), [404]);
    const own = await get(w, null, `/api/public/unsubscribe/${ownOfB(w)}`);
    expect([own.status, own.headers.get('location')]).toEqual([303, `${process.env.APP_URL}/cpts/${w.b.slug}/preferences/${ownOfB(w)}`]);
    expect((await consentsOfB(w)).find((c) => c.purpose === 'PRO_NEWSLETTER')?.status).toBeNull();
  },
  'POST /api/mail/bounces': async (w) => {
    // The webhook acts in the CPTS its signed token names: a bounce token naming A with B's delivery touches neither.
    const verp = w.links.bounceAddress(w.a.id, w.deliveryB) as string;
    const suppressions = async () =>
      Promise.all([w.a.id, w.b.id].map(async (tenantId) => (await w.h.data.inTenant(tenantId, (db) => db.query(`SELECT email, reason FROM email_suppressions WHERE tenant_id = $1 ORDER BY email`, [tenantId]))).rows));
    const before = await suppressions();
    const res = await get(w, null, '/api/mail/bounces', {
      method: 'POST',
      headers: { authorization: `Bearer ${WEBHOOK_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'hard_bounce', token: verp }),
    });
    expect([res.status, await res.json()]).toEqual([200, { result: 'ignored', reason: 'delivery no longer exists' }]);
    expect(await suppressions()).toEqual(before);
  },
  'GET /api/public/decisions/:token': async (w) => {
    // B's voter under a token signed for A reaches nothing; B's own token reads B's vote page (so the check is not vacuous), and records nothing.
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await votePage(w, client, crossedVote(w)), [404]);
    const own = await votePage(w, null, ownVote(w));
    expect(own.status).toBe(200);
    expect(((await own.json()) as { title: string; voter: { name: string } }).title).toBe('Vote ouvert Bravo');
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'POST /api/public/decisions/:token/vote': async (w) => {
    for (const client of [null, w.coordA]) {
      for (const voterId of [w.voterB, w.closedVoterB]) await refusedWithNothingOfB(await votePage(w, client, `${crossedVote(w, voterId)}/vote`, { choice: 'for' }), [404]);
    }
    // B's own token reaches B's voter: the closed decision says so, nothing recorded.
    expect((await votePage(w, null, `${ownVote(w, w.closedVoterB)}/vote`, { choice: 'against' })).status).toBe(409);
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'POST /api/public/decisions/:token/conflict': async (w) => {
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await votePage(w, client, `${crossedVote(w)}/conflict`, { note: 'Pirate' }), [404]);
    expect((await votePage(w, null, `${ownVote(w, w.closedVoterB)}/conflict`, { note: 'Tardif' })).status).toBe(409);
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'POST /api/public/decisions/:token/proxy': async (w) => {
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await votePage(w, client, `${crossedVote(w)}/proxy`, { holderId: w.closedVoterB }), [404]);
    // B's own token: taking back a proxy never given changes nothing, and answers B's page.
    const own = await votePage(w, null, `${ownVote(w)}/proxy`, { holderId: null });
    expect([own.status, ((await own.json()) as { voter: { proxyToId: string | null } }).voter.proxyToId]).toEqual([200, null]);
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'POST /api/public/decisions/:token/comment': async (w) => {
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await votePage(w, client, `${crossedVote(w)}/comment`, { body: 'Pirate' }), [404]);
    expect((await votePage(w, null, `${ownVote(w, w.closedVoterB)}/comment`, { body: 'Tardif' })).status).toBe(409);
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'GET /api/public/decisions/:token/documents/:id': async (w) => {
    // B's document of the open decision: never under a token signed for A; with B's own token, only the voter's own decision's file.
    for (const client of [null, w.coordA]) await refusedWithNothingOfB(await votePage(w, client, `${crossedVote(w)}/documents/${w.openDocumentB}`), [404]);
    const own = await votePage(w, null, `${ownVote(w)}/documents/${w.openDocumentB}`);
    expect([own.status, await own.text()]).toEqual([200, 'Devis de Bravo']);
    for (const other of [w.draftDocumentB, w.documentB]) await refusedWithNothingOfB(await votePage(w, null, `${ownVote(w)}/documents/${other}`), [404]);
    await refusedWithNothingOfB(await votePage(w, null, `${ownVote(w, w.closedVoterB)}/documents/${w.openDocumentB}`), [404]);
  },
  'POST /api/governance/decisions/:decisionId/documents': async (w) => {
    for (const client of [w.coordA, w.staffA, w.boardA]) await refusedWithNothingOfB(await uploadDecisionDocument(w, client, w.draftDecisionB, 'pirate.txt'), [404]);
    for (const client of [w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await uploadDecisionDocument(w, client, w.draftDecisionB, 'pirate.txt'), [403]);
    await refusedWithNothingOfB(await uploadDecisionDocument(w, null, w.draftDecisionB, 'pirate.txt'), [401]);
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  },
  'GET /api/governance/documents/:id': async (w) => {
    for (const id of [w.draftDocumentB, w.openDocumentB]) {
      for (const client of tenantRoles(w)) await refusedWithNothingOfB(await get(w, client, `/api/governance/documents/${id}`), [404]);
      for (const client of [null, w.missionA, w.adminR1]) await refusedWithNothingOfB(await get(w, client, `/api/governance/documents/${id}`), [401, 403]);
    }
    const own = await get(w, w.coordB, `/api/governance/documents/${w.draftDocumentB}`);
    expect([own.status, await own.text()]).toEqual([200, 'Devis de Bravo']);
  },
  'GET /api/governance/register.csv': registerRoute('csv'),
  'GET /api/governance/register.xlsx': registerRoute('xlsx'),
  'GET /api/calls/:id/summary.xlsx': async (w) => {
    const url = (id: string) => `/api/calls/${id}/summary.xlsx`;
    for (const client of [w.coordA, w.staffA, w.boardA]) await refusedWithNothingOfB(await get(w, client, url(w.callB)), [404]);
    for (const client of [w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await get(w, client, url(w.callB)), [403]);
    await refusedWithNothingOfB(await get(w, null, url(w.callB)), [401]);
    // A's team gets A's call, nothing of B's; B's coordinator gets B's (so the refusals are not vacuous).
    const own = await get(w, w.coordA, url(w.callA));
    expect(own.status).toBe(200);
    expect(await readable(own)).not.toContain('Bravo');
    const ofB = await get(w, w.coordB, url(w.callB));
    expect(ofB.status).toBe(200);
    expect(await readable(ofB)).toContain('Salle Bravo');
  },
  'GET /api/public/calls/:cptsSlug/:callSlug': async (w) => {
    await callRoute('GET', '')(w);
    // B's own address shows B's call (so the refusal is not vacuous).
    const own = await publicCalls(w, null, `/api/public/calls/${w.b.slug}/pro-actif-bravo`);
    expect([own.status, ((await own.json()) as { call: { title: string } }).call.title]).toEqual([200, 'Pro Actif Pirate']);
  },
  'POST /api/public/calls/:cptsSlug/:callSlug/proposals': async (w) => {
    const projectsOfA = async () => (await w.h.data.inTenant(w.a.id, (db) => db.query(`SELECT count(*)::int AS n FROM call_projects WHERE tenant_id = $1`, [w.a.id]))).rows[0].n;
    const before = await projectsOfA();
    await callRoute('POST', '/proposals', proposal)(w);
    expect(await projectsOfA()).toBe(before);
  },
  'POST /api/public/calls/:cptsSlug/:callSlug/links': callRoute('POST', '/links', () => ({ email: 'porteur@bravo.fr' })),
  'GET /api/public/projects/:token': async (w) => {
    await proposerRoute('GET', '')(w);
    const own = await publicCalls(w, null, `/api/public/projects/${ownProposer(w)}`);
    expect([own.status, ((await own.json()) as { project: { title: string } }).project.title]).toEqual([200, 'Brouillon Bravo']);
  },
  'PUT /api/public/projects/:token': proposerRoute('PUT', '', { form: { title: 'Pirate' } }),
  'POST /api/public/projects/:token/submit': proposerRoute('POST', '/submit'),
  'POST /api/public/projects/:token/comments': proposerRoute('POST', '/comments', { body: 'Pirate' }),
  'POST /api/public/projects/:token/co-carriers': async (w) => {
    await proposerRoute('POST', '/co-carriers', { firstName: 'Pirate', lastName: 'Pirate', professionCode: '40', communeCode: w.b.communes[0] })(w);
  },
  'POST /api/public/projects/:token/renew': proposerRoute('POST', '/renew'),
  'POST /api/public/projects/:token/documents': proposerRoute('POST', '/documents', 'Fichier pirate'),
  'DELETE /api/public/projects/:token/documents/:id': async (w) => proposerRoute('DELETE', `/documents/${w.projectDocumentB}`)(w),
  'GET /api/public/projects/:token/documents/:id': async (w) => {
    await proposerRoute('GET', `/documents/${w.projectDocumentB}`)(w);
    const own = await publicCalls(w, null, `/api/public/projects/${ownProposer(w)}/documents/${w.projectDocumentB}`);
    expect([own.status, await own.text()]).toEqual([200, 'Programme de Bravo']);
  },
  'GET /api/calls/project-documents/:id': async (w) => {
    const url = `/api/calls/project-documents/${w.projectDocumentB}`;
    for (const client of [w.coordA, w.staffA, w.boardA]) await refusedWithNothingOfB(await get(w, client, url), [404]);
    for (const client of [w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await get(w, client, url), [403]);
    await refusedWithNothingOfB(await get(w, null, url), [401]);
    const own = await get(w, w.coordB, url);
    expect([own.status, await own.text()]).toEqual([200, 'Programme de Bravo']);
  },
  // A's team gets A's lines of the year, nothing of B's; A's board member (not A's treasurer), members and region people are refused.
  'GET /api/payments/lines.xlsx': async (w) => {
    const url = `/api/payments/lines.xlsx?annee=${Y - 1}`;
    for (const client of [w.coordA, w.staffA]) {
      const res = await get(w, client, url);
      expect(res.status).toBe(200);
      expect(await readable(res)).not.toContain('Bravo');
    }
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await get(w, client, url), [403]);
    await refusedWithNothingOfB(await get(w, null, url), [401]);
    const own = await get(w, w.coordB, url);
    expect(own.status).toBe(200);
    expect(await readable(own)).toContain('Atelier Bravo');
  },
  // The region's exports: the officer following A gets A only, the other region's admin nothing of A or B, CPTS people are refused.
  'GET /api/region/overview.csv': async (w) => regionExport(w, '/api/region/overview.csv'),
  'GET /api/region/overview.xlsx': async (w) => regionExport(w, '/api/region/overview.xlsx'),
  'GET /api/region/observatory.csv': async (w) => {
    await w.adminR1.ok(`mutation { takeRegionSnapshot { count } }`);
    await regionExport(w, '/api/region/observatory.csv?indicator=professionals');
  },
  ...EVALUATION_ROUTES,
  ...SURVEY_ROUTES,
  ...RESOURCE_ROUTES,
};

const regionExport = async (w: World, url: string) => {
  for (const client of tenantRoles(w)) await refusedWithNothingOfB(await get(w, client, url), [403]);
  await refusedWithNothingOfB(await get(w, null, url), [401]);
  const ofA = await get(w, w.missionA, url);
  expect(ofA.status).toBe(200);
  const text = await readable(ofA);
  expect([text.includes('CPTS Alpha'), text.includes('Bravo')]).toEqual([true, false]);
  const ofR2 = await readable(await get(w, w.adminR2, url));
  expect([ofR2.includes('CPTS Alpha'), ofR2.includes('Bravo')]).toEqual([false, false]);
  expect(await readable(await get(w, w.adminR1, url))).toContain('CPTS Bravo');
};

/** The path of a tracked link (its address is the web app's, APP_URL). */
const tokenOfUrl = (url: string) => `/api/public/c/${tokenOf(url)}`;

describe('cross-tenant isolation of every GraphQL operation and HTTP route', () => {
  const w = {} as World;
  // The whole table runs through PgBouncer in transaction mode, as production with many replicas: a few server
  // connections shared by every request, each transaction on whichever is free. A mixed load of A's and B's users
  // runs beside it from the setup to the last test, sharing those connections (docs/scaling.md).
  let pgbouncer: PgBouncer | null = null;
  let load: { stop(): Promise<TenantLoadReport> } | null = null;
  const directUrl = process.env.DATABASE_URL;

  // About ten sign-ins (argon2) and the fixtures: longer than one test takes on a loaded machine.
  beforeAll(async () => {
    // The mail webhook exists with a token only: given one, so that its route is tried like the others.
    process.env.MAIL_WEBHOOK_TOKEN = WEBHOOK_TOKEN;
    pgbouncer = await startPgBouncer();
    Object.assign(process.env, { DATABASE_URL: pgbouncer.url, DATABASE_TRANSACTION_POOLING: 'true' });
    const h = await startHarness();
    w.h = h;
    w.region1 = await h.data.region('75');
    w.region2 = await h.data.region('76');
    w.a = await h.data.cpts(w.region1, { name: 'CPTS Alpha', departement: '86' });
    w.b = await h.data.cpts(w.region1, { name: 'CPTS Bravo', departement: '86' });
    w.c = await h.data.cpts(w.region2, { name: 'CPTS Charlie', departement: '87' });
    w.proB = await h.data.professional(w.b.id, w.b.communes[0], { lastName: 'Bravo' });
    await h.data.professional(w.a.id, w.a.communes[0], { lastName: 'Alpha' });
    const user = async (roles: Parameters<typeof h.data.user>[0]) => (await h.data.user(roles)).email;
    [w.coordA, w.staffA, w.boardA, w.memberA, w.coordB] = await Promise.all(
      [
        await user([{ role: Role.COORDINATOR, tenantId: w.a.id }]),
        await user([{ role: Role.STAFF, tenantId: w.a.id }]),
        await user([{ role: Role.BOARD_MEMBER, tenantId: w.a.id }]),
        await user([{ role: Role.MEMBER, tenantId: w.a.id }]),
        await user([{ role: Role.COORDINATOR, tenantId: w.b.id }]),
      ].map((email) => h.signedIn(email)),
    );
    const staffB = await h.data.user([{ role: Role.STAFF, tenantId: w.b.id }]);
    w.staffBEmail = staffB.email;
    w.adminR1 = await h.signedIn(await user([{ role: Role.REGION_ADMIN, regionId: w.region1 }]));
    w.adminR2 = await h.signedIn(await user([{ role: Role.REGION_ADMIN, regionId: w.region2 }]));
    const mission = await h.data.user([{ role: Role.MISSION_OFFICER, regionId: w.region1 }]);
    await h.data.follow(mission.id, [w.a.id]);
    w.missionAId = mission.id;
    w.missionA = await h.signedIn(mission.email);
    w.missionR2Id = (await h.data.user([{ role: Role.MISSION_OFFICER, regionId: w.region2 }])).id;
    w.platformAdmin = await h.signedIn(await user([{ role: Role.PLATFORM_ADMIN }]));
    w.invitationB = (
      await w.coordB.ok<{ inviteToCpts: { id: string } }>(`mutation($i: InviteToCptsInput!) { inviteToCpts(input: $i) { id } }`, { i: { email: 'pour-b@exemple.fr', role: 'STAFF' } })
    ).inviteToCpts.id;
    // An import of CPTS B, through the upload route (queued: no worker runs here).
    const upload = await fetch(`${h.gateway.url}/api/directory/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'PS_LibreAcces_Personne_activite_202611010930.txt', authorization: `Bearer ${w.coordB.accessToken}` },
      body: "Identification nationale PP|Nom d'exercice|\n",
    });
    w.importB = ((await upload.json()) as { data: { directoryImport: { id: string } } }).data.directoryImport.id;
    const save = `mutation($i: MembershipInput!) { saveMembership(input: $i) { id } }`;
    const base = { professionalId: w.proB, feeCents: 1500, college: 'MSP' };
    w.membershipB = (await w.coordB.ok<{ saveMembership: { id: string } }>(save, { i: { ...base, year: Y - 1, status: 'ACTIVE', paidOn: `${Y - 1}-03-01`, paymentMeans: 'TRANSFER' } })).saveMembership.id;
    w.pendingB = (await w.coordB.ok<{ saveMembership: { id: string } }>(save, { i: { ...base, year: Y, status: 'PENDING' } })).saveMembership.id;
    const sentB = await h.data.campaign(w.b.id, { bodyHtml: '<p><a href="https://cpts.test/b">B</a></p>', recipients: [{ email: 'bravo@exemple.fr', professionalId: w.proB }] });
    w.campaignB = sentB.campaignId;
    w.deliveryB = sentB.deliveryIds[0];
    w.links = new CampaignLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string, null, 'bounces@cpts.test');
    w.labelB = (await w.coordB.ok<{ createDirectoryLabel: { id: string } }>(`mutation { createDirectoryLabel(input: { name: "Étiquette B" }) { id } }`)).createDirectoryLabel.id;
    const campaign = { subject: 'Lettre de B', bodyHtml: '<p>B</p>', senderName: 'CPTS Bravo', audienceType: 'PROFESSIONALS', purpose: 'PRO_NEWSLETTER' };
    const createCampaign = `mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`;
    w.draftB = (await w.coordB.ok<{ createCampaign: { id: string } }>(createCampaign, { i: campaign })).createCampaign.id;
    w.sendingB = (await w.coordB.ok<{ createCampaign: { id: string } }>(createCampaign, { i: campaign })).createCampaign.id;
    w.groupB = (await w.coordB.ok<{ createWorkingGroup: { id: string } }>(`mutation($i: WorkingGroupInput!) { createWorkingGroup(input: $i) { id } }`, { i: GROUP_INPUT('Groupe B') })).createWorkingGroup.id;
    w.groupMemberB = (
      await w.coordB.ok<{ addWorkingGroupMembers: Array<{ id: string }> }>(`mutation($g: ID!, $u: [ID!]) { addWorkingGroupMembers(groupId: $g, userIds: $u, role: REFERENT) { id } }`, {
        g: w.groupB,
        u: [staffB.id],
      })
    ).addWorkingGroupMembers[0].id;
    w.meetingLinks = new MeetingLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
    w.joinLinks = new WorkingGroupJoinLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
    await askToJoin(w, w.joinLinks.token({ tenantId: w.b.id, groupId: w.groupB }));
    w.joinRequestB = (await joinRequestsOfB(w))[0];
    const meetingB = (
      await w.coordB.ok<{ scheduleMeeting: { id: string; invitees: Array<{ id: string }> } }>(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id invitees { id } } }`, {
        i: { ownerKind: 'working_group', ownerId: w.groupB, ...MEETING_INPUT(), title: 'Réunion de B', place: 'Chez B' },
      })
    ).scheduleMeeting;
    w.meetingB = meetingB.id;
    w.meetingInviteeB = meetingB.invitees[0].id;
    w.documentB = await uploadDocument(w, w.coordB, w.meetingB).then(async (res) => ((await res.json()) as { data: { meetingDocument: { id: string } } }).data.meetingDocument.id);
    w.actionB = (
      await w.coordB.ok<{ createActionItem: { id: string } }>(`mutation($i: ActionItemInput!) { createActionItem(input: $i) { id } }`, {
        i: { ownerKind: 'working_group', ownerId: w.groupB, title: 'Action de B', userId: staffB.id, dueOn: '2031-01-01' },
      })
    ).createActionItem.id;
    const pollB = (
      await w.coordB.ok<{ createMeetingPoll: { id: string; slots: Array<{ id: string }> } }>(`mutation($i: CreateMeetingPollInput!) { createMeetingPoll(input: $i) { id slots { id } } }`, {
        i: { ownerKind: 'working_group', ownerId: w.groupB, title: 'Sondage de B', place: 'Chez B', slots: SLOTS() },
      })
    ).createMeetingPoll;
    w.pollB = pollB.id;
    w.pollSlotB = pollB.slots[0].id;
    w.pollInviteeB = (await w.coordB.ok<{ meetingPoll: { invitees: Array<{ id: string }> } }>(`query($id: ID!) { meetingPoll(id: $id) { invitees { id } } }`, { id: w.pollB })).meetingPoll.invitees[0].id;
    // Sending without deliveries (B's professional has no address): enough for the wall; no worker runs here.
    await h.data.inTenant(w.b.id, (db) => db.query(`UPDATE campaigns SET status = 'sending', sending_started_at = now() WHERE tenant_id = $1 AND id = $2`, [w.b.id, w.sendingB]));
    // Governance of B, through B's coordinator: the bureau (proB its president), the CA, decisions, a spending, a meeting of the bureau.
    w.decisionLinks = new DecisionLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
    const createInstance = `mutation($i: InstanceInput!) { createGovernanceInstance(input: $i) { id colleges { id } } }`;
    const addMandate = `mutation($inst: ID!, $i: MandateInput!) { addMandate(instanceId: $inst, input: $i) { id } }`;
    const createDecision = async (client: GraphQLClient, instanceId: string, title: string) =>
      (await client.ok<{ createDecision: { id: string } }>(`mutation($i: DecisionInput!) { createDecision(input: $i) { id } }`, { i: DECISION_INPUT(instanceId, title) })).createDecision.id;
    const openDecision = (client: GraphQLClient, id: string) => client.ok(`mutation($id: ID!) { openDecision(id: $id) { id } }`, { id });
    const documentOf = async (res: Response) => {
      expect(res.status).toBe(201);
      return ((await res.json()) as { data: { decisionDocument: { id: string } } }).data.decisionDocument.id;
    };
    w.bureauB = (await w.coordB.ok<{ createGovernanceInstance: { id: string } }>(createInstance, { i: { kind: 'BUREAU' } })).createGovernanceInstance.id;
    const caB = (await w.coordB.ok<{ createGovernanceInstance: { id: string; colleges: Array<{ id: string }> } }>(createInstance, { i: { kind: 'CA' } })).createGovernanceInstance;
    [w.caB, w.collegeB] = [caB.id, caB.colleges[0].id];
    w.mandateB = (await w.coordB.ok<{ addMandate: { id: string } }>(addMandate, { inst: w.bureauB, i: { ...MANDATE_INPUT(w.proB), office: 'PRESIDENT' } })).addMandate.id;
    await w.coordB.ok(`mutation { updateDelegationSettings(input: { staffLimitCents: 123400, bureauLimitCents: 567800 }) { staffLimitCents } }`);
    // Closed by its one voter from the emailed link: numbered in B's register.
    w.closedDecisionB = await createDecision(w.coordB, w.bureauB, 'Vote clos Bravo');
    await openDecision(w.coordB, w.closedDecisionB);
    [w.closedVoterB] = await voterIdsOf(w, w.b.id, w.closedDecisionB);
    expect((await votePage(w, null, `${ownVote(w, w.closedVoterB)}/vote`, { choice: 'for' })).status).toBe(200);
    w.openDecisionB = await createDecision(w.coordB, w.bureauB, 'Vote ouvert Bravo');
    w.openDocumentB = await documentOf(await uploadDecisionDocument(w, w.coordB, w.openDecisionB));
    await openDecision(w.coordB, w.openDecisionB);
    [w.voterB] = await voterIdsOf(w, w.b.id, w.openDecisionB);
    w.draftDecisionB = await createDecision(w.coordB, w.bureauB, 'Brouillon Bravo');
    w.draftDocumentB = await documentOf(await uploadDecisionDocument(w, w.coordB, w.draftDecisionB));
    w.spendingB = (
      await w.coordB.ok<{ recordSpending: { id: string } }>(`mutation($i: SpendingRequestInput!) { recordSpending(input: $i) { id } }`, { i: { amountCents: 5_000, purpose: 'Fournitures Bravo' } })
    ).recordSpending.id;
    const instanceMeeting = async (client: GraphQLClient, ownerId: string, title: string) =>
      (
        await client.ok<{ scheduleMeeting: { id: string; invitees: Array<{ id: string }> } }>(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id invitees { id } } }`, {
          i: { ownerKind: 'governance_instance', ownerId, ...MEETING_INPUT(), title },
        })
      ).scheduleMeeting;
    const meetingOfBureauB = await instanceMeeting(w.coordB, w.bureauB, 'Bureau Bravo');
    [w.instanceMeetingB, w.instanceInviteeB] = [meetingOfBureauB.id, meetingOfBureauB.invitees[0].id];
    // A's own governance, for the cases that name B's ids from A's objects: a CA whose one seat is coordA's person, a meeting of it, decisions.
    const emailA = (await w.coordA.ok<{ me: { user: { email: string } } }>(`{ me { user { email } } }`)).me.user.email;
    w.professionalA = await h.data.professional(w.a.id, w.a.communes[0], { lastName: 'Alphonse', email: emailA });
    const caA = (await w.coordA.ok<{ createGovernanceInstance: { id: string; colleges: Array<{ id: string }> } }>(createInstance, { i: { kind: 'CA' } })).createGovernanceInstance;
    [w.caA, w.collegeA] = [caA.id, caA.colleges[0].id];
    await w.coordA.ok(addMandate, { inst: w.caA, i: MANDATE_INPUT(w.professionalA, w.collegeA) });
    const meetingOfCaA = await instanceMeeting(w.coordA, w.caA, 'CA Alpha');
    [w.instanceMeetingA, w.instanceInviteeA] = [meetingOfCaA.id, meetingOfCaA.invitees[0].id];
    w.draftDecisionA = await createDecision(w.coordA, w.caA, 'Brouillon Alpha');
    w.openDecisionA = await createDecision(w.coordA, w.caA, 'Vote ouvert Alpha');
    await openDecision(w.coordA, w.openDecisionA);
    w.closedDecisionA = await createDecision(w.coordA, w.caA, 'Vote clos Alpha');
    await openDecision(w.coordA, w.closedDecisionA);
    expect((await w.coordA.ok<{ voteOnDecision: { status: string } }>(`mutation($id: ID!) { voteOnDecision(id: $id, choice: FOR) { status } }`, { id: w.closedDecisionA })).voteOnDecision.status).toBe('CLOSED');
    // Calls for projects: B's call with a project voted on by B's bureau and one submitted (proposed as the public routes do); A's own call.
    const createCall = async (client: GraphQLClient, slug: string) => {
      const id = (await client.ok<{ createCall: { id: string } }>(`mutation($i: CallInput!) { createCall(input: $i) { id } }`, { i: CALL_INPUT(slug) })).createCall.id;
      await client.ok(`mutation($id: ID!) { publishCall(id: $id) { id } }`, { id });
      return id;
    };
    w.callB = await createCall(w.coordB, 'pro-actif-bravo');
    w.callA = await createCall(w.coordA, 'pro-actif-alpha');
    const proposeInB = async (title: string) => {
      const db = h.gateway.app.get(Db);
      const projects = h.gateway.app.get(ProjectsService, { strict: false });
      return db.run({ tenantId: w.b.id, label: 'test-proposer' }, async () => {
        const call = await h.gateway.app.get(CallsService, { strict: false }).row(w.callB);
        const id = await projects.propose(call, { rpps: null, firstName: 'Porteur', lastName: 'Bravo', professionCode: '40', communeCode: w.b.communes[0], email: 'porteur.cloison@bravo.fr' }, title);
        await projects.save(id, {
          title,
          summary: 'Projet Bravo',
          missions: ['prevention'],
          targetPublic: 'Public Bravo',
          coCarrierIds: [],
          workshopCount: 1,
          workshopMinutes: 60,
          speakers: 1,
          budgetLines: [],
          criteria: [{ criterion: 'Participation', indicator: 'Présents', target: '10' }],
        } as never);
        await projects.submit(id);
        return id;
      });
    };
    w.projectAtBureauB = await proposeInB('Projet au bureau Bravo');
    w.projectSubmittedB = await proposeInB('Projet déposé Bravo');
    await w.coordB.ok(`mutation($id: ID!) { scoreProject(id: $id, scores: [4]) { weighted } }`, { id: w.projectSubmittedB });
    await w.coordB.ok(`mutation($id: ID!) { commentOnProject(id: $id, body: "Commentaire Bravo") { id } }`, { id: w.projectSubmittedB });
    await w.coordB.ok(`mutation($id: ID!) { markProjectReady(id: $id) { id } }`, { id: w.projectAtBureauB });
    await w.coordB.ok(`mutation($i: PutToBureauInput!) { putProjectsToBureau(input: $i) { id } }`, { i: { projectIds: [w.projectAtBureauB], deadline: inDays(3) } });
    // The proposer's side of B: a draft proposed from B's public page (Porteur Bravo again, matched by address), with a file attached through its link.
    w.proposerLinks = new ProposerLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
    const peopleOfB = async () => (await h.data.inTenant(w.b.id, (db) => db.query(`SELECT count(*)::int AS n FROM professionals WHERE tenant_id = $1`, [w.b.id]))).rows[0].n;
    const people = await peopleOfB();
    const proposed = await publicCalls(w, null, `/api/public/calls/${w.b.slug}/pro-actif-bravo/proposals`, 'POST', { ...proposal(w), title: 'Brouillon Bravo' });
    expect([proposed.status, await peopleOfB()]).toEqual([201, people]);
    w.draftProjectB = (await h.data.inTenant(w.b.id, (db) => db.query(`SELECT id FROM call_projects WHERE tenant_id = $1 AND title = 'Brouillon Bravo'`, [w.b.id]))).rows[0].id;
    const attached = await get(w, null, `/api/public/projects/${ownProposer(w)}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'programme-bravo.txt' },
      body: 'Programme de Bravo',
    });
    expect(attached.status).toBe(201);
    w.projectDocumentB = ((await attached.json()) as { documents: Array<{ id: string }> }).documents[0].id;
    // A project of B carried out: approved by a fast path (the bureau's vote is governance's test), its proposer a member this year, a workshop recorded by B's coordinator.
    w.projectApprovedB = await proposeInB('Projet approuvé Bravo');
    w.proposerB = await h.data.inTenant(w.b.id, async (db) => {
      await db.query(`UPDATE call_projects SET status = 'approved', approved_cents = budget_cents, decision_id = $3 WHERE tenant_id = $1 AND id = $2`, [
        w.b.id,
        w.projectApprovedB,
        w.closedDecisionB,
      ]);
      const { rows } = await db.query(`SELECT proposer_id FROM call_projects WHERE tenant_id = $1 AND id = $2`, [w.b.id, w.projectApprovedB]);
      await db.query(`INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, gen_random_uuid(), $2, $3, 'active', 0, 'liberal')`, [
        w.b.id,
        rows[0].proposer_id,
        Y,
      ]);
      return rows[0].proposer_id as string;
    });
    await h.data.pool.query(`INSERT INTO pass_ceilings (year, amount_cents) VALUES ($1, 4806000) ON CONFLICT (year) DO NOTHING`, [Y]);
    w.workshopB = (
      await w.coordB.ok<{ recordProjectWorkshop: { workshop: { id: string } } }>(`mutation($i: RecordWorkshopInput!) { recordProjectWorkshop(input: $i) { workshop { id } } }`, {
        i: { projectId: w.projectApprovedB, heldOn: parisToday(), startTime: '00:00', minutes: 60, place: 'Salle Bravo', participants: 4, speakerIds: [w.proposerB] },
      })
    ).recordProjectWorkshop.workshop.id;
    w.callsB = await callsOfB(w);
    w.publicCallsB = await publicCallsOfB(w);
    // Payments of B: its rate, and a line to proB (a member last year) written as the calls module would have it.
    await w.coordB.ok(`mutation { updatePaymentSettings(indemnityHourlyRateCents: 4000) { indemnityHourlyRateCents } }`);
    w.paymentLineB = randomUUID();
    await h.data.inTenant(w.b.id, (db) =>
      db.query(
        `INSERT INTO payment_lines (tenant_id, id, professional_id, kind, work_date, year, minutes, amount_cents, label, source, source_ref)
         VALUES ($1, $2, $3, 'remuneration', make_date($4, 6, 1), $4, 90, 12345, 'Atelier Bravo', 'call_workshop', $5)`,
        [w.b.id, w.paymentLineB, w.proB, Y - 1, randomUUID()],
      ),
    );
    w.governanceB = await governanceOfB(w);
    // Two users of each CPTS, reading their CPTS's lists (meetings of A's CA, of B's group) until the last test.
    const staffBClient = await h.signedIn(w.staffBEmail);
    const running = startTenantLoad(
      [
        { tenantId: w.a.id, client: w.coordA, meetingOwner: { kind: 'governance_instance', id: w.caA } },
        { tenantId: w.a.id, client: w.staffA },
        { tenantId: w.b.id, client: w.coordB, meetingOwner: { kind: 'working_group', id: w.groupB } },
        { tenantId: w.b.id, client: staffBClient, meetingOwner: { kind: 'governance_instance', id: w.bureauB } },
      ],
      { year: Y - 1, pauseMs: 300 },
    );
    load = { stop: () => running.stop(h.data) };
  }, 120_000);
  // Closing the gateway took over 30 s in two of four full runs of this session (never when this file runs alone, 25–34 s in all); the cause is not found yet (closing note, issue 20).
  afterAll(async () => {
    delete process.env.MAIL_WEBHOOK_TOKEN;
    await load?.stop().catch(() => undefined);
    await w.h?.close();
    await pgbouncer?.stop();
    process.env.DATABASE_URL = directUrl;
    delete process.env.DATABASE_TRANSACTION_POOLING;
  }, 120_000);

  it('covers every Query and Mutation of the schema, or declares it public', () => {
    const schema = w.h.gateway.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ];
    const uncovered = operations.filter((op) => !(op in CASES) && !(op in PUBLIC));
    expect(uncovered).toEqual([]);
    const stale = [...Object.keys(CASES), ...Object.keys(PUBLIC)].filter((op) => !operations.includes(op));
    expect(stale).toEqual([]);
  });

  it.each(Object.keys(CASES))('%s', async (operation) => {
    await CASES[operation](w);
  });

  // A field of Cpts, not an operation: the regional read path of a CPTS's register (FollowedRegisterResolver).
  it('Cpts.decisionRegister: read by the region people who follow the CPTS, read-only; never by anyone else', async () => {
    type Register = { totalCount: number; edges: Array<{ node: { id: string; title: string } }> };
    const q = `query($id: ID!) { cpts(id: $id) { decisionRegister { totalCount edges { node { id title } } } } }`;
    // missionA follows A only: A's register, never B's.
    const followed = await w.missionA.ok<{ followedCpts: Array<{ id: string; decisionRegister: Register }> }>(`{ followedCpts { id decisionRegister { totalCount edges { node { id title } } } } }`);
    expect(followed.followedCpts.map((c) => [c.id, c.decisionRegister.edges.map((e) => e.node.id)])).toEqual([[w.a.id, [w.closedDecisionA]]]);
    denied(await w.missionA.request(q, { id: w.b.id }), 'FORBIDDEN', 'NOT_FOUND');
    // Another region's admin reads its own region's CPTS only.
    const r2 = await w.adminR2.ok<{ regionCpts: Array<{ id: string; decisionRegister: Register }> }>(`{ regionCpts { id decisionRegister { totalCount } } }`);
    expect(r2.regionCpts).toEqual([{ id: w.c.id, decisionRegister: { totalCount: 0 } }]);
    denied(await w.adminR2.request(q, { id: w.b.id }), 'FORBIDDEN', 'NOT_FOUND');
    // A CPTS's own people do not read through the regional path, even a member of B who is a mission officer following A:
    // B's register stays what B's roles may read (a member: the AG's published decisions, here none).
    for (const client of tenantRoles(w)) denied(await client.request(`{ currentCpts { decisionRegister { totalCount } } }`), 'FORBIDDEN');
    const both = await w.h.data.user([
      { role: Role.MISSION_OFFICER, regionId: w.region1 },
      { role: Role.MEMBER, tenantId: w.b.id },
    ]);
    await w.h.data.follow(both.id, [w.a.id]);
    const memberB = await w.h.signedIn(both.email);
    denied(await memberB.request(`{ currentCpts { id decisionRegister { totalCount edges { node { title } } } } }`), 'FORBIDDEN');
    denied(await memberB.request(q, { id: w.b.id }), 'FORBIDDEN');
    expect(await memberB.ok(`{ decisionRegister { totalCount } }`)).toEqual({ decisionRegister: { totalCount: 0 } });
    // A mission officer following B reads B's register, logged, through the read-only path: no voter, no change.
    const officer = await w.h.data.user([{ role: Role.MISSION_OFFICER, regionId: w.region1 }]);
    await w.h.data.follow(officer.id, [w.b.id]);
    const missionB = await w.h.signedIn(officer.email);
    const { cpts } = await missionB.ok<{ cpts: { decisionRegister: Register } }>(q, { id: w.b.id });
    expect(cpts.decisionRegister).toEqual({ totalCount: 1, edges: [{ node: { id: w.closedDecisionB, title: 'Vote clos Bravo' } }] });
    const logged = await w.h.data.pool.query(`SELECT purpose, tenant_ids FROM regional_access_log WHERE user_id = $1`, [officer.id]);
    expect(logged.rows).toEqual([{ purpose: 'decision-register', tenant_ids: [w.b.id] }]);
    const voters = await missionB.request(`query($id: ID!) { cpts(id: $id) { decisionRegister { edges { node { voters { name } } } } } }`, { id: w.b.id });
    expect(errorCode(voters)).toBe('FORBIDDEN');
    expect(JSON.stringify(voters.data)).not.toContain('Bravo');
    for (const m of [`mutation($id: ID!) { publishDecision(id: $id) { id } }`, `mutation($id: ID!) { commentOnDecision(id: $id, body: "Suivi") { id } }`]) {
      denied(await missionB.request(m, { id: w.closedDecisionB }), 'FORBIDDEN');
    }
    denied(await missionB.request(`{ decisionRegister { totalCount } }`), 'FORBIDDEN');
    expect(await governanceOfB(w)).toEqual(w.governanceB);
  });

  it('Cpts.calls: read by the region people who follow the CPTS, with the envelope, read-only; never by anyone else', async () => {
    const q = `query($id: ID!) { cpts(id: $id) { calls { id title envelope { envelopeCents pendingCents } } } }`;
    const followed = await w.missionA.ok<{ followedCpts: Array<{ id: string; calls: Array<{ id: string }> }> }>(`{ followedCpts { id calls { id } } }`);
    expect(followed.followedCpts.map((c) => [c.id, c.calls.map((x) => x.id).includes(w.callA), c.calls.map((x) => x.id).includes(w.callB)])).toEqual([[w.a.id, true, false]]);
    denied(await w.missionA.request(q, { id: w.b.id }), 'FORBIDDEN', 'NOT_FOUND');
    for (const client of tenantRoles(w)) denied(await client.request(`{ currentCpts { calls { id } } }`), 'FORBIDDEN');
    const officer = await w.h.data.user([{ role: Role.MISSION_OFFICER, regionId: w.region1 }]);
    await w.h.data.follow(officer.id, [w.b.id]);
    const missionB = await w.h.signedIn(officer.email);
    const { cpts } = await missionB.ok<{ cpts: { calls: Array<{ id: string; envelope: { envelopeCents: number; pendingCents: number } }> } }>(q, { id: w.b.id });
    expect(cpts.calls).toEqual([{ id: w.callB, title: 'Pro Actif Pirate', envelope: { envelopeCents: 100_000, pendingCents: 15_000 } }]);
    const logged = await w.h.data.pool.query(`SELECT purpose FROM regional_access_log WHERE user_id = $1`, [officer.id]);
    expect(logged.rows).toEqual([{ purpose: 'calls' }]);
    for (const m of [`mutation($id: ID!) { publishCall(id: $id) { id } }`, `query($id: ID!) { callProjects(callId: $id) { id } }`]) {
      denied(await missionB.request(m, { id: w.callB }), 'FORBIDDEN');
    }
    expect(await callsOfB(w)).toEqual(w.callsB);
  });

  it('Cpts.callSummary: read by the region people who follow the CPTS (the projects put to the bureau), read-only; never by anyone else', async () => {
    const q = `query($id: ID!, $c: ID!) { cpts(id: $id) { callSummary(callId: $c) { projectCount workshopCount participants projects { title } } } }`;
    // missionA follows A only: not B, nor B's call through A.
    denied(await w.missionA.request(q, { id: w.b.id, c: w.callB }), 'FORBIDDEN', 'NOT_FOUND');
    denied(await w.missionA.request(q, { id: w.a.id, c: w.callB }), 'NOT_FOUND');
    expect((await w.missionA.ok<{ cpts: { callSummary: { projectCount: number } } }>(q, { id: w.a.id, c: w.callA })).cpts.callSummary.projectCount).toBe(0);
    for (const client of tenantRoles(w)) denied(await client.request(`query($c: ID!) { currentCpts { callSummary(callId: $c) { projectCount } } }`, { c: w.callA }), 'FORBIDDEN');
    const officer = await w.h.data.user([{ role: Role.MISSION_OFFICER, regionId: w.region1 }]);
    await w.h.data.follow(officer.id, [w.b.id]);
    const missionB = await w.h.signedIn(officer.email);
    const { cpts } = await missionB.ok<{ cpts: { callSummary: unknown } }>(q, { id: w.b.id, c: w.callB });
    expect(cpts.callSummary).toEqual({ projectCount: 2, workshopCount: 1, participants: 4, projects: [{ title: 'Projet au bureau Bravo' }, { title: 'Projet approuvé Bravo' }] });
    const logged = await w.h.data.pool.query(`SELECT purpose FROM regional_access_log WHERE user_id = $1`, [officer.id]);
    expect(logged.rows).toEqual([{ purpose: 'call-summary' }]);
    denied(await missionB.request(`query($c: ID!) { callSummary(callId: $c) { projectCount } }`, { c: w.callB }), 'FORBIDDEN');
    denied(await missionB.request(`mutation($id: ID!) { removeProjectWorkshop(id: $id) { id } }`, { id: w.workshopB }), 'FORBIDDEN');
    expect(await callsOfB(w)).toEqual(w.callsB);
  });

  it('covers every plain HTTP route of the gateway, or declares it public', () => {
    const routes = routeTable(w.h);
    const declared = [...Object.keys(ROUTES), ...Object.keys(PUBLIC_ROUTES), ...GRAPHQL_ROUTES];
    const missing = routes.filter((r) => !declared.includes(r));
    const stale = declared.filter((r) => !routes.includes(r));
    const advice = [
      ...missing.map(
        (r) =>
          `The gateway has a route "${r}" that this test does not cover. In apps/gateway/test/cross-tenant.spec.ts, add to ROUTES ` +
          `'${r}': async (w) => { ... } (a user of CPTS A asks for CPTS B's resource through it: 403 or 404, and nothing of B's in the answer; ` +
          `for a public route, a token or address of one CPTS never reaches another's data), or, if it shows no CPTS's data, ` +
          `add to PUBLIC_ROUTES '${r}': 'public, because ...'.`,
      ),
      ...stale.map((r) => `"${r}" is declared in apps/gateway/test/cross-tenant.spec.ts but the gateway has no such route any more: remove it (or rename it to the new path).`),
    ];
    expect(advice).toEqual([]);
  });

  it.each(Object.keys(ROUTES))('%s', async (route) => {
    await ROUTES[route](w);
  });

  // Last: the load ran beside every case above, through the same few server connections.
  it("A's and B's users, in parallel with the whole table through PgBouncer, were only ever shown their own CPTS's rows", async () => {
    const running = load as { stop(): Promise<TenantLoadReport> };
    load = null;
    const report = await running.stop();
    expect({ foreign: report.foreign, errors: report.errors }).toEqual({ foreign: [], errors: [] });
    for (const tenant of [w.a.id, w.b.id]) {
      expect(report.requests[tenant]).toBeGreaterThan(20);
      expect(report.rows[tenant]).toBeGreaterThan(3);
    }
    // Through PgBouncer indeed: it carried more transactions than the load made requests, on its few server connections.
    const [pool] = (await (pgbouncer as PgBouncer).show('POOLS')).filter((p) => p.user === new URL(pgbouncer?.url as string).username);
    const [stats] = (await (pgbouncer as PgBouncer).show('STATS')).filter((s) => s.database === pool.database);
    expect(Number(stats.total_xact_count)).toBeGreaterThan(report.requests[w.a.id] + report.requests[w.b.id]);
    expect(Number(pool.sv_active) + Number(pool.sv_idle) + Number(pool.sv_used)).toBeLessThanOrEqual((pgbouncer as PgBouncer).poolSize);
  });
});

/** The routes as Fastify serves them ("GET /api/..."), HEAD left out (Fastify adds it to every GET). */
function routeTable(h: Harness): string[] {
  const printed = h.gateway.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  // A route with routes under it (/meetings/:token, then /reply) prints them indented, relative to it.
  const parents: Array<{ depth: number; path: string }> = [];
  return printed.split('\n').flatMap((line) => {
    const node = /^(.*?)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!node) return [];
    const depth = node[1].length;
    while (parents.length && parents[parents.length - 1].depth >= depth) parents.pop();
    const path = `${parents[parents.length - 1]?.path ?? ''}${node[2]}`;
    parents.push({ depth, path });
    return node[3] ? node[3].split(', ').filter((m) => m !== 'HEAD').map((method) => `${method} ${path}`) : [];
  });
}
