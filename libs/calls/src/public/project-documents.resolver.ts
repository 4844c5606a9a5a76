import { Controller, Get, Param, Res } from '@nestjs/common';
import { Field, Float, GraphQLISODateTime, ID, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { sendDocument } from '@cpts/meetings';
import type { FastifyReply } from 'fastify';
import { CallProject } from '../calls.types';
import { ProjectsService } from '../projects.service';
import { ProjectDocuments } from './project-documents';

@ObjectType({ description: "A file of a project (the proposer's, through their link)." })
export class CallProjectDocument {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Float) bytes: number;
  @Field(() => GraphQLISODateTime) uploadedAt: Date;
  @Field({ description: 'Added by the proposer through their link (else by the team).' }) byProposer: boolean;
  @Field({ description: 'Where to download it with the session.' }) url: string;
}

/** The project's files for those who read the project (the team; the board once it is put to the bureau). */
@Resolver(() => CallProject)
export class ProjectDocumentsResolver {
  constructor(private readonly files: ProjectDocuments) {}

  @ResolveField(() => [CallProjectDocument], { description: "The project's files: what the proposer attached to it." })
  async documents(@Parent() project: CallProject): Promise<CallProjectDocument[]> {
    return (await this.files.list(project.id)).map((d) => ({
      id: d.id,
      fileName: d.fileName,
      contentType: d.contentType,
      bytes: d.bytes,
      uploadedAt: d.uploadedAt,
      byProposer: d.uploadedBy === null,
      url: teamDocumentUrl(d.id),
    }));
  }
}

const teamDocumentUrl = (id: string) => `/api/calls/project-documents/${id}`;

/** A project's file downloaded with the session: by whoever may read the project, in the caller's CPTS only. */
@Controller('api/calls/project-documents')
export class ProjectDocumentsController {
  constructor(
    private readonly documents: ProjectDocuments,
    private readonly projects: ProjectsService,
    private readonly db: Db,
  ) {}

  @Get(':id')
  @Allow(...CPTS_TEAM, Role.BOARD_MEMBER)
  async download(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const doc = await this.documents.byId(id);
    await this.projects.readable(doc.projectId); // NOT_FOUND unless the caller may read the project
    await this.db.releaseReads();
    await sendDocument(reply, doc);
  }
}
