import { Injectable } from '@nestjs/common';
import { StorageEnv } from '@cpts/platform-config';
import { afterCommit, AppError, isUuid, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { DocumentStore, uploadBody } from '@cpts/meetings';
import type { FastifyRequest } from 'fastify';

/** A project's file: the quote, the programme, the flyer; not an archive. */
export const MAX_DOCUMENTS_PER_PROJECT = 15;
export const DOCUMENT_NOT_FOUND = 'Document introuvable.';

export interface ProjectDocumentRow {
  id: string;
  projectId: string;
  fileName: string;
  contentType: string;
  bytes: number;
  uploadedAt: Date;
  /** Null: the proposer, through their link. */
  uploadedBy: string | null;
}

/** A stored document and where its bytes are, for sendDocument. */
export type DocumentFile = ProjectDocumentRow & { file: string };

/**
 * The files of a project, in the meetings module's document storage (the
 * same checks: the name, the size, the type read from the bytes). The
 * caller has checked who acts (the proposer's link, the team's session);
 * this only keeps each document to its project and CPTS.
 */
@Injectable()
export class ProjectDocuments {
  private readonly store: DocumentStore;

  constructor(
    private readonly db: Db,
    storage: StorageEnv,
  ) {
    this.store = new DocumentStore(storage.UPLOAD_DIR, 'call-project-documents');
  }

  list(projectId: string): Promise<ProjectDocumentRow[]> {
    return this.db.tenantRows<ProjectDocumentRow>(
      `SELECT ${COLUMNS} FROM call_project_documents WHERE tenant_id = $1 AND project_id = $2 ORDER BY uploaded_at, id`,
      [requireTenantId(), projectId],
    );
  }

  /**
   * The proposer's upload. `mayChange` checks the project may still change
   * (and locks it): before a byte is read, then again in the transaction
   * that records the file, since the upload of a large file from a phone
   * holds no connection (the reads are released while it streams).
   */
  async upload(
    projectId: string,
    req: FastifyRequest,
    rawName: string | undefined,
    mayChange: () => Promise<void>,
  ): Promise<ProjectDocumentRow> {
    const tenantId = requireTenantId();
    const { body, declaredBytes } = uploadBody(req);
    const fileName = this.store.precheck(rawName, declaredBytes);
    await mayChange();
    await this.db.releaseReads();
    const { id } = await this.store.receive(tenantId, fileName, body, async (doc) => {
      await mayChange();
      const [{ count }] = await this.db.tenantRows<{ count: number }>(
        `SELECT count(*)::int AS count FROM call_project_documents WHERE tenant_id = $1 AND project_id = $2`,
        [tenantId, projectId],
      );
      if (count >= MAX_DOCUMENTS_PER_PROJECT)
        throw AppError.conflict(`Ce projet a déjà ${MAX_DOCUMENTS_PER_PROJECT} documents : retirez-en un avant d'en ajouter.`);
      await this.db.tenantRows(
        `INSERT INTO call_project_documents (tenant_id, id, project_id, file_name, content_type, bytes, sha256, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)`,
        [tenantId, doc.id, projectId, doc.fileName, doc.contentType, doc.bytes, doc.sha256],
      );
    });
    return (await this.row(id))!;
  }

  /** A document the proposer added, taken back (the bytes go once the transaction has committed). */
  async removeByProposer(projectId: string, id: string): Promise<void> {
    const row = await this.row(id, true);
    if (!row || row.projectId !== projectId) throw AppError.notFound(DOCUMENT_NOT_FOUND);
    if (row.uploadedBy !== null)
      throw AppError.conflict("Ce document a été ajouté par l'équipe de la CPTS : seule l'équipe peut le retirer.");
    await this.db.tenantRows(`DELETE FROM call_project_documents WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), row.id]);
    const tenantId = requireTenantId();
    afterCommit(() => this.store.remove(tenantId, row.id));
  }

  /** The document of this project; NOT_FOUND for any other (another project's, another CPTS's, bytes gone). */
  async ofProject(projectId: string, id: string): Promise<DocumentFile> {
    const row = await this.row(id);
    if (!row || row.projectId !== projectId) throw AppError.notFound(DOCUMENT_NOT_FOUND);
    return { ...row, file: await this.store.existing(requireTenantId(), row.id, DOCUMENT_NOT_FOUND) };
  }

  /** Any document of the CPTS, for a caller that then checks it may read its project. */
  async byId(id: string): Promise<DocumentFile> {
    const row = await this.row(id);
    if (!row) throw AppError.notFound(DOCUMENT_NOT_FOUND);
    return { ...row, file: await this.store.existing(requireTenantId(), row.id, DOCUMENT_NOT_FOUND) };
  }

  private async row(id: string, lock = false): Promise<ProjectDocumentRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.db.tenantRows<ProjectDocumentRow>(
      `SELECT ${COLUMNS} FROM call_project_documents WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [requireTenantId(), id.toLowerCase()],
    );
    return row ?? null;
  }
}

const COLUMNS = `id, project_id AS "projectId", file_name AS "fileName", content_type AS "contentType", bytes::float8 AS bytes, uploaded_at AS "uploadedAt",
  uploaded_by AS "uploadedBy"`;
