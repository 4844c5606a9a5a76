import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, UuidPipe } from '@cpts/platform-core';
import { ConflictChoice, DirectoryImport, DirectoryImportCheck, DirectoryImportIssue } from './directory-import.types';
import { DirectoryImportsService } from './directory-imports.service';
import { ImportConflictsService } from './import-conflicts.service';

/** Imports of the national directory. Files arrive by POST /api/directory/imports (DirectoryImportsController). */
@Resolver(() => DirectoryImport)
export class DirectoryImportsResolver {
  constructor(
    private readonly imports: DirectoryImportsService,
    private readonly conflicts: ImportConflictsService,
  ) {}

  @Query(() => [DirectoryImport], { description: 'The latest imports of the active CPTS, newest first.' })
  @Allow(...CPTS_TEAM)
  directoryImports(@Args('first', { type: () => Int, defaultValue: 10 }) first: number): Promise<DirectoryImport[]> {
    return this.imports.list(Math.min(Math.max(first, 1), 50));
  }

  @Query(() => DirectoryImport)
  @Allow(...CPTS_TEAM)
  directoryImport(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<DirectoryImport> {
    return this.imports.get(id);
  }

  @Query(() => DirectoryImportCheck, {
    description: 'What uploading this extraction file would meet (an import under way refused, an older extraction to confirm), asked before sending it.',
  })
  @Allow(...CPTS_TEAM)
  directoryImportCheck(@Args('fileName', { type: () => String }) fileName: string): Promise<DirectoryImportCheck> {
    return this.imports.check(fileName);
  }

  @Mutation(() => DirectoryImportIssue, { description: "Settles a conflict of an import report: keep the staff's value or take the extraction's." })
  @Allow(...CPTS_TEAM)
  resolveImportConflict(
    @Args('importId', { type: () => ID }, UuidPipe) importId: string,
    @Args('seq', { type: () => Int }) seq: number,
    @Args('keep', { type: () => ConflictChoice }) keep: ConflictChoice,
  ): Promise<DirectoryImportIssue> {
    return this.conflicts.resolve(importId, seq, keep);
  }

  @Mutation(() => [DirectoryImportIssue], {
    description:
      "Settles all of one person's open conflicts of an import report the same way, all or nothing: if any field is refused (merged record, field edited since, newer import), none is applied and the error lists them.",
  })
  @Allow(...CPTS_TEAM)
  resolvePersonImportConflicts(
    @Args('importId', { type: () => ID }, UuidPipe) importId: string,
    @Args('professionalId', { type: () => ID }, UuidPipe) professionalId: string,
    @Args('keep', { type: () => ConflictChoice }) keep: ConflictChoice,
  ): Promise<DirectoryImportIssue[]> {
    return this.conflicts.resolvePerson(importId, professionalId, keep);
  }

  @ResolveField(() => [DirectoryImportIssue], { description: 'Rejected lines, then conflicts, in order; page with afterSeq.' })
  issues(
    @Parent() parent: DirectoryImport,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('afterSeq', { type: () => Int, defaultValue: 0 }) afterSeq: number,
  ): Promise<DirectoryImportIssue[]> {
    return this.imports.issues(parent.id, Math.min(Math.max(first, 1), 500), Math.max(afterSeq, 0));
  }
}
