import { Controller, Get, Header, Query } from '@nestjs/common';
import { Allow, AppError, CPTS_TEAM, CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '@cpts/platform-core';
import { ProfessionalFilter } from '../professional.types';
import { ProfessionalsService } from '../professionals.service';
import { SitesService } from '../sites/sites.service';
import { ExportedProfessional, professionalsCsv } from './professionals-csv';
import { professionalsXlsx } from './professionals-xlsx';

const PROFESSION = /^[0-9]{2}$/;
const INSEE = /^[0-9][0-9AB][0-9]{3}$/;

/** Comma-separated codes from the address, each checked like the GraphQL filter's. */
function codes(raw: string | undefined, pattern: RegExp, field: string, message: string): string[] | undefined {
  if (!raw) return undefined;
  const list = raw.split(',').filter(Boolean);
  if (list.length > 1000 || list.some((code) => !pattern.test(code))) throw AppError.field(field, message);
  return list;
}

/**
 * The directory, filtered as on screen (same parameters as the page's
 * address: q, professions, communes, archives), as a CSV file or an Excel workbook.
 */
@Controller('api/directory')
export class DirectoryExportController {
  constructor(
    private readonly professionals: ProfessionalsService,
    private readonly sites: SitesService,
  ) {}

  @Get('professionals.csv')
  @Allow(...CPTS_TEAM)
  @Header('content-type', CSV_CONTENT_TYPE)
  @Header('content-disposition', 'attachment; filename="annuaire.csv"')
  @Header('cache-control', 'no-store')
  async csv(
    @Query('q') q?: string,
    @Query('professions') professions?: string,
    @Query('communes') communes?: string,
    @Query('archives') archives?: string,
  ): Promise<string> {
    return professionalsCsv(await this.rows(exportFilter(q, professions, communes, archives)));
  }

  /** The same list as an Excel workbook. */
  @Get('professionals.xlsx')
  @Allow(...CPTS_TEAM)
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('content-disposition', 'attachment; filename="annuaire.xlsx"')
  @Header('cache-control', 'no-store')
  async xlsx(
    @Query('q') q?: string,
    @Query('professions') professions?: string,
    @Query('communes') communes?: string,
    @Query('archives') archives?: string,
  ): Promise<Buffer> {
    return professionalsXlsx(await this.rows(exportFilter(q, professions, communes, archives)));
  }

  /** The people of the filter with their current sites (one statement for all the sites). */
  private async rows(filter: ProfessionalFilter): Promise<ExportedProfessional[]> {
    const people = await this.professionals.all(filter);
    const sites = await this.sites.ofProfessionals(
      people.map((p) => p.id),
      false,
    );
    return people.map((p) => Object.assign(p, { sites: sites.get(p.id) ?? [] }));
  }
}

/** The filter of the page's address (q, professions, communes, archives), checked like the GraphQL filter. */
function exportFilter(q?: string, professions?: string, communes?: string, archives?: string): ProfessionalFilter {
  if (q !== undefined && (typeof q !== 'string' || q.length > 100)) throw AppError.field('q', 'Recherche trop longue (100 caractères au plus).');
  return {
    search: q || undefined,
    professionCodes: codes(professions, PROFESSION, 'professions', 'Code de profession invalide.'),
    communeCodes: codes(communes, INSEE, 'communes', 'Code INSEE invalide.'),
    archived: archives === '1',
  };
}
