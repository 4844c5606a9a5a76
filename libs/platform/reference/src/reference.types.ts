import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A health profession (code of the national directory, RPPS).' })
export class Profession {
  @Field({ description: 'RPPS profession code, e.g. "10" for médecin.' })
  code: string;

  @Field()
  label: string;

  @Field()
  labelPlural: string;
}

@ObjectType()
export class Departement {
  @Field()
  code: string;

  @Field()
  name: string;
}

@ObjectType({ description: 'A French commune (INSEE code).' })
export class Commune {
  @Field()
  inseeCode: string;

  @Field()
  name: string;

  @Field()
  departementCode: string;

  @Field(() => Int, { description: 'Municipal population (INSEE).' })
  population: number;

  @Field(() => String, { nullable: true, description: 'The intercommunality (EPCI) the commune belongs to.' })
  epciName: string | null;
}
