import { Column, Entity, PrimaryColumn } from 'typeorm';

/* The surveys' tables as TypeORM sees them (the schema test compares them with the migration); the services write SQL. */

@Entity({ name: 'surveys' })
export class SurveysRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text', { default: '' }) intro: string;
  @Column('boolean') anonymous: boolean;
  @Column('text', { default: 'draft' }) status: string;
  @Column('timestamptz', { name: 'closes_at', nullable: true }) closesAt: Date | null;
  @Column('int', { name: 'reminder_days', default: 3 }) reminderDays: number;
  @Column('uuid', { name: 'adoption_id', nullable: true }) adoptionId: string | null;
  @Column('text', { name: 'audience_label', nullable: true }) audienceLabel: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

@Entity({ name: 'survey_questions' })
export class SurveyQuestionsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'survey_id' }) surveyId: string;
  @Column('int') position: number;
  @Column('text') type: string;
  @Column('text') label: string;
  @Column('text', { array: true, default: () => "'{}'" }) options: string[];
  @Column('boolean', { default: false }) required: boolean;
}

@Entity({ name: 'survey_recipients' })
export class SurveyRecipientsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'survey_id' }) surveyId: string;
  @Column('uuid', { name: 'professional_id', nullable: true }) professionalId: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text') name: string;
  @Column('text') email: string;
  @Column('boolean', { default: false }) answered: boolean;
  @Column('int', { default: 0 }) reminders: number;
}

@Entity({ name: 'survey_responses' })
export class SurveyResponsesRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'survey_id' }) surveyId: string;
  @Column('uuid', { name: 'recipient_id', nullable: true }) recipientId: string | null;
  @Column('boolean') anonymous: boolean;
  @Column('jsonb') answers: unknown;
}

export const surveysEntities = [SurveysRow, SurveyQuestionsRow, SurveyRecipientsRow, SurveyResponsesRow];
