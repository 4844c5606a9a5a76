/**
 * The input fields a practice site and a person share: a person's commune
 * and structure are their main site's (copied onto the row), so both forms
 * check them the same way.
 */
import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { blankToNull } from '@cpts/platform-core';

/** The commune, by its INSEE code: required. */
export const CommuneCodeInput = () =>
  applyDecorators(
    Field(() => String),
    Matches(/^[0-9][0-9AB][0-9]{3}$/, { message: 'Choisissez une commune.' }),
  );

/** The practice, MSP, pharmacy...: optional, blank meaning none. */
export const StructureNameInput = () =>
  applyDecorators(
    Field(() => String, { nullable: true }),
    blankToNull(),
    IsOptional(),
    IsString(),
    MaxLength(200, { message: 'Au plus 200 caractères.' }),
  );
