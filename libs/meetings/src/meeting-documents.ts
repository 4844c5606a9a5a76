import { Readable } from 'node:stream';
import { Controller, Get, Headers, HttpCode, Injectable, Param, Post, Req, Res } from '@nestjs/common';
import { Args, Field, Float, GraphQLISODateTime, ID, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { afterCommit, Allow, AppError, CPTS_TEAM, isUuid, requirePrincipal, requireTenantId, Role, UuidPipe } from '@cpts/platform-core';
import { StorageEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentStore, sendDocument, uploadBody } from './document-store';
import { MeetingOwners } from './meeting-owners';
import { Meeting } from './meeting.types';
import { MeetingsService } from './meetings.service';

/** A meeting's file, not a document library (the regional library is for that). */
export const MAX_DOCUMENTS_PER_MEETING = 30;
const NOT_FOUND = 'Document introuvable.';

@ObjectType({ description: 'A file attached to a meeting (agenda, slides, attendance sheet).' })
export class MeetingDocument {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field({ description: 'The type recognised from the file itself, not the one the browser claimed.' }) contentType: string;
  @Field(() => Float) bytes: number;
  @Field(() => GraphQLISODateTime) uploadedAt: Date;
  @Field(() => String, { nullable: true, description: 'Who attached it (a team user).' }) uploadedByName: string | null;
  @Field({ description: 'Where to download it, with the session (GET, bearer token).' }) url: string;
}

/**
 * Documents of meetings: received as a stream into the upload directory
 * (never held whole in memory), checked (size, and type from the first bytes
 * against the extension), then recorded; read and downloaded by whoever may
 * see the meeting; attached and removed by whoever manages it. No database
 * connection waits while bytes travel: rights are checked before, and again
 * when the row is written.
 */
@Injectable()
export class MeetingDocumentsService {
  private readonly store: DocumentStore;

  constructor(
    private readonly db: Db,
    private readonly meetings: MeetingsService,
    private readonly owners: MeetingOwners,
    storage: StorageEnv,
  ) {
    this.store = new DocumentStore(storage.UPLOAD_DIR, 'meeting-documents');
  }

  list(meetingId: string): Promise<MeetingDocument[]> {
    return this.db.tenantRows<MeetingDocument>(
      `SELECT d.id, d.file_name AS "fileName", d.content_type AS "contentType", d.bytes::float8 AS bytes, d.uploaded_at AS "uploadedAt",
              u.display_name AS "uploadedByName", '/api/meetings/documents/' || d.id AS url
       FROM meeting_documents d LEFT JOIN users u ON u.id = d.uploaded_by
       WHERE d.tenant_id = $1 AND d.meeting_id = $2 ORDER BY d.uploaded_at, d.id`,
      [requireTenantId(), meetingId],
    );
  }

  async upload(meetingId: string, body: Readable, rawName: string | undefined, declaredBytes: number | null): Promise<MeetingDocument> {
    const tenantId = requireTenantId();
    const fileName = this.store.precheck(rawName, declaredBytes);
    await this.requireManager(meetingId);
    await this.db.releaseReads();
    const { id } = await this.store.receive(tenantId, fileName, body, async (doc) => {
      // Rights again: the meeting may have been removed from the caller's reach while the bytes came.
      await this.requireManager(meetingId);
      const [{ count }] = await this.db.tenantRows<{ count: number }>(
        `SELECT count(*)::int AS count FROM meeting_documents WHERE tenant_id = $1 AND meeting_id = $2`,
        [tenantId, meetingId],
      );
      if (count >= MAX_DOCUMENTS_PER_MEETING)
        throw AppError.conflict(`Cette réunion a déjà ${MAX_DOCUMENTS_PER_MEETING} documents : retirez-en un avant d'en ajouter.`);
      await this.db.tenantRows(
        `INSERT INTO meeting_documents (tenant_id, id, meeting_id, file_name, content_type, bytes, sha256, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [tenantId, doc.id, meetingId, doc.fileName, doc.contentType, doc.bytes, doc.sha256, requirePrincipal().userId],
      );
    });
    const [document] = (await this.list(meetingId)).filter((d) => d.id === id);
    return document;
  }

  /** The document's row and where its bytes are, if the caller may see its meeting. */
  async forDownload(id: string): Promise<{ fileName: string; contentType: string; bytes: number; file: string }> {
    const tenantId = requireTenantId();
    if (!isUuid(id)) throw AppError.notFound(NOT_FOUND);
    const [row] = await this.db.tenantRows<{ meetingId: string; fileName: string; contentType: string; bytes: number }>(
      `SELECT meeting_id AS "meetingId", file_name AS "fileName", content_type AS "contentType", bytes::float8 AS bytes
       FROM meeting_documents WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    await this.meetings.get(row.meetingId); // NOT_FOUND unless the caller may see the meeting
    return { ...row, file: await this.store.existing(tenantId, id, NOT_FOUND) };
  }

  /** Removes the document; its bytes go once the removal is committed. */
  async remove(id: string): Promise<boolean> {
    const tenantId = requireTenantId();
    const [row] = await this.db.tenantRows<{ meetingId: string }>(
      `SELECT meeting_id AS "meetingId" FROM meeting_documents WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, id],
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    await this.requireManager(row.meetingId);
    await this.db.tenantRows(`DELETE FROM meeting_documents WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    afterCommit(() => this.store.remove(tenantId, id));
    return true;
  }

  private async requireManager(meetingId: string): Promise<void> {
    const meeting = await this.meetings.get(meetingId);
    await this.owners.get(meeting.ownerKind).requireManager(meeting.ownerId);
  }
}

/** Who may ask at all; the meeting's owner decides the rest (a referent, a member of the group). */
const CPTS_PEOPLE = [...CPTS_TEAM, Role.BOARD_MEMBER, Role.MEMBER];

/**
 * The files themselves. Upload: the body is the file (application/octet-stream,
 * streamed to disk), its name in X-File-Name (URI-encoded); answers the
 * document, errors in the GraphQL shape. Download: the bytes with the type
 * recognised at upload, as an attachment, never cached by a shared cache.
 */
@Controller('api/meetings')
export class MeetingDocumentsController {
  constructor(
    private readonly documents: MeetingDocumentsService,
    private readonly db: Db,
  ) {}

  @Post(':meetingId/documents')
  @HttpCode(201)
  @Allow(...CPTS_PEOPLE)
  async upload(
    @Param('meetingId') meetingId: string,
    @Req() req: FastifyRequest,
    @Headers('x-file-name') fileName: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: { meetingDocument: MeetingDocument } }> {
    if (!isUuid(meetingId)) throw AppError.notFound('Réunion introuvable.');
    const { body, declaredBytes } = uploadBody(req);
    try {
      return { data: { meetingDocument: await this.documents.upload(meetingId.toLowerCase(), body, fileName, declaredBytes) } };
    } catch (err) {
      // Refused before the whole file was read (too big, not allowed): the connection closes after the answer,
      // rather than staying busy with bytes nobody will read.
      if (!body.readableEnded) reply.raw.setHeader('connection', 'close');
      throw err;
    }
  }

  @Get('documents/:id')
  @Allow(...CPTS_PEOPLE)
  async download(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const doc = await this.documents.forDownload(id);
    // The rights are checked: the connection goes back to the pool before the bytes travel.
    await this.db.releaseReads();
    await sendDocument(reply, doc);
  }
}

@Resolver(() => Meeting)
export class MeetingDocumentsResolver {
  constructor(private readonly service: MeetingDocumentsService) {}

  @ResolveField(() => [MeetingDocument], { description: 'The files attached to the meeting, oldest first.' })
  documents(@Parent() meeting: Meeting): Promise<MeetingDocument[]> {
    return this.service.list(meeting.id);
  }

  @Mutation(() => Boolean, { description: "Removes a document from its meeting (the meeting's managers)." })
  @Allow(...CPTS_PEOPLE)
  deleteMeetingDocument(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<boolean> {
    return this.service.remove(id);
  }
}
