import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { blankToNull } from './transforms';

export interface PageArgsOptions {
  /** `first` when the query does not say. */
  defaultSize: number;
  /** The largest `first`. */
  maxSize: number;
  /** What a page holds, singular and plural, for the French messages: ['campagne', 'campagnes']. */
  noun: readonly [string, string];
  /**
   * Where "au plus" stands in the message past maxSize: at the start
   * ("Au plus 100 éléments par page.", the default) or at the end
   * ("100 campagnes par page au plus.").
   */
  atMost?: 'start' | 'end';
}

/**
 * The arguments of a forward page (`first`, `after`: see ConnectionType and
 * toConnection) for an @ArgsType class that extends it and adds its filters:
 * `first` from 1 to maxSize, defaultSize when not given; `after` an opaque
 * cursor, blank meaning the first page.
 */
export function PageArgs({ defaultSize, maxSize, noun: [one, many], atMost = 'start' }: PageArgsOptions) {
  @ArgsType()
  abstract class PageArgsType {
    @Field(() => Int, { defaultValue: defaultSize })
    @IsInt()
    @Min(1, { message: `Au moins 1 ${one} par page.` })
    @Max(maxSize, { message: atMost === 'start' ? `Au plus ${maxSize} ${many} par page.` : `${maxSize} ${many} par page au plus.` })
    first = defaultSize;

    @Field(() => String, { nullable: true })
    @blankToNull()
    @IsOptional()
    @IsString()
    @MaxLength(500)
    after?: string | null;
  }
  return PageArgsType;
}
