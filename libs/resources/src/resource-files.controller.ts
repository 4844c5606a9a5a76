import { randomUUID } from 'node:crypto';
import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { Allow, AppError, CPTS_TEAM, isUuid, Principal, regionsWhere, requirePrincipal, Role } from '@cpts/platform-core';
import { Db, RegionUnits } from '@cpts/platform-db';
import { sendDocument, uploadBody } from '@cpts/meetings';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LibraryService } from './library.service';
import { ResourceFile } from './resources.types';

const CPTS_READERS = [...CPTS_TEAM, Role.BOARD_MEMBER];

/**
 * A resource's files. Upload (REGION_ADMIN): the body is the file
 * (application/octet-stream), its name in X-File-Name, checked by the
 * meetings' DocumentStore; added to the newest version. Download: by the
 * region's team, or by a CPTS of that region (recorded in the CPTS's
 * resource_downloads, for the region's usage figures).
 */
@Controller('api/resources')
export class ResourceFilesController {
  constructor(
    private readonly library: LibraryService,
    private readonly units: RegionUnits,
    private readonly db: Db,
  ) {}

  @Post(':resourceId/files')
  @HttpCode(201)
  @Allow(Role.REGION_ADMIN)
  async upload(
    @Param('resourceId') resourceId: string,
    @Req() req: FastifyRequest,
    @Headers('x-file-name') fileName: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: { resourceFile: ResourceFile } }> {
    if (!isUuid(resourceId)) throw AppError.notFound('Ressource introuvable.');
    const { body, declaredBytes } = uploadBody(req);
    try {
      return { data: { resourceFile: await this.library.addFile(resourceId.toLowerCase(), body, fileName, declaredBytes) } };
    } catch (err) {
      if (!body.readableEnded) reply.raw.setHeader('connection', 'close');
      throw err;
    }
  }

  @Get(':resourceId/versions/:version/files/:documentId')
  @Allow(Role.REGION_ADMIN, Role.MISSION_OFFICER, ...CPTS_READERS)
  async download(
    @Param('resourceId') resourceId: string,
    @Param('version') rawVersion: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const principal = requirePrincipal();
    const version = /^\d{1,6}$/.test(rawVersion) ? Number(rawVersion) : NaN;
    const cptsRegion = await this.cptsRegion(principal);
    const regionTeam = regionsWhere(principal, [Role.REGION_ADMIN, Role.MISSION_OFFICER]);
    // The CPTS's own region first: its downloads count in the usage figures.
    const candidates = [...new Set([...(cptsRegion ? [cptsRegion] : []), ...regionTeam])];
    let found: Awaited<ReturnType<LibraryService['fileFor']>> | null = null;
    let foundIn: string | null = null;
    for (const regionId of candidates) {
      try {
        found = await this.library.fileFor(regionId, resourceId.toLowerCase(), version, documentId.toLowerCase());
        foundIn = regionId;
        break;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    if (!found) throw AppError.notFound('Fichier introuvable.');
    if (foundIn === cptsRegion && principal.tenantId) {
      const tenantId = principal.tenantId;
      // Committed on its own: the request's own transaction only read, and is released before the bytes travel.
      await this.db.runApart({ tenantId, label: 'resource-download' }, () =>
        this.db.tenantRows(
          `INSERT INTO resource_downloads (tenant_id, id, resource_id, version, document_id, user_id) VALUES ($1, $2, $3, $4, $5, $6)`,
          [tenantId, randomUUID(), resourceId.toLowerCase(), version, documentId.toLowerCase(), principal.userId],
        ),
      );
    }
    await this.db.releaseReads();
    await sendDocument(reply, found);
  }

  /** The region of the caller's CPTS, when they read the library as its team or board. */
  private async cptsRegion(principal: Principal): Promise<string | null> {
    if (!principal.tenantId || !principal.tenantRoles.some((r) => CPTS_READERS.includes(r))) return null;
    return this.units.regionOfTenant(principal.tenantId);
  }
}
