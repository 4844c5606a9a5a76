import { Args, Field, InputType, Int, Query, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Authenticated } from '@cpts/platform-core';
import { ReferenceService } from './reference.service';
import { Commune, Departement, Profession } from './reference.types';

@InputType()
export class CommuneFilter {
  @Field({ nullable: true, description: 'Start of the commune name; accents and case ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  search?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^[0-9][0-9AB]$/, { each: true, message: 'Code de département invalide.' })
  departementCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'Only these INSEE codes.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { each: true, message: 'Code INSEE invalide.' })
  inseeCodes?: string[];

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(1000)
  first = 20;
}

@Resolver()
export class ReferenceResolver {
  constructor(private readonly reference: ReferenceService) {}

  @Query(() => [Profession], { description: 'Health professions the platform knows.' })
  @Authenticated()
  professions(): Promise<Profession[]> {
    return this.reference.professions();
  }

  @Query(() => [Departement])
  @Authenticated()
  departements(): Promise<Departement[]> {
    return this.reference.departements();
  }

  @Query(() => [Commune], { description: 'Communes by name, most populated first (for pickers).' })
  @Authenticated()
  communes(@Args('filter', { type: () => CommuneFilter, nullable: true }) filter?: CommuneFilter): Promise<Commune[]> {
    return this.reference.searchCommunes({ ...filter, limit: filter?.first ?? 20 });
  }
}
