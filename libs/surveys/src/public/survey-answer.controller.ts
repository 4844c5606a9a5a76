import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { Public } from '@cpts/platform-core';
import { IsDefined, IsObject } from 'class-validator';
import { SurveyAnswers, SurveyPageView } from './survey-answers';

/** The answer's body: { answers: { "<question id>": 4 | "option" | ["a", "b"] | "text" } }, checked against the questions. */
export class SurveyAnswerBody {
  @IsDefined({ message: 'Réponses manquantes.' })
  @IsObject({ message: 'Réponses illisibles.' })
  answers: Record<string, unknown>;
}

/**
 * The answer page's API, /api/public/surveys/<token>: read the survey, send
 * the answers (once). No login; under /api/public/, so limited per client address.
 */
@Controller('api/public/surveys')
export class SurveyAnswerController {
  constructor(private readonly answers: SurveyAnswers) {}

  @Get(':token')
  @Public()
  @Header('cache-control', 'no-store')
  view(@Param('token') token: string): Promise<SurveyPageView> {
    return this.answers.view(token);
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  submit(@Param('token') token: string, @Body() body: SurveyAnswerBody): Promise<SurveyPageView> {
    return this.answers.submit(token, body.answers);
  }
}
