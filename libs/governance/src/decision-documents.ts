import { randomUUID } from 'node:crypto';
import { Controller, Get, Headers, HttpCode, Injectable, Param, Post, Req, Res } from '@nestjs/common';
import { StorageEnv } from '@cpts/platform-config';
import { afterCommit, Allow, AppError, CPTS_TEAM, isUuid, Public, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { LINK_NOT_FOUND, sendLinkPage } from '@cpts/platform-mail';
import { DocumentStore, sendDocument, uploadBody } from '@cpts/meetings';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DecisionsService } from './decisions.service';
import { DecisionDocument, DecisionStatus } from './governance.types';
import { DecisionVotesService } from './decision-votes.controller';

/** A decision's file: the quote, the project, the budget; not an archive. */
export const MAX_DOCUMENTS_PER_DECISION = 15;
const NOT_FOUND = 'Document introuvable.';

/**
 * The file of a decision, in the meetings module's document storage (the
 * same checks: size, and the type read from the bytes). Attached while the
 * decision is a draft, by whoever may change the draft; read by whoever may
 * read the decision, and by its voters from their link.
 */
@Injectable()
export class DecisionDocumentsService {
  private readonly store: DocumentStore;

  constructor(
    private readonly db: Db,
    private readonly decisions: DecisionsService,
    storage: StorageEnv,
  ) {
    this.store = new DocumentStore(storage.UPLOAD_DIR, 'decision-documents');
  }

  list(decisionId: string): Promise<DecisionDocument[]> {
    return this.db.tenantRows<DecisionDocument>(
      `SELECT id, file_name AS "fileName", content_type AS "contentType", bytes::float8 AS bytes, uploaded_at AS "uploadedAt",
              '/api/governance/documents/' || id AS url
       FROM decision_documents WHERE tenant_id = $1 AND decision_id = $2 ORDER BY uploaded_at, id`,
      [requireTenantId(), decisionId],
    );
  }

  async upload(decisionId: string, req: FastifyRequest, rawName: string | undefined): Promise<DecisionDocument> {
    const tenantId = requireTenantId();
    const { body, declaredBytes } = uploadBody(req);
    const fileName = this.store.precheck(rawName, declaredBytes);
    await this.requireDraftEditor(decisionId);
    await this.db.releaseReads();
    const { id } = await this.store.receive(tenantId, fileName, body, async (doc) => {
      await this.requireDraftEditor(decisionId);
      const [{ count }] = await this.db.tenantRows<{ count: number }>(
        `SELECT count(*)::int AS count FROM decision_documents WHERE tenant_id = $1 AND decision_id = $2`,
        [tenantId, decisionId],
      );
      if (count >= MAX_DOCUMENTS_PER_DECISION)
        throw AppError.conflict(`Ce dossier a déjà ${MAX_DOCUMENTS_PER_DECISION} documents : retirez-en un avant d'en ajouter.`);
      await this.db.tenantRows(
        `INSERT INTO decision_documents (tenant_id, id, decision_id, file_name, content_type, bytes, sha256, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [tenantId, doc.id, decisionId, doc.fileName, doc.contentType, doc.bytes, doc.sha256, requirePrincipal().userId],
      );
    });
    return (await this.list(decisionId)).find((d) => d.id === id)!;
  }

  /** The document, if the caller may read its decision. */
  async forDownload(id: string): Promise<{ fileName: string; contentType: string; bytes: number; file: string }> {
    const row = await this.row(id);
    await this.decisions.row(row.decisionId); // NOT_FOUND unless the caller may read the decision
    return { ...row, file: await this.fileOf(row) };
  }

  /** The document of the decision a voter's link names (the link's CPTS transaction). */
  async forVoter(voterId: string, id: string): Promise<{ fileName: string; contentType: string; bytes: number; file: string }> {
    const row = await this.row(id);
    const [voter] = await this.db.tenantRows(`SELECT 1 FROM governance_voters WHERE tenant_id = $1 AND id = $2 AND decision_id = $3`, [
      requireTenantId(),
      voterId,
      row.decisionId,
    ]);
    if (!voter) throw AppError.notFound(NOT_FOUND);
    return { ...row, file: await this.fileOf(row) };
  }

  async remove(id: string): Promise<boolean> {
    const row = await this.row(id, true);
    await this.requireDraftEditor(row.decisionId);
    await this.db.tenantRows(`DELETE FROM decision_documents WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), id]);
    const tenantId = requireTenantId();
    afterCommit(() => this.store.remove(tenantId, id));
    return true;
  }

  /** Every document of a decision (a draft given up): the rows now, the bytes once the transaction has committed. */
  async removeAllOf(decisionId: string): Promise<void> {
    const tenantId = requireTenantId();
    const rows = await this.db.tenantRows<{ id: string }>(
      `DELETE FROM decision_documents WHERE tenant_id = $1 AND decision_id = $2 RETURNING id`,
      [tenantId, decisionId],
    );
    if (rows.length > 0) afterCommit(async () => Promise.all(rows.map((r) => this.store.remove(tenantId, r.id))).then(() => undefined));
  }

  /** A re-opened decision gets the first one's file: rows of its own, the bytes linked (the first keeps its own). */
  async copyAll(fromDecisionId: string, toDecisionId: string): Promise<void> {
    const tenantId = requireTenantId();
    const rows = await this.db.tenantRows<{ id: string }>(`SELECT id FROM decision_documents WHERE tenant_id = $1 AND decision_id = $2`, [
      tenantId,
      fromDecisionId,
    ]);
    for (const { id } of rows) {
      const copy = randomUUID();
      await this.store.link(tenantId, id, copy);
      await this.db.tenantRows(
        `INSERT INTO decision_documents (tenant_id, id, decision_id, file_name, content_type, bytes, sha256, uploaded_at, uploaded_by)
         SELECT tenant_id, $4, $3, file_name, content_type, bytes, sha256, uploaded_at, uploaded_by FROM decision_documents WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id, toDecisionId, copy],
      );
    }
  }

  private async row(id: string, lock = false) {
    if (!isUuid(id)) throw AppError.notFound(NOT_FOUND);
    const [row] = await this.db.tenantRows<{ id: string; decisionId: string; fileName: string; contentType: string; bytes: number }>(
      `SELECT id, decision_id AS "decisionId", file_name AS "fileName", content_type AS "contentType", bytes::float8 AS bytes
       FROM decision_documents WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [requireTenantId(), id.toLowerCase()],
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }

  private fileOf(row: { id: string }): Promise<string> {
    return this.store.existing(requireTenantId(), row.id, NOT_FOUND);
  }

  private async requireDraftEditor(decisionId: string): Promise<void> {
    const decision = await this.decisions.row(decisionId);
    if (decision.status !== DecisionStatus.DRAFT)
      throw AppError.conflict('Le dossier ne change plus une fois la décision soumise au vote.');
    if (!CPTS_TEAM.some((r) => requirePrincipal().tenantRoles.includes(r)) && decision.createdBy !== requirePrincipal().userId)
      throw AppError.forbidden("Le dossier d'une décision se complète par l'équipe ou par la personne qui l'a préparée.");
  }
}

/**
 * The files: upload (the body is the file, its name in X-File-Name) and
 * download with the session; download from a voter's link without one.
 */
@Controller()
export class DecisionDocumentsController {
  constructor(
    private readonly documents: DecisionDocumentsService,
    private readonly votes: DecisionVotesService,
    private readonly db: Db,
  ) {}

  @Post('api/governance/decisions/:decisionId/documents')
  @HttpCode(201)
  @Allow(...CPTS_TEAM, Role.BOARD_MEMBER)
  async upload(
    @Param('decisionId') decisionId: string,
    @Req() req: FastifyRequest,
    @Headers('x-file-name') fileName: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: { decisionDocument: DecisionDocument } }> {
    if (!isUuid(decisionId)) throw AppError.notFound('Décision introuvable.');
    try {
      return { data: { decisionDocument: await this.documents.upload(decisionId.toLowerCase(), req, fileName) } };
    } catch (err) {
      // Refused before the whole file was read: close after the answer rather than read bytes nobody wants.
      if (req.body && !(req.body as { readableEnded?: boolean }).readableEnded) reply.raw.setHeader('connection', 'close');
      throw err;
    }
  }

  @Get('api/governance/documents/:id')
  @Allow(...CPTS_TEAM, Role.BOARD_MEMBER, Role.MEMBER)
  async download(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const doc = await this.documents.forDownload(id);
    await this.db.releaseReads();
    await sendDocument(reply, doc);
  }

  @Get('api/public/decisions/:token/documents/:id')
  @Public()
  async voterDownload(@Param('token') token: string, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const target = this.votes.voterOf(token);
    let doc: Awaited<ReturnType<DecisionDocumentsService['forVoter']>>;
    try {
      doc = await this.db.runApart({ tenantId: target.tenantId, label: 'decision-document', readOnly: true }, () =>
        this.documents.forVoter(target.voterId, id),
      );
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
      return sendLinkPage(reply.header('cache-control', 'no-store'), 404, LINK_NOT_FOUND);
    }
    await sendDocument(reply, doc);
  }
}
